import { translator } from '@spendline/i18n';
import { describe, expect, it } from 'vitest';
import { problemText, type Translate } from './api-words.ts';
import { loadWebMessages } from './i18n/catalog.ts';
import { english } from './i18n/english.ts';

const hindi: Translate = translator(await loadWebMessages('hi'), 'hi-IN');
const spanish: Translate = translator(await loadWebMessages('es'), 'es-MX');
const portuguese: Translate = translator(await loadWebMessages('pt-BR'), 'pt-BR');

describe('problemText', () => {
  it('keeps the api’s English words, as sentences', () => {
    for (const [problem, shown] of [
      ['must be at most 4,096 characters', 'Must be at most 4,096 characters.'],
      ['must be at least 1 character', 'Must be at least 1 character.'],
      ['must have at most 50 items', 'Must have at most 50 items.'],
      ['must be at most 23', 'Must be at most 23.'],
      ['is too far in the future', 'This is too far in the future.'],
      ['is archived; restore it first', 'This is archived; restore it first.'],
      [
        'must not contain control characters such as NUL',
        'Must not contain control characters such as NUL.',
      ],
      [
        'must be a WhatsApp number with its country code, such as +919812300000',
        'Must be a WhatsApp number with its country code, such as +919812300000.',
      ],
      [
        'That code is not right. Check the WhatsApp message and try again (1 more try).',
        'That code is not right. Check the WhatsApp message and try again (1 more try).',
      ],
      [
        'That code is not right. Check the WhatsApp message and try again (4 more tries).',
        'That code is not right. Check the WhatsApp message and try again (4 more tries).',
      ],
      [
        'Use at least 12 characters (this one has 10).',
        'Use at least 12 characters (this one has 10).',
      ],
      [
        'must be 1 to 40 characters of plain text, and not “personal”',
        'Must be 1 to 40 characters of plain text, and not “personal”.',
      ],
      [
        'This image could not be read. Try another photo.',
        'This image could not be read. Try another photo.',
      ],
    ]) {
      expect(problemText(english.t, problem!)).toBe(shown);
    }
  });

  it('says the known problems in the reader’s language, numbers written its way', () => {
    expect(problemText(portuguese, 'must be at most 4,096 characters')).toBe(
      'Deve ter no máximo 4.096 caracteres.',
    );
    expect(problemText(spanish, 'must be more than zero')).toBe('Debe ser mayor que cero.');
    expect(problemText(hindi, 'must not be empty')).toBe('खाली नहीं हो सकता।');
    expect(problemText(hindi, 'is not a valid email')).toBe('यह मान्य ईमेल नहीं है।');
    expect(
      problemText(
        portuguese,
        'That code is not right. Check the WhatsApp message and try again (4 more tries).',
      ),
    ).toBe(
      'Esse código não está certo. Confira a mensagem do WhatsApp e tente de novo (mais 4 tentativas).',
    );
    expect(problemText(hindi, 'must be from 1 (Monday) to 7 (Sunday)')).toBe(
      '1 (सोमवार) से 7 (रविवार) तक होना चाहिए।',
    );
    expect(problemText(spanish, 'Enter the 6 digits from the WhatsApp message.')).toBe(
      'Escribe los 6 dígitos del mensaje de WhatsApp.',
    );
  });

  it('keeps a problem it does not know in the api’s words rather than dropping it', () => {
    expect(problemText(hindi, 'it ends before it would first run')).toBe(
      'It ends before it would first run.',
    );
  });
});
