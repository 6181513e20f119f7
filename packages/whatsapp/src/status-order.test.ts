import { describe, expect, it } from 'vitest';
import { shouldApplyStatus, statusRank } from './status-order.ts';

describe('statusRank', () => {
  it('orders pending < sending < sent < delivered < read', () => {
    const ranks = ['pending', 'sending', 'sent', 'delivered', 'read'].map(statusRank);
    expect(ranks.every((rank) => rank !== undefined)).toBe(true);
    expect([...(ranks as number[])].sort((a, b) => a - b)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(5);
  });

  it('has no rank for statuses outside the delivery order', () => {
    expect(statusRank('deleted')).toBeUndefined();
    expect(statusRank('warning')).toBeUndefined();
    expect(statusRank('toString')).toBeUndefined();
  });
});

describe('shouldApplyStatus', () => {
  it('never lets a late delivered overwrite read', () => {
    expect(shouldApplyStatus('read', 'delivered')).toBe(false);
    expect(shouldApplyStatus('read', 'sent')).toBe(false);
  });

  it('moves forward through the normal lifecycle', () => {
    expect(shouldApplyStatus(undefined, 'pending')).toBe(true);
    expect(shouldApplyStatus('pending', 'sending')).toBe(true);
    expect(shouldApplyStatus('sending', 'sent')).toBe(true);
    expect(shouldApplyStatus('sent', 'delivered')).toBe(true);
    expect(shouldApplyStatus('delivered', 'read')).toBe(true);
    expect(shouldApplyStatus('sent', 'read')).toBe(true);
  });

  it('ignores a duplicate of the stored status', () => {
    expect(shouldApplyStatus('delivered', 'delivered')).toBe(false);
    expect(shouldApplyStatus('failed', 'failed')).toBe(false);
  });

  it('applies failed unless the message was already delivered or read', () => {
    expect(shouldApplyStatus('pending', 'failed')).toBe(true);
    expect(shouldApplyStatus('sending', 'failed')).toBe(true);
    expect(shouldApplyStatus('sent', 'failed')).toBe(true);
    expect(shouldApplyStatus('delivered', 'failed')).toBe(false);
    expect(shouldApplyStatus('read', 'failed')).toBe(false);
  });

  it('does not let a late sent revive a failed message, but a receipt does', () => {
    expect(shouldApplyStatus('failed', 'sent')).toBe(false);
    expect(shouldApplyStatus('failed', 'delivered')).toBe(true);
    expect(shouldApplyStatus('failed', 'read')).toBe(true);
  });

  it('never applies unknown statuses and lets known ones replace an unknown stored one', () => {
    expect(shouldApplyStatus('sent', 'deleted')).toBe(false);
    expect(shouldApplyStatus(null, 'warning')).toBe(false);
    expect(shouldApplyStatus('something-new', 'sent')).toBe(true);
  });
});
