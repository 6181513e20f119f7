// The benchmark: 1,000,000 expenses across 1,000 users (one heavy user with
// 100,000) on PostgreSQL; summary(MONTH) and the first page of expenses through GraphQL
// over real HTTP, interleaved with the same answers from hand-written SQL.
// Target: p95 under 30 ms and within 1.5x of the SQL (served over the same HTTP with the
// same token check; the in-process SQL is reported too).
//
//   DATABASE_URL=postgres://... npm run bench
//
// The seeded rows stay in the schema `bench_graphql` between runs (seeding takes
// minutes); BENCH_RESEED=1 seeds afresh, BENCH_DROP=1 drops the schema at the end.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createApiToken, validateApiToken } from '@spendline/auth';
import { openDatabase, PLAN_PER_CALL, Prisma } from '@spendline/db';
import { createLogger } from '@spendline/log';
import { formatMoney, localDateOf, periodRange } from '@spendline/ledger';
import { summarize } from '@spendline/spending';
import { createGraphQLHandler } from '../src/server/handler.ts';
import { TEST_CONFIG } from '../src/testing/test-server.ts';

const USERS = 1_000;
const TOTAL_EXPENSES = 1_000_000;
const HEAVY_EXPENSES = 100_000;
const CATEGORIES_PER_USER = 8;
const WARMUP = 30;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const P95_TARGET_MS = 30;
const RATIO_TARGET = 1.5;

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  // `npm run bench` runs everywhere (turbo); without PostgreSQL there is nothing to measure.
  console.log('graphql bench: skipped, DATABASE_URL is not set (needs PostgreSQL).');
  process.exit(0);
}

const SUMMARY_QUERY = `query Summary {
  summary(period: MONTH) {
    range { from to }
    totals { total { amountMinor currency formatted } count previousTotal { amountMinor } changeRatio }
    categories { category { id name } name total { amountMinor formatted } count share }
    days { date total { amountMinor } count }
    budgets { category { id } limit { amountMinor } spent { amountMinor } used }
  }
}`;

const PAGE_QUERY = `query Page {
  expenses(first: 20) {
    edges {
      node {
        id kind amount { amountMinor currency formatted } occurredAt localDate note source
        category { id name emoji }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const BENCH_SCHEMA = 'bench_graphql';
const benchUrl = new URL(databaseUrl);
benchUrl.searchParams.set('schema', BENCH_SCHEMA);
const db = await openDatabase({ databaseUrl: benchUrl.toString() });
const { prisma } = db;

async function seededAlready(): Promise<boolean> {
  const [row] = await prisma.$queryRawUnsafe<{ present: boolean }[]>(
    `SELECT to_regclass('"${BENCH_SCHEMA}".expenses') IS NOT NULL AS present`,
  );
  if (!row?.present) return false;
  const [users, expenses] = await Promise.all([prisma.user.count(), prisma.expense.count()]);
  return users === USERS && expenses === TOTAL_EXPENSES;
}

// ---- Seed (raw SQL: createMany would take minutes for a million rows) ----
const seedStart = performance.now();
const reuse = process.env.BENCH_RESEED !== '1' && (await seededAlready());
if (!reuse) {
  await prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${BENCH_SCHEMA}" CASCADE`);
  await prisma.$executeRawUnsafe(`CREATE SCHEMA "${BENCH_SCHEMA}"`);
}
await db.migrate();
if (!reuse) await seed();
const seedMs = performance.now() - seedStart;
const heavy = await prisma.user.findUniqueOrThrow({ where: { email: 'bench1@example.com' } });
// Tokens of earlier runs would pile up in a reused seed.
await prisma.apiToken.deleteMany({ where: { userId: heavy.id } });

async function seed(): Promise<void> {
  await prisma.$executeRawUnsafe(`
  INSERT INTO users (id, email, display_name, currency, time_zone, locale, updated_at)
  SELECT gen_random_uuid(), 'bench' || i || '@example.com', 'Bench ' || i, 'INR',
         'Asia/Kolkata', 'en-IN', now()
  FROM generate_series(1, ${USERS}) AS i`);
  await prisma.$executeRawUnsafe(`
  INSERT INTO categories (id, user_id, name, name_key, emoji, updated_at)
  SELECT gen_random_uuid(), u.id, 'Category ' || n, 'category ' || n, '🏷', now()
  FROM users u CROSS JOIN generate_series(1, ${CATEGORIES_PER_USER}) AS n`);
  // The heavy user is bench1; the other 900,000 rows are spread as evenly as they divide.
  const lightUsers = USERS - 1;
  const lightTotal = TOTAL_EXPENSES - HEAVY_EXPENSES;
  const perLight = Math.floor(lightTotal / lightUsers);
  const withExtra = lightTotal - perLight * lightUsers;
  await prisma.$executeRawUnsafe(`
  WITH owners AS (
    SELECT u.id,
           array_agg(c.id ORDER BY c.name) AS cats,
           CASE WHEN u.email = 'bench1@example.com' THEN ${HEAVY_EXPENSES}
                WHEN row_number() OVER (ORDER BY u.email) <= ${withExtra + 1} THEN ${perLight + 1}
                ELSE ${perLight} END AS n
    FROM users u JOIN categories c ON c.user_id = u.id
    GROUP BY u.id, u.email
  )
  INSERT INTO expenses (id, user_id, kind, amount_minor, currency, occurred_at, note,
                        category_id, source, created_at, updated_at, deleted_at)
  SELECT gen_random_uuid(), o.id,
         (CASE WHEN g % 20 = 0 THEN 'INCOME' ELSE 'EXPENSE' END)::"ExpenseKind",
         (100 + floor(random() * 500000))::bigint,
         CASE WHEN g % 50 = 0 THEN 'USD' ELSE 'INR' END,
         now() - random() * interval '365 days',
         CASE WHEN g % 3 = 0 THEN NULL ELSE 'bench expense ' || g END,
         CASE WHEN g % 10 = 0 THEN NULL ELSE o.cats[1 + g % ${CATEGORIES_PER_USER}] END,
         'WEB', now(), now(),
         CASE WHEN g % 100 = 0 THEN now() ELSE NULL END
  FROM owners o CROSS JOIN LATERAL generate_series(1, o.n) AS g`);
  const heavyUser = await prisma.user.findUniqueOrThrow({
    where: { email: 'bench1@example.com' },
  });
  // Budgets for the heavy user: an overall one and one per category, so summary has work.
  await prisma.$executeRawUnsafe(`
  INSERT INTO budgets (id, user_id, category_id, month, amount_minor, currency, updated_at)
  SELECT gen_random_uuid(), '${heavyUser.id}'::uuid, c.id, date_trunc('month', now())::date - 365,
         50000000, 'INR', now()
  FROM (SELECT id FROM categories WHERE user_id = '${heavyUser.id}'::uuid UNION ALL SELECT NULL) c`);
  await prisma.$executeRawUnsafe('ANALYZE');
}
const [{ count: seeded } = { count: 0n }] = await prisma.$queryRaw<{ count: bigint }[]>`
  SELECT COUNT(*) AS count FROM expenses`;

// ---- The handler on a real node:http server, called with the heavy user's API token ----
const handler = createGraphQLHandler({
  prisma,
  sql: db.sql,
  logger: createLogger({ level: 'warn', destination: process.stderr }),
  config: TEST_CONFIG,
});
const server = createServer((req, res) => void handler(req, res));
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
const { token } = await createApiToken(prisma, heavy.id, { name: 'bench' }, new Date());

async function graphql(query: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

// ---- The same answers in hand-written SQL, through the same Prisma client ----
// As a careful hand would write it: the month and the previous one read once, grouped
// three ways; the budgets in force; the categories to name the rows.
async function sqlSummary(): Promise<unknown> {
  const range = periodRange('MONTH', new Date(), heavy.timeZone);
  const userId = heavy.id;
  const [start, end] = [range.start.toISOString(), range.end.toISOString()];
  const [prevStart, prevEnd] = [
    range.previous.start.toISOString(),
    range.previous.end.toISOString(),
  ];
  return Promise.all([
    // Planned for its values, as the resolver's is (see PLAN_PER_CALL).
    prisma.$queryRaw`${Prisma.raw(PLAN_PER_CALL)}
      SELECT true AS current, currency, category_id::text, to_char(day, 'YYYY-MM-DD') AS day,
             GROUPING(category_id, day)::int AS level,
             SUM(amount_minor)::text AS total, COUNT(*)::int AS count
      FROM (SELECT currency, category_id, amount_minor,
                   (occurred_at AT TIME ZONE ${heavy.timeZone})::date AS day
            FROM expenses
            WHERE user_id = ${userId}::uuid AND kind = 'EXPENSE' AND deleted_at IS NULL
              AND occurred_at >= ${start}::timestamptz AND occurred_at < ${end}::timestamptz
           ) spent
      GROUP BY GROUPING SETS ((currency), (currency, category_id), (currency, day))
      UNION ALL
      SELECT false, currency, NULL, NULL, 3, SUM(amount_minor)::text, COUNT(*)::int
      FROM expenses
      WHERE user_id = ${userId}::uuid AND kind = 'EXPENSE' AND deleted_at IS NULL
        AND occurred_at >= ${prevStart}::timestamptz AND occurred_at < ${prevEnd}::timestamptz
      GROUP BY currency`,
    prisma.$queryRaw`
      SELECT DISTINCT ON (category_id) id, category_id, currency, amount_minor::text AS amount
      FROM budgets
      WHERE user_id = ${userId}::uuid AND month <= ${range.firstDay}::date
      ORDER BY category_id NULLS FIRST, month DESC`,
    prisma.$queryRaw`
      SELECT id, name, emoji, color FROM categories WHERE user_id = ${userId}::uuid`,
  ]);
}

interface PageRow {
  id: string;
  kind: string;
  amount_minor: bigint;
  currency: string;
  occurred_at: Date;
  note: string | null;
  source: string;
  category_id: string | null;
  category_name: string | null;
  emoji: string | null;
}

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/**
 * The first page as GraphQL answers it, from one hand-written query: the same fields,
 * global ids, formatted money, local dates, the cursor and hasNextPage (a 21st row).
 */
async function sqlFirstPage(user: { id: string; locale: string; timeZone: string }) {
  const rows = await prisma.$queryRaw<PageRow[]>`
    SELECT e.id, e.kind::text AS kind, e.amount_minor, e.currency, e.occurred_at, e.note,
           e.source::text AS source, c.id AS category_id, c.name AS category_name, c.emoji
    FROM expenses e LEFT JOIN categories c ON c.id = e.category_id
    WHERE e.user_id = ${user.id}::uuid AND e.deleted_at IS NULL
    ORDER BY e.occurred_at DESC, e.id DESC
    LIMIT 21`;
  const page = rows.slice(0, 20);
  const last = page.at(-1);
  return {
    expenses: {
      edges: page.map((row) => ({
        node: {
          id: globalId('Expense', row.id),
          kind: row.kind,
          amount: {
            amountMinor: row.amount_minor.toString(),
            currency: row.currency,
            formatted: formatMoney(row.amount_minor, row.currency, user.locale),
          },
          occurredAt: row.occurred_at.toISOString(),
          localDate: localDateOf(row.occurred_at, user.timeZone),
          note: row.note,
          source: row.source,
          category: row.category_id
            ? {
                id: globalId('Category', row.category_id),
                name: row.category_name,
                emoji: row.emoji,
              }
            : null,
        },
      })),
      pageInfo: {
        hasNextPage: rows.length > 20,
        // Pothos' cursor for a string id: "GPC:S:<id>", base64.
        endCursor: last ? Buffer.from(`GPC:S:${last.id}`).toString('base64') : null,
      },
    },
  };
}

// ---- The hand-written equivalent behind the same kind of HTTP server and token check ----
const sqlServer = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    void (async () => {
      const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const found = await validateApiToken(prisma, bearer, new Date());
      if (!found) {
        res.writeHead(401).end();
        return;
      }
      const data = req.url === '/summary' ? await sqlSummary() : await sqlFirstPage(found.user);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
    })();
  });
});
sqlServer.listen(0, '127.0.0.1');
await once(sqlServer, 'listening');
const sqlUrl = `http://127.0.0.1:${(sqlServer.address() as AddressInfo).port}`;

async function sqlOverHttp(path: '/page' | '/summary', query: string): Promise<unknown> {
  const res = await fetch(sqlUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return ((await res.json()) as { data: unknown }).data;
}

// ---- Sanity: both sides give the same answer ----
const gqlSummaryData = (await graphql(SUMMARY_QUERY)) as {
  summary: { totals: { total: { amountMinor: string; currency: string }; count: number }[] };
};
const [sqlGroups] = (await sqlSummary()) as [
  { current: boolean; level: number; currency: string; total: string; count: number }[],
];
for (const row of sqlGroups.filter((g) => g.current && g.level === 3)) {
  const match = gqlSummaryData.summary.totals.find((t) => t.total.currency === row.currency);
  if (match?.total.amountMinor !== row.total || match.count !== row.count) {
    throw new Error(`summary mismatch for ${row.currency}: ${JSON.stringify({ match, row })}`);
  }
}
// The whole answer, not only the ids: both sides must do the same work.
const gqlPage = JSON.stringify(await graphql(PAGE_QUERY));
for (const [name, answer] of [
  ['SQL', await sqlFirstPage(heavy)],
  ['SQL over HTTP', await sqlOverHttp('/page', PAGE_QUERY)],
] as const) {
  if (JSON.stringify(answer) !== gqlPage) {
    throw new Error(
      `first page mismatch between GraphQL and ${name}:\n${gqlPage}\n${JSON.stringify(answer)}`,
    );
  }
}

// ---- Measure: warm up, then interleave so drift hits every series alike ----
const cases = {
  'GraphQL summary(MONTH)': () => graphql(SUMMARY_QUERY),
  'SQL summary': sqlSummary,
  'SQL summary over HTTP': () => sqlOverHttp('/summary', SUMMARY_QUERY),
  'GraphQL expenses(first: 20)': () => graphql(PAGE_QUERY),
  'SQL first page': () => sqlFirstPage(heavy),
  'SQL first page over HTTP': () => sqlOverHttp('/page', PAGE_QUERY),
  // Context, not targets: where the GraphQL time goes (the SQL layer the resolvers call,
  // and the HTTP + auth + yoga floor every request pays).
  'ledger summarize() direct': () =>
    summarize(db.sql, {
      userId: heavy.id,
      range: periodRange('MONTH', new Date(), heavy.timeZone),
      now: new Date(),
    }),
  'Prisma findMany direct': () =>
    prisma.expense.findMany({
      where: { userId: heavy.id, deletedAt: null },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      include: { category: true },
      take: 21,
    }),
  'GraphQL { me { id } } floor': () => graphql('{ me { id } }'),
} satisfies Record<string, () => Promise<unknown>>;
type CaseName = keyof typeof cases;
const names = Object.keys(cases) as CaseName[];
const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<
  CaseName,
  number[]
>;
for (let i = 0; i < WARMUP; i++) for (const name of names) await cases[name]();
for (let i = 0; i < ITERATIONS; i++) {
  for (const name of names) {
    const started = performance.now();
    await cases[name]();
    samples[name].push(performance.now() - started);
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const stats = Object.fromEntries(
  names.map((n) => [n, { p50: percentile(samples[n], 50), p95: percentile(samples[n], 95) }]),
) as Record<CaseName, { p50: number; p95: number }>;

const ms = (value: number) => value.toFixed(2).padStart(8);
console.log(
  `${reuse ? 'reused' : 'seeded'} ${seeded.toLocaleString('en')} expenses, ${USERS} users (heavy: ` +
    `${HEAVY_EXPENSES.toLocaleString('en')}) in ${(seedMs / 1000).toFixed(1)} s; ` +
    `${ITERATIONS} iterations after ${WARMUP} warm-up, interleaved`,
);
console.log('');
console.log(`${'case'.padEnd(30)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}`);
for (const name of names)
  console.log(`${name.padEnd(30)}${ms(stats[name].p50)}${ms(stats[name].p95)}`);
console.log('');
// The ratio target is judged against the SQL served the same way (HTTP, the same token
// check): both sides then pay the same transport, and the ratio is what GraphQL adds.
// The ratio to the SQL called in-process is printed beside it, for the record.
let allPass = true;
for (const [gql, sql, direct] of [
  ['GraphQL summary(MONTH)', 'SQL summary over HTTP', 'SQL summary'],
  ['GraphQL expenses(first: 20)', 'SQL first page over HTTP', 'SQL first page'],
] as const) {
  const ratio = stats[gql].p95 / stats[sql].p95;
  const p95Ok = stats[gql].p95 < P95_TARGET_MS;
  const ratioOk = ratio <= RATIO_TARGET;
  allPass &&= p95Ok && ratioOk;
  console.log(
    `${gql.padEnd(30)} p95 ${stats[gql].p95.toFixed(2)} ms < ${P95_TARGET_MS} ms: ` +
      `${p95Ok ? 'PASS' : 'MISS'}; p95 ratio to ${sql} ${ratio.toFixed(2)}x ` +
      `(p50 ${(stats[gql].p50 / stats[sql].p50).toFixed(2)}x) <= ${RATIO_TARGET}x: ` +
      `${ratioOk ? 'PASS' : 'MISS'}; to ${direct} in-process ` +
      `${(stats[gql].p95 / stats[direct].p95).toFixed(2)}x`,
  );
}
console.log(allPass ? '\nall targets met' : '\nsome targets missed');

for (const open of [server, sqlServer]) {
  open.closeAllConnections();
  await new Promise((resolve) => open.close(resolve));
}
if (process.env.BENCH_DROP === '1') {
  await prisma.$executeRawUnsafe(`DROP SCHEMA "${BENCH_SCHEMA}" CASCADE`);
}
await db.close();
