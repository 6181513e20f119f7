import { describe, expect, it } from 'vitest';
import { contexts } from './corpus/contexts.ts';
import { guessLanguage } from './language.ts';
import { parse } from './parse.ts';

describe('the language command', () => {
  it.each([
    ['idioma português', 'pt-BR'],
    ['Idioma Portugues', 'pt-BR'],
    ['idioma español', 'es'],
    ['idioma en español', 'es'],
    ['bahasa indonesia', 'id'],
    ['bahasa inggris', 'en'],
    ['भाषा हिंदी', 'hi'],
    ['language hindi', 'hi'],
    ['language english', 'en'],
    ['language: english', 'en'],
    ['english language', 'en'],
    ['change language to spanish', 'es'],
    ['language food', null],
  ])('reads "%s" as %s', (text, language) => {
    const result = parse(text, contexts.india);
    if (language === null) {
      expect(result).not.toMatchObject({ kind: 'command', command: { type: 'language' } });
    } else {
      expect(result).toEqual({ kind: 'command', command: { type: 'language', language } });
    }
  });

  it('leaves expenses and other words alone', () => {
    expect(parse('120 hindi class', contexts.india).kind).toBe('expenses');
    expect(parse('language', contexts.india)).not.toMatchObject({
      command: { type: 'language' },
    });
    expect(parse('idioma klingon', contexts.india)).not.toMatchObject({
      command: { type: 'language' },
    });
  });
});

describe('guessLanguage', () => {
  it.each([
    ['नमस्ते', 'hi'],
    ['Olá, tudo bem?', 'pt-BR'],
    ['oi gastei 50 no almoço', 'pt-BR'],
    ['Hola! gasté 200 ayer', 'es'],
    ['halo, makan siang 35000 kemarin', 'id'],
    ['namaste', 'hi'],
  ])('reads "%s" as %s', (text, language) => {
    expect(guessLanguage(text)).toBe(language);
  });

  it('tells nothing for English or a message with no clue', () => {
    expect(guessLanguage('hi there')).toBeNull();
    expect(guessLanguage('120 petrol')).toBeNull();
    expect(guessLanguage('LINK 12345678')).toBeNull();
  });
});
