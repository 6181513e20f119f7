import { describe, expect, it } from 'vitest';
import { localNoon, today } from './zoned-time.ts';

describe('zoned time', () => {
  it('puts a date at noon in the person’s zone', () => {
    expect(localNoon('2026-03-08', 'Asia/Kolkata')).toBe('2026-03-08T06:30:00.000Z');
    expect(localNoon('2026-07-01', 'America/New_York')).toBe('2026-07-01T16:00:00.000Z');
    expect(localNoon('2026-01-01', 'UTC')).toBe('2026-01-01T12:00:00.000Z');
  });

  it('knows which day it is in a zone', () => {
    const instant = new Date('2026-03-08T20:00:00Z');
    expect(today('Asia/Kolkata', instant)).toBe('2026-03-09');
    expect(today('America/New_York', instant)).toBe('2026-03-08');
  });
});
