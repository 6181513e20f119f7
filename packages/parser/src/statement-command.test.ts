import { describe, expect, it } from 'vitest';
import { contexts } from './corpus/contexts.ts';
import { parse } from './parse.ts';

const november = { from: '2026-11-01', to: '2026-11-30' };

describe('the statement command', () => {
  it('asks for this month’s statement alone or with polite words around it', () => {
    for (const text of ['statement', 'Statement', 'send my statement', 'statement pdf', 'pdf']) {
      expect(parse(text, contexts.india), text).toEqual({
        kind: 'command',
        command: { type: 'statement', year: 2026, month: 11, range: november },
      });
    }
  });

  it('names the month: by name, with a year, or as last month', () => {
    const month = (text: string) => {
      const result = parse(text, contexts.india);
      return result.kind === 'command' && result.command.type === 'statement'
        ? result.command.range
        : result;
    };
    expect(month('statement november')).toEqual(november);
    expect(month('statement for october')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    // December has not begun in November 2026: the latest December is last year's.
    expect(month('statement december')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(month('statement march 2025')).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(month('statement last month')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(month('monthly statement')).toEqual(november);
  });

  it('explains that statements are by month when another period is asked for', () => {
    const result = parse('statement last week', contexts.india);
    expect(result).toMatchObject({ kind: 'unknown', command: 'statement' });
    expect(result.kind === 'unknown' && result.detail).toContain('statement november');
  });

  it('leaves the other commands and expenses as they were', () => {
    expect(parse('summary', contexts.india)).toMatchObject({ command: { type: 'summary' } });
    expect(parse('november', contexts.india)).toMatchObject({ command: { type: 'month' } });
    expect(parse('120 petrol', contexts.india).kind).toBe('expenses');
  });
});
