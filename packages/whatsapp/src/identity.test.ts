import { describe, expect, it } from 'vitest';
import { isBsuid, isPhoneNumber, toE164, toWaDigits, waKeyOf } from './identity.ts';

describe('isBsuid', () => {
  it('accepts BSUIDs and parent BSUIDs', () => {
    expect(isBsuid('US.13491208655302741918')).toBe(true);
    expect(isBsuid('BR.1502576394655843')).toBe(true);
    expect(isBsuid('IN.abcDEF123')).toBe(true);
    expect(isBsuid('US.ENT.11815799212886844830')).toBe(true);
  });

  it('rejects phone numbers and malformed ids', () => {
    for (const value of ['919812345678', '+919812345678', 'us.123', 'USA.123', 'US.', 'US.12-3']) {
      expect(isBsuid(value)).toBe(false);
    }
    expect(isBsuid(`US.${'1'.repeat(129)}`)).toBe(false);
  });
});

describe('isPhoneNumber', () => {
  it('accepts digits with or without a plus, up to 15 digits', () => {
    expect(isPhoneNumber('919812345678')).toBe(true);
    expect(isPhoneNumber('+919812345678')).toBe(true);
    expect(isPhoneNumber('1234567890123456')).toBe(false);
    expect(isPhoneNumber('US.123456')).toBe(false);
    expect(isPhoneNumber('91 98123 45678')).toBe(false);
  });
});

describe('phone number forms', () => {
  it('converts between Meta digits and E.164 both ways, idempotently', () => {
    expect(toE164('919812345678')).toBe('+919812345678');
    expect(toE164('+919812345678')).toBe('+919812345678');
    expect(toWaDigits('+919812345678')).toBe('919812345678');
    expect(toWaDigits('919812345678')).toBe('919812345678');
  });
});

describe('waKeyOf', () => {
  it('prefers the BSUID and falls back to the phone number', () => {
    expect(waKeyOf({ bsuid: 'IN.123', phoneNumber: '+919812345678' })).toBe('IN.123');
    expect(waKeyOf({ phoneNumber: '+919812345678' })).toBe('+919812345678');
    expect(waKeyOf({})).toBeUndefined();
  });
});
