import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone.ts';

describe('normalizePhone', () => {
  it('accepts international numbers written the usual ways', () => {
    expect(normalizePhone('+91 98123 45678')).toBe('+919812345678');
    expect(normalizePhone('+1 (415) 555-0100')).toBe('+14155550100');
    expect(normalizePhone('0044 20 7946 0958')).toBe('+442079460958');
  });

  it('refuses local numbers, letters and impossible lengths', () => {
    for (const bad of [
      '98123 45678',
      '+0 123456789',
      '+91 98123 abcde',
      '+1234',
      '+1234567890123456',
    ]) {
      expect(normalizePhone(bad), bad).toBeNull();
    }
  });
});
