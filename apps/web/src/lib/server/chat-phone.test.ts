import { describe, expect, it } from 'vitest';
import type { Viewer } from './viewer.ts';
import { chatPhone, DEMO_PHONE } from './chat-phone.ts';

const viewer = (links: Viewer['whatsAppLinks']): Viewer => ({
  id: 'u',
  email: 'a@example.com',
  displayName: 'A',
  currency: 'INR',
  timeZone: 'Asia/Kolkata',
  locale: 'en-IN',
  isOperator: false,
  whatsAppLinks: links,
});
const linked = { id: 'l', phoneNumber: '+919812345678', verifiedAt: '2026-01-01', active: true };

describe('chatPhone', () => {
  it('prefers the number asked for, then the linked one, then the pending OTP, then the demo', () => {
    expect(chatPhone('+44 20 7946 0958', viewer([linked]), '+911111111111')).toBe('+442079460958');
    expect(chatPhone(null, viewer([linked]), '+911111111111')).toBe('+919812345678');
    expect(chatPhone(null, viewer([{ ...linked, active: false }]), '+911111111111')).toBe(
      '+911111111111',
    );
    expect(chatPhone(null, viewer([]), null)).toBe(DEMO_PHONE);
  });

  it('ignores an unreadable number in the URL', () => {
    expect(chatPhone('not a phone', viewer([]), null)).toBe(DEMO_PHONE);
  });
});
