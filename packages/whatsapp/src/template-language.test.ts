import { describe, expect, it } from 'vitest';
import { templateLanguage } from './template-language.ts';

describe('templateLanguage', () => {
  it.each([
    ['en-IN', 'en'],
    ['en-GB', 'en_GB'],
    ['hi-IN', 'hi'],
    ['pt', 'pt_BR'],
    ['pt-PT', 'pt_PT'],
    ['zh-TW', 'zh_TW'],
    ['es-CO', 'es'],
  ])('maps the locale %s to Meta’s %s', (locale, code) => {
    expect(templateLanguage(locale)).toBe(code);
  });
});
