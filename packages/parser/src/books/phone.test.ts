import { describe, expect, it } from 'vitest';
import { looksLikePhone, phoneNumber } from './phone.ts';

describe('phoneNumber', () => {
  it.each([
    ['+919812300000', '+919812300000'],
    ['+91 98123 00000', '+919812300000'],
    ['98123 00000', '+919812300000'],
    ['098123-00000', '+919812300000'],
    ['919812300000', '+919812300000'],
    ['0091 9812300000', '+919812300000'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['+55 11 91234 5678', '+5511912345678'],
  ])('reads %s as %s', (typed, e164) => {
    expect(phoneNumber(typed)).toBe(e164);
  });

  it.each(['12345', '5812300000', '+91 5812300000', '+0123456789', '+1234567890123456', 'call me'])(
    'refuses %s',
    (typed) => {
      expect(phoneNumber(typed)).toBeNull();
    },
  );

  it('tells a typed number from an amount', () => {
    expect(looksLikePhone('+91 98123 00000')).toBe(true);
    expect(looksLikePhone('500')).toBe(false);
    expect(looksLikePhone('500 rent')).toBe(false);
  });
});
