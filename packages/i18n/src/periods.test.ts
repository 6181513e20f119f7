import { describe, expect, it } from 'vitest';
import { periodName, type NamedPeriod } from './periods.ts';

const lastMonth: NamedPeriod = {
  from: '2026-11-01',
  to: '2026-11-30',
  label: 'last month',
  unit: 'month',
};

describe('periodName', () => {
  it('keeps the English names English', () => {
    expect(periodName(lastMonth, 'en-IN')).toEqual({ label: 'last month', during: 'last month' });
    expect(periodName({ ...lastMonth, label: 'November 2026' }, 'en-US')).toEqual({
      label: 'November 2026',
      during: null,
    });
  });

  it('says relative periods in the reader’s language', () => {
    expect(periodName(lastMonth, 'hi-IN').label).toBe('पिछले महीने');
    expect(periodName({ ...lastMonth, label: 'the month before' }, 'pt-BR').label).toBe(
      'o mês anterior',
    );
    expect(
      periodName({ ...lastMonth, label: 'the 7 days before', unit: 'span' }, 'es-MX').label,
    ).not.toMatch(/days before/);
  });

  it('names months, days and spans from their dates in the reader’s tag', () => {
    expect(periodName({ ...lastMonth, label: 'November 2026' }, 'pt-BR').label).toBe(
      'novembro de 2026',
    );
    expect(
      periodName({ from: '2026-12-03', to: '2026-12-03', label: '3 Dec', unit: 'day' }, 'es-MX')
        .label,
    ).toBe('3 dic');
    expect(
      periodName(
        { from: '2026-12-01', to: '2026-12-07', label: 'last 7 days', unit: 'span' },
        'id-ID',
      ).label,
    ).toBe('1 Des – 7 Des');
  });
});
