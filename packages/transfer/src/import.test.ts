import { Readable } from 'node:stream';
import { createDefaultCategories, type Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { csvRecords } from './csv.ts';
import { importRows, type ImportProgress } from './import.ts';
import { guessMapping } from './rows.ts';

let db: Database;
let userId: string;

/** Imports a CSV text the way the admin command does: header first, mapping guessed. */
async function importCsv(text: string, onProgress?: (p: ImportProgress) => void) {
  const records = csvRecords(Readable.from([text]))[Symbol.asyncIterator]();
  const header = await records.next();
  const rows = { [Symbol.asyncIterator]: () => records };
  return importRows(db.sql, {
    userId,
    rows,
    mapping: guessMapping(header.value as string[]),
    batchSize: 2,
    ...(onProgress ? { onProgress } : {}),
  });
}

const entries = async () =>
  (
    await db.prisma.expense.findMany({
      where: { userId },
      include: { category: true },
      orderBy: [{ occurredAt: 'asc' }, { amountMinor: 'asc' }],
    })
  ).map((e) => [
    e.occurredAt.toISOString(),
    e.kind,
    e.amountMinor,
    e.currency,
    e.category?.name ?? null,
    e.note,
    e.source,
  ]);

beforeAll(async () => {
  db = await createTestDatabase();
});
beforeEach(async () => {
  await db.prisma.user.deleteMany();
  userId = (await db.prisma.user.create({ data: { email: 'i@example.com', displayName: 'I' } })).id;
  await createDefaultCategories(db.prisma, userId);
});
afterAll(async () => {
  await db.close();
});

const EXPORT = `\uFEFFDate,Type,Amount,Currency,Category,Note,Source,Recorded at
2026-11-30,Expense,120.00,INR,Fuel,petrol,WhatsApp,2026-11-30T04:00:00.000Z
2026-11-30,Expense,120.00,INR,Fuel,petrol,WhatsApp,2026-11-30T09:00:00.000Z
2026-12-01,Income,"50,000.00",INR,,salary,Web,2026-12-01T04:00:00.000Z
2026-12-01,Expense,15.50,USD,Subscriptions,"Netflix, family",API,2026-12-01T05:00:00.000Z
`;

describe('importRows', () => {
  it('imports this product’s export: kinds, currencies, categories found or created', async () => {
    const progress: number[] = [];
    const result = await importCsv(EXPORT, (p) => progress.push(p.read));
    expect(result).toMatchObject({ read: 4, imported: 4, duplicates: 0, failed: 0 });
    expect(progress).toEqual([2, 4, 4]);
    // Midday in Kolkata on each date; the two petrol rows on one day are both kept.
    expect(await entries()).toEqual([
      ['2026-11-30T06:30:00.000Z', 'EXPENSE', 12_000n, 'INR', 'Fuel', 'petrol', 'IMPORT'],
      ['2026-11-30T06:30:00.000Z', 'EXPENSE', 12_000n, 'INR', 'Fuel', 'petrol', 'IMPORT'],
      [
        '2026-12-01T06:30:00.000Z',
        'EXPENSE',
        1_550n,
        'USD',
        'Subscriptions',
        'Netflix, family',
        'IMPORT',
      ],
      ['2026-12-01T06:30:00.000Z', 'INCOME', 5_000_000n, 'INR', null, 'salary', 'IMPORT'],
    ]);
  });

  it('skips rows recorded before, so an import run twice adds nothing', async () => {
    await importCsv(EXPORT);
    expect(await importCsv(EXPORT)).toMatchObject({ imported: 0, duplicates: 4 });
    expect(await entries()).toHaveLength(4);
  });

  it('matches a recorded entry by its local day, whatever its time', async () => {
    await db.prisma.expense.create({
      data: {
        userId,
        amountMinor: 12_000n,
        currency: 'INR',
        note: 'petrol',
        occurredAt: new Date('2026-11-30T18:00:00Z'), // 23:30 in Kolkata
        source: 'WHATSAPP',
      },
    });
    const csv = 'date,amount,note\n30/11/2026,120,petrol\n01/12/2026,120,petrol\n';
    expect(await importCsv(csv)).toMatchObject({ imported: 1, duplicates: 1 });
  });

  it('reports the lines it cannot read and imports the rest', async () => {
    const csv =
      'Date;Amount;Description\n2026-12-01;99;ok\nsoon;12;bad date\n2026-12-02;;no amount\n';
    expect(await importCsv(csv)).toEqual({
      startedAt: expect.any(Date),
      read: 3,
      imported: 1,
      duplicates: 0,
      failed: 2,
      problems: [
        { line: 3, problem: '"soon" is not a date' },
        { line: 4, problem: '"" is not an amount in INR' },
      ],
    });
  });

  it('imports every readable row around ones that are too large, unreadable or not storable', async () => {
    const csv = [
      'date,amount,category,note',
      '2026-12-01,40,Food,tea',
      '2026-12-01,12345678901234567890,Food,typo',
      '2026-12-01,1e9,Food,exponent',
      '31/02/2026,10,Food,no such day',
      `2026-12-01,10,Food,${'n'.repeat(501)}`,
      '2026-12-01,10,Food,nul\u0000here',
      '2026-12-01,10,Fo\u0001od,control in category',
      '2026-12-02,-40,,refund',
      '2026-12-02,55,Food,lunch',
    ].join('\n');
    const result = await importCsv(csv);
    expect(result).toMatchObject({ read: 9, imported: 3, duplicates: 0, failed: 6 });
    expect(result.problems).toEqual([
      { line: 3, problem: 'amount too large: "12345678901234567890"' },
      { line: 4, problem: '"1e9" is not an amount in INR' },
      { line: 5, problem: '"31/02/2026" is not a date' },
      { line: 6, problem: 'the note is longer than 500 characters' },
      { line: 7, problem: 'the note contains invisible control characters (such as NUL)' },
      { line: 8, problem: 'the category contains invisible control characters (such as NUL)' },
    ]);
    expect(await entries()).toEqual([
      ['2026-12-01T06:30:00.000Z', 'EXPENSE', 4_000n, 'INR', 'Food', 'tea', 'IMPORT'],
      ['2026-12-02T06:30:00.000Z', 'INCOME', 4_000n, 'INR', null, 'refund', 'IMPORT'],
      ['2026-12-02T06:30:00.000Z', 'EXPENSE', 5_500n, 'INR', 'Food', 'lunch', 'IMPORT'],
    ]);
  });

  it('goes on with one import across calls: the file’s repeats are kept, earlier rows not', async () => {
    await importCsv('date,amount,note\n2026-12-01,40,tea\n');
    const mapping = { date: 0, amount: 1, note: 2 };
    const call = (rows: string[][], more = {}) =>
      importRows(db.sql, { userId, rows, mapping, ...more });
    const first = await call([
      ['2026-12-02', '10', 'bus'],
      ['2026-12-02', '10', 'bus'],
    ]);
    expect(first).toMatchObject({ imported: 2, duplicates: 0 });
    const next = await call(
      [
        ['2026-12-02', '10', 'bus'],
        ['2026-12-01', '40', 'tea'],
        ['later', '1', 'x'],
      ],
      { startedAt: first.startedAt, firstLine: 4 },
    );
    expect(next).toMatchObject({
      startedAt: first.startedAt,
      imported: 1,
      duplicates: 1,
      problems: [{ line: 6, problem: '"later" is not a date' }],
    });
    // A new import of the same rows finds them all recorded.
    expect(await call([['2026-12-02', '10', 'bus']])).toMatchObject({ imported: 0, duplicates: 1 });
  });

  it('takes a start in the future as now', async () => {
    const future = new Date(Date.now() + 86_400_000);
    const result = await importRows(db.sql, {
      userId,
      rows: [['2026-12-02', '10']],
      mapping: { date: 0, amount: 1 },
      startedAt: future,
    });
    expect(result.startedAt.getTime()).toBeLessThan(future.getTime());
  });

  it('refuses a mapping without a date or amount column', async () => {
    await expect(importCsv('what,where\ntea,home\n')).rejects.toThrow(
      'Choose the column that holds the date. Choose the column that holds the amount.',
    );
  });
});
