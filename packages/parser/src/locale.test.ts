import { describe, expect, it } from 'vitest';
import { localeInfo } from './locale.ts';

describe('localeInfo', () => {
  it('knows which locales write the day first', () => {
    expect(localeInfo('en-IN').dayFirst).toBe(true);
    expect(localeInfo('en-GB').dayFirst).toBe(true);
    expect(localeInfo('de-DE').dayFirst).toBe(true);
    expect(localeInfo('en-US').dayFirst).toBe(false);
  });

  it('knows the decimal mark', () => {
    expect(localeInfo('en-IN').decimalMark).toBe('.');
    expect(localeInfo('de-DE').decimalMark).toBe(',');
    expect(localeInfo('fr-FR').decimalMark).toBe(',');
  });
});
