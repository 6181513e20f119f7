import { describe, expect, it } from 'vitest';
import { isSupportedLocale } from './locale.ts';

describe('isSupportedLocale', () => {
  it('takes the five languages in any region', () => {
    for (const tag of ['en', 'en-IN', 'en-US', 'pt-BR', 'pt-PT', 'es', 'es-MX', 'id-ID', 'hi-IN']) {
      expect(isSupportedLocale(tag), tag).toBe(true);
    }
  });

  it('refuses other languages and strings that are no tag', () => {
    for (const tag of ['fr-FR', 'de-DE', 'ta-IN', '', 'english', 'pt_BR', 'x']) {
      expect(isSupportedLocale(tag), tag).toBe(false);
    }
  });
});
