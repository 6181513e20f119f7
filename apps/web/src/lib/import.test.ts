import { describe, expect, it } from 'vitest';
import {
  addBatch,
  batches,
  compact,
  emptySummary,
  MAX_PROBLEMS,
  runBatches,
  type BatchInput,
  type ImportBatch,
} from './import.ts';

const batch = (over: Partial<ImportBatch> = {}): ImportBatch => ({
  __typename: 'ExpenseImport',
  startedAt: '2026-12-02T10:00:00.000Z',
  read: 2,
  imported: 1,
  duplicates: 1,
  failed: 0,
  problems: [],
  ...over,
});

describe('compact', () => {
  it('keeps only the mapped columns, renumbered, and cuts long cells', () => {
    const rows = [['x', '2026-12-01', 'tea', '12', 'n'.repeat(600)]];
    expect(compact(rows, { date: 1, amount: 3, note: 4 })).toEqual({
      rows: [['2026-12-01', '12', 'n'.repeat(500)]],
      mapping: { date: 0, amount: 1, note: 2 },
    });
    expect(compact([['2026-12-01']], { date: 0, amount: 3 }).rows).toEqual([['2026-12-01', '']]);
  });
});

describe('batches', () => {
  it('splits by rows and numbers each batch’s first line after the header', () => {
    const rows = Array.from({ length: 5 }, (_, i) => [`${i}`]);
    expect([...batches(rows, 2)].map((b) => [b.firstLine, b.rows.length])).toEqual([
      [2, 2],
      [4, 2],
      [6, 1],
    ]);
  });

  it('keeps each batch under about 800 kB', () => {
    const rows = Array.from({ length: 1000 }, () => ['n'.repeat(2000)]);
    const sizes = [...batches(rows, 1000)].map((b) => JSON.stringify(b.rows).length);
    expect(sizes.length).toBeGreaterThan(2);
    expect(Math.max(...sizes)).toBeLessThan(800_000);
  });
});

describe('summaries', () => {
  it('add up batches and keep the first problems only', () => {
    const many = Array.from({ length: 80 }, (_, i) => ({ line: i + 2, message: 'bad' }));
    const summary = addBatch(
      addBatch(emptySummary(200), batch({ problems: many })),
      batch({ problems: many }),
    );
    expect(summary).toMatchObject({ total: 200, read: 4, imported: 2, duplicates: 2 });
    expect(summary.problems).toHaveLength(MAX_PROBLEMS);
  });

  it('run one import: the first call’s startedAt goes with the others, a refusal stops it', async () => {
    const sent: BatchInput[] = [];
    const rows = Array.from({ length: 5 }, (_, i) => ['2026-12-01', `${i + 1}`]);
    const progress: number[] = [];
    const summary = await runBatches(
      rows,
      { date: 0, amount: 1 },
      {
        maxRows: 2,
        send: (input) => {
          sent.push(input);
          return Promise.resolve(sent.length === 3 ? { stopped: 'Too many imports.' } : batch());
        },
        onProgress: (s) => progress.push(s.read),
      },
    );
    expect(sent.map((s) => [s.startedAt, s.firstLine])).toEqual([
      [undefined, 2],
      ['2026-12-02T10:00:00.000Z', 4],
      ['2026-12-02T10:00:00.000Z', 6],
    ]);
    expect(progress).toEqual([2, 4]);
    expect(summary).toMatchObject({ total: 5, read: 4, stopped: 'Too many imports.' });
  });
});
