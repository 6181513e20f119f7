import { describe, expect, it } from 'vitest';
import { GRAPH_ERROR } from './graph-errors.ts';
import { blocksAllSends, graphErrorMeaning } from './graph-error-meanings.ts';

describe('graphErrorMeaning', () => {
  it('explains every code Spendline acts on, with a fix', () => {
    for (const code of Object.values(GRAPH_ERROR)) {
      const meaning = graphErrorMeaning(code);
      expect(meaning?.meaning, String(code)).toMatch(/\w/);
      expect(meaning?.fix, String(code)).toMatch(/\w/);
    }
  });

  it('names the setting to change for a refused token', () => {
    expect(graphErrorMeaning(190)?.fix).toContain('WHATSAPP_ACCESS_TOKEN');
  });

  it('reads the whole 200-299 range as permissions, and knows nothing of other codes', () => {
    expect(graphErrorMeaning(294)).toEqual(graphErrorMeaning(200));
    expect(graphErrorMeaning(999_999)).toBeUndefined();
  });
});

describe('blocksAllSends', () => {
  it('tells account problems from one message failing', () => {
    expect([190, 368, 131042, 250].map(blocksAllSends)).toEqual([true, true, true, true]);
    expect([131047, 131026, 130429, 132001].map(blocksAllSends)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
