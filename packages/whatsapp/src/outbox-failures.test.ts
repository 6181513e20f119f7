import { describe, expect, it } from 'vitest';
import { failureKey, failureMeaning } from './outbox-failures.ts';

describe('failureKey', () => {
  it("reads the code from the dispatcher's and the status webhook's last_error", () => {
    expect(failureKey('131047: (#131047) Re-engagement message')).toBe('131047');
    expect(failureKey('132001 Template name does not exist in the translation')).toBe('132001');
    expect(failureKey('503: HTTP 503 without a Graph error')).toBe('HTTP 503');
    expect(failureKey('network: connect ECONNREFUSED')).toBe('network');
    expect(failureKey(null)).toBe('unknown');
  });
});

describe('failureMeaning', () => {
  it("gives Meta's meaning and fix, and whether the whole account is blocked", () => {
    expect(failureMeaning('190')).toMatchObject({
      meaning: expect.stringMatching(/token/),
      fix: expect.stringContaining('WHATSAPP_ACCESS_TOKEN'),
      blocking: true,
    });
    expect(failureMeaning('131047').blocking).toBe(false);
  });

  it('still says something to do for a network failure or a code it does not know', () => {
    expect(failureMeaning('network').fix).toContain('WHATSAPP_API_URL');
    for (const key of ['HTTP 502', '999999', 'unknown'])
      expect(failureMeaning(key)).toMatchObject({
        fix: expect.stringMatching(/\w/),
        blocking: false,
      });
  });
});
