import { describe, expect, it } from 'vitest';
import { localDateFormat } from './local-date-format.ts';

describe('localDateFormat', () => {
  it('writes the stored day itself, whatever zone the process runs in', () => {
    expect(localDateFormat('en-US')('2026-12-08')).toBe('Dec 8, 2026');
    expect(localDateFormat('en-US')('2026-01-01')).toBe('Jan 1, 2026');
    expect(localDateFormat('en-IN', { day: 'numeric', month: 'short' })('2026-12-31')).toBe(
      '31 Dec',
    );
  });
});
