// The question corpus: each phrasing is read by the parser, answered by SQL, and checked
// against what plain JavaScript computes from the same seeded rows. At least 95% must be
// answered right; the share is printed for the record.
import { createTestDatabase } from '@spendline/db/testing';
import type { Database } from '@spendline/db';
import { parseQuestion, resolveQuestion, type ParseContext } from '@spendline/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, type Answer } from './answer.ts';
import corpus from './corpus.json' with { type: 'json' };
import {
  daysIn,
  previousOf,
  rowsFor,
  spanOf,
  sum,
  topCategories,
  type CorpusItem,
} from './expected.ts';
import { NOW, seedHistory, TIME_ZONE, type Seeded } from './seed.ts';

let db: Database;
let seeded: Seeded;
let context: ParseContext;

beforeAll(async () => {
  db = await createTestDatabase();
  seeded = await seedHistory(db);
  context = {
    categories: seeded.categories,
    currency: 'INR',
    locale: 'en-IN',
    timeZone: TIME_ZONE,
    now: NOW,
  };
}, 60_000);

afterAll(async () => {
  await db.close();
});

const totalOf = (totals: Answer['totals']) => totals.find((t) => t.currency === 'INR');

/** Why the answer is wrong, or null when it is right. */
function mistake(item: CorpusItem, answer: Answer): string | null {
  const span = spanOf(item.p);
  const q = answer.question;
  if (q.measure !== item.m) return `measure ${q.measure}, expected ${item.m}`;
  if (q.period.from !== span.from || q.period.to !== span.to)
    return `period ${q.period.from}..${q.period.to}, expected ${span.from}..${span.to}`;
  const rows = rowsFor(item, span, seeded.rows);
  const total = totalOf(answer.totals);
  if ((total?.totalMinor ?? 0n) !== sum(rows))
    return `total ${total?.totalMinor}, expected ${sum(rows)}`;
  if ((total?.count ?? 0) !== rows.length) return `count ${total?.count}, expected ${rows.length}`;
  const other = item.vs === undefined ? previousOf(span) : spanOf(item.vs);
  const otherRows = rowsFor(item, other, seeded.rows);
  if ((totalOf(answer.other.totals)?.totalMinor ?? 0n) !== sum(otherRows))
    return `other period total ${totalOf(answer.other.totals)?.totalMinor}, expected ${sum(otherRows)}`;
  switch (item.m) {
    case 'average':
      return answer.days === daysIn(span) ? null : `days ${answer.days}, expected ${daysIn(span)}`;
    case 'biggest': {
      const max = rows.reduce((m, r) => (r.amountMinor > m ? r.amountMinor : m), 0n);
      return (answer.entries[0]?.amountMinor ?? 0n) === max
        ? null
        : `biggest ${answer.entries[0]?.amountMinor}, expected ${max}`;
    }
    case 'top': {
      const expected = topCategories(rows, item.n ?? 3);
      const got = answer.categories.map((c) => [c.name, c.totalMinor]);
      return JSON.stringify(got, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ===
        JSON.stringify(expected, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))
        ? null
        : 'top categories differ';
    }
    case 'list':
    case 'above':
    case 'below': {
      const ids = new Set(answer.entries.map((e) => e.id));
      return ids.size === rows.length && rows.every((r) => ids.has(r.id)) ? null : 'entries differ';
    }
    default:
      return null;
  }
}

describe('the question corpus', () => {
  it('answers at least 95% of its phrasings right, every figure from the seeded rows', async () => {
    const items = corpus as CorpusItem[];
    expect(items.length).toBeGreaterThanOrEqual(150);
    const wrong: string[] = [];
    for (const item of items) {
      const read = parseQuestion(item.t, context);
      if (read?.kind !== 'question') {
        wrong.push(`${item.t}: not read as a question (${JSON.stringify(read)})`);
        continue;
      }
      const question = resolveQuestion(read.question, null);
      const answer = await answerQuestion(db.sql, {
        userId: seeded.userId,
        timeZone: TIME_ZONE,
        question,
      });
      const why = mistake(item, answer);
      if (why !== null) wrong.push(`${item.t}: ${why}`);
    }
    const share = (items.length - wrong.length) / items.length;
    console.log(
      `question corpus: ${items.length - wrong.length}/${items.length} right (${(share * 100).toFixed(1)}%)`,
    );
    for (const line of wrong) console.log(`  wrong: ${line}`);
    expect(share).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
