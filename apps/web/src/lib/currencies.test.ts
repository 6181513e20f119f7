import { describe, expect, it } from 'vitest';
import { currencyForLocale } from './currencies.ts';

describe('currencyForLocale', () => {
  it('starts a sign-up in the currency of the locale’s region', () => {
    expect(currencyForLocale('pt-BR')).toBe('BRL');
    expect(currencyForLocale('es-MX')).toBe('MXN');
    expect(currencyForLocale('id-ID')).toBe('IDR');
    expect(currencyForLocale('hi-IN')).toBe('INR');
    // Indonesian alone means Indonesia.
    expect(currencyForLocale('id')).toBe('IDR');
  });

  it('keeps rupees, the accounts’ default, for everyone else', () => {
    expect(currencyForLocale('en-US')).toBe('INR');
    expect(currencyForLocale('fr-FR')).toBe('INR');
    expect(currencyForLocale('not a tag')).toBe('INR');
  });
});
