// A month of made-up entries for tests and the benchmark: the statement's shape without a database.
import { addDays, type LocalDate } from '@spendline/ledger';
import type { StatementData, StatementEntry } from './statement-data.ts';

const CATEGORIES = ['Food', 'Transport', 'Groceries', 'Rent', 'Health', 'Shopping'];
const NOTES = ['lunch with team', 'uber to office', 'dmart weekly', 'pharmacy', 'petrol', ''];

/** `count` expenses over November 2026 in INR, with their summary computed from them. */
export function sampleStatement(count: number): StatementData {
  const month: LocalDate = '2026-11-01';
  const entries: StatementEntry[] = [];
  for (let i = 0; i < count; i++) {
    entries.push({
      date: addDays(month, (i * 7) % 30),
      kind: 'EXPENSE',
      category: CATEGORIES[i % CATEGORIES.length]!,
      note: NOTES[i % NOTES.length] || null,
      currency: 'INR',
      amountMinor: BigInt(1_000 + ((i * 7919) % 250_000)),
    });
  }
  entries.push({
    date: '2026-11-01',
    kind: 'INCOME',
    category: null,
    note: 'salary',
    currency: 'INR',
    amountMinor: 8_500_000n,
  });
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const expenses = entries.filter((e) => e.kind === 'EXPENSE');
  const total = expenses.reduce((sum, e) => sum + e.amountMinor, 0n);
  const categories = CATEGORIES.map((name) => {
    const own = expenses.filter((e) => e.category === name);
    const totalMinor = own.reduce((sum, e) => sum + e.amountMinor, 0n);
    return {
      categoryId: name,
      name,
      emoji: null,
      color: null,
      currency: 'INR',
      totalMinor,
      count: own.length,
      share: total === 0n ? 0 : Number((totalMinor * 10_000n) / total) / 10_000,
    };
  })
    .filter((c) => c.count > 0)
    .sort((a, b) => (a.totalMinor < b.totalMinor ? 1 : -1));
  const days = Array.from({ length: 30 }, (_, i) => {
    const date = addDays(month, i);
    const own = expenses.filter((e) => e.date === date);
    return {
      date,
      currency: 'INR',
      totalMinor: own.reduce((sum, e) => sum + e.amountMinor, 0n),
      count: own.length,
    };
  });
  return {
    owner: { name: 'Asha Rao', locale: 'en-IN', currency: 'INR', timeZone: 'Asia/Kolkata' },
    month,
    lastDay: '2026-11-30',
    summary: {
      totals: count > 0 ? [{ currency: 'INR', totalMinor: total, count }] : [],
      previousTotals: [{ currency: 'INR', totalMinor: 4_000_000n, count: 40 }],
      income: [{ currency: 'INR', totalMinor: 8_500_000n, count: 1 }],
      categories,
      days,
    },
    budgets: [
      {
        name: 'Monthly budget',
        currency: 'INR',
        limitMinor: 5_000_000n,
        spentMinor: total,
        used: Number((total * 10_000n) / 5_000_000n) / 10_000,
      },
      {
        name: 'Food budget',
        currency: 'INR',
        limitMinor: 800_000n,
        spentMinor: categories.find((c) => c.name === 'Food')?.totalMinor ?? 0n,
        used: 0.5,
      },
    ],
    entries,
    moreEntries: 0,
    generatedAt: new Date('2026-12-01T03:00:00Z'),
  };
}
