// Time per question over 100,000 entries of one person: every corpus phrasing is read,
// resolved and answered from SQL, a few times each after a warm-up; p50 and p95 over all.
// Run with `npm run bench` and DATABASE_URL pointing at PostgreSQL (PGlite otherwise).
import { createDefaultCategories, sql } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { parseQuestion, resolveQuestion, type ParseContext } from '@spendline/parser';
import { answerQuestion } from '../src/answers/answer.ts';
import corpus from '../src/answers/corpus.json' with { type: 'json' };
import { NOW, TIME_ZONE } from '../src/answers/seed.ts';

const ENTRIES = 100_000;
const RUNS = 5;
const NOTES = [
  'swiggy',
  'zomato dinner',
  'uber to office',
  'ola',
  'dmart',
  'petrol',
  'amazon',
  'lunch',
  'chai',
  'rent',
  'netflix',
  'medicine',
  'bigbasket',
  'flight',
  'misc',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

const db = await createTestDatabase();
const user = await db.prisma.user.create({
  data: {
    email: 'bench@example.com',
    displayName: 'Bench',
    timeZone: TIME_ZONE,
    locale: 'en-IN',
    currency: 'INR',
  },
});
await createDefaultCategories(db.prisma, user.id);
const stored = await db.prisma.category.findMany({
  where: { userId: user.id },
  include: { aliases: true },
});
const categories = stored.map((c) => ({
  id: c.id,
  name: c.name,
  aliases: c.aliases.map((a) => a.alias),
}));

let seeding = performance.now();
// Two years up to "now", spread evenly, each row's category and note from its number.
await db.sql.execute(sql`
  INSERT INTO expenses (id, user_id, kind, amount_minor, currency, occurred_at, note, category_id,
                        source, created_at, updated_at)
  SELECT gen_random_uuid(), ${user.id}::uuid, 'EXPENSE', (20 + (g * 7919) % 5000)::bigint * 100, 'INR',
         ${NOW.toISOString()}::timestamptz - (g * interval '631 seconds'),
         (${NOTES}::text[])[1 + g % ${NOTES.length}],
         (${categories.map((c) => c.id)}::uuid[])[1 + (g / 3) % ${categories.length}],
         'WEB', now(), now()
  FROM generate_series(1, ${ENTRIES}) AS g`);
await db.sql.execute(sql`ANALYZE expenses`);
seeding = performance.now() - seeding;

const context: ParseContext = {
  categories,
  currency: 'INR',
  locale: 'en-IN',
  timeZone: TIME_ZONE,
  now: NOW,
};
const ask = async (text: string) => {
  const read = parseQuestion(text, context);
  if (read?.kind !== 'question') return;
  const question = resolveQuestion(read.question, null);
  await answerQuestion(db.sql, { userId: user.id, timeZone: TIME_ZONE, question });
};

const items = corpus as { t: string }[];
for (const item of items) await ask(item.t);
const times: { text: string; ms: number }[] = [];
for (let run = 0; run < RUNS; run++) {
  for (const item of items) {
    const start = performance.now();
    await ask(item.t);
    times.push({ text: item.t, ms: performance.now() - start });
  }
}
await db.close();

const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
const slowest = times.reduce((a, b) => (b.ms > a.ms ? b : a));
const where = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
console.log(
  `seeded ${ENTRIES.toLocaleString('en-US')} entries on ${where} in ${(seeding / 1000).toFixed(1)} s`,
);
console.log(
  `questions: ${items.length} phrasings x ${RUNS} runs, p50 ${percentile(sorted, 50).toFixed(1)} ms, ` +
    `p95 ${percentile(sorted, 95).toFixed(1)} ms, slowest ${slowest.ms.toFixed(1)} ms ("${slowest.text}")`,
);
