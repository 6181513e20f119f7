// The bot's "week" and the dashboard's WEEK summary (GraphQL) give the same days and the
// same total, on either side of Sunday/Monday midnight, whichever day the week starts on.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiToken } from '@spendline/auth';
import { chatWith, type TestChat } from '@spendline/bot/testing';
import { createTestDatabase } from '@spendline/db/testing';
import { createGraphQLHandler } from '@spendline/graphql';
import { createLogger } from '@spendline/log';
import { afterEach, describe, expect, it } from 'vitest';

const WEEK = `{ summary(period: WEEK) { range { from to } totals { total { formatted } } } }`;
const SET_WEEK_START = `mutation ($day: Int) {
  updateSettings(input: { weekStartsOn: $day }) { __typename }
}`;

interface Agreement {
  chat: TestChat;
  /** Asks the api as the dashboard does, at `now`. */
  gql<T>(query: string, now: Date, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

let open: Agreement | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

/** One user in `timeZone` with a linked chat, and the GraphQL api on the same database. */
async function start(timeZone: string, locale: string): Promise<Agreement> {
  const db = await createTestDatabase();
  const user = await db.prisma.user.create({
    data: { email: 'week@example.com', displayName: 'Asha', timeZone, locale, currency: 'INR' },
  });
  const { token } = await createApiToken(db.prisma, user.id, { name: 'test' }, new Date());
  let clock = new Date();
  const handler = createGraphQLHandler({
    prisma: db.prisma,
    sql: db.sql,
    logger: createLogger({ level: 'silent' }),
    config: {
      NODE_ENV: 'test',
      PUBLIC_URL: 'http://localhost:3000',
      CSRF_TRUSTED_ORIGINS: [],
      SECRET_KEY: 'test-secret-key-that-is-long-enough-to-pass',
    },
    now: () => clock,
  });
  const server: Server = createServer((req, res) => void handler(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    chat: await chatWith(db, user.id),
    async gql<T>(query: string, now: Date, variables = {}) {
      clock = now;
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data as T;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    },
  };
}

const shortDay = (date: string) =>
  new Intl.DateTimeFormat('en-IN', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));

/** The week as the bot and as GraphQL give it: [total, first day, last day] each. */
async function bothWeeks(app: Agreement, now: Date) {
  const reply = await app.chat.say('week', now);
  const [, total, from, to] = /^\*This week\*: (\S+)\n_(.+) – (.+)_/.exec(reply) ?? [];
  const { summary } = await app.gql<{
    summary: { range: { from: string; to: string }; totals: { total: { formatted: string } }[] };
  }>(WEEK, now);
  return {
    bot: [total, from, to],
    graphql: [
      summary.totals[0]?.total.formatted,
      shortDay(summary.range.from),
      shortDay(summary.range.to),
    ],
  };
}

const places = [
  {
    timeZone: 'Asia/Kolkata',
    // Sunday 6 December 2026, 23:51; Monday 7 December, 00:05.
    moments: [new Date('2026-12-06T18:21:00Z'), new Date('2026-12-06T18:35:00Z')],
    spending: [
      '2026-11-30T04:30:00Z', // Monday 30 Nov
      '2026-12-05T14:30:00Z', // Saturday 5 Dec
      '2026-12-06T18:20:00Z', // Sunday 6 Dec, 23:50
      '2026-12-06T18:31:00Z', // Monday 7 Dec, 00:01
    ],
  },
  {
    timeZone: 'America/New_York',
    moments: [new Date('2026-12-07T04:51:00Z'), new Date('2026-12-07T05:05:00Z')],
    spending: [
      '2026-11-30T15:00:00Z',
      '2026-12-06T01:00:00Z',
      '2026-12-07T04:50:00Z',
      '2026-12-07T05:01:00Z',
    ],
  },
];

describe('this week, in the chat and on the dashboard', () => {
  for (const place of places) {
    it(`agrees in ${place.timeZone} for Sunday, Monday and the locale's weeks`, async () => {
      const app = (open = await start(place.timeZone, 'en-IN'));
      const amounts = [40000n, 100000n, 200000n, 5000n];
      for (const [i, at] of place.spending.entries()) {
        await app.chat.db.prisma.expense.create({
          data: {
            userId: app.chat.userId,
            amountMinor: amounts[i]!,
            currency: 'INR',
            occurredAt: new Date(at),
            source: 'WEB',
          },
        });
      }
      const [sunday2351, monday0005] = place.moments as [Date, Date];
      const expected = {
        // en-IN weeks start on Sunday (CLDR) until the person picks a day.
        locale: [
          ['₹2,050.00', 'Sun, 6 Dec', 'Sat, 12 Dec'],
          ['₹2,050.00', 'Sun, 6 Dec', 'Sat, 12 Dec'],
        ],
        7: [
          ['₹2,050.00', 'Sun, 6 Dec', 'Sat, 12 Dec'],
          ['₹2,050.00', 'Sun, 6 Dec', 'Sat, 12 Dec'],
        ],
        1: [
          ['₹3,400.00', 'Mon, 30 Nov', 'Sun, 6 Dec'],
          ['₹50.00', 'Mon, 7 Dec', 'Sun, 13 Dec'],
        ],
      };
      for (const day of ['locale', 7, 1] as const) {
        if (day !== 'locale') await app.gql(SET_WEEK_START, sunday2351, { day });
        const late = await bothWeeks(app, sunday2351);
        const early = await bothWeeks(app, monday0005);
        expect([late.bot, early.bot]).toEqual(expected[day]);
        expect([late.graphql, early.graphql]).toEqual(expected[day]);
      }
    });
  }
});
