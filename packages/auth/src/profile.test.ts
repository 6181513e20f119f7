import { describe, expect, it } from 'vitest';
import { isCurrencyCode, isEmail, isLocale, isTimeZone, normalizePhoneNumber } from './profile.ts';

describe('profile checks', () => {
  it('accepts ISO-4217 codes and refuses others', () => {
    expect(['INR', 'USD', 'EUR', 'JPY'].every(isCurrencyCode)).toBe(true);
    expect(['inr', 'RUPEES', 'XYZ1', ''].some(isCurrencyCode)).toBe(false);
  });

  it('accepts IANA zones and refuses made-up ones', () => {
    expect(['Asia/Kolkata', 'America/New_York', 'UTC'].every(isTimeZone)).toBe(true);
    expect(['Asia/Mumbai', 'IST+5', ''].some(isTimeZone)).toBe(false);
  });

  it('accepts locales and refuses garbage', () => {
    expect(isLocale('en-IN')).toBe(true);
    expect(isLocale('not a locale!')).toBe(false);
  });

  it('catches typing mistakes in emails', () => {
    expect(isEmail('asha@example.com')).toBe(true);
    expect(['asha@', 'asha example.com', 'asha@localhost', '@x.io'].some(isEmail)).toBe(false);
  });

  it('normalises phone numbers to E.164 or refuses them', () => {
    expect(normalizePhoneNumber('+91 98765-43210')).toBe('+919876543210');
    expect(normalizePhoneNumber('(+1) 555 123 4567')).toBe('+15551234567');
    expect(normalizePhoneNumber('9876543210')).toBeNull();
    expect(normalizePhoneNumber('+0123456789')).toBeNull();
  });
});
