// The first day of the week: a setting with a locale default, and WEEK cut on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;

const SETTINGS = `{ me { locale weekStartsOn localeWeekStartsOn } }`;
const UPDATE = `mutation ($input: SettingsInput!) {
  updateSettings(input: $input) {
    __typename
    ... on User { weekStartsOn localeWeekStartsOn }
    ... on ValidationError { problems { path message } }
  }
}`;
const WEEK = `{ summary(period: WEEK) {
  range { from to } previousRange { from to } totals { total { amountMinor } }
} }`;

interface Week {
  summary: {
    range: { from: string; to: string };
    previousRange: { from: string; to: string };
    totals: { total: { amountMinor: string } }[];
  };
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function account(email: string, locale: string, timeZone: string): Promise<TestClient> {
  const client = new TestClient(server.url);
  await client.register(email, 'correct horse', { locale, timeZone });
  return client;
}

async function spend(client: TestClient, amountMinor: string, occurredAt: string) {
  await client.ok(
    'mutation ($input: NewExpense!) { createExpense(input: $input) { __typename } }',
    {
      input: { amountMinor, occurredAt },
    },
  );
}

async function week(client: TestClient, now: string) {
  server.setNow(new Date(now));
  const { summary } = await client.ok<Week>(WEEK);
  return {
    range: [summary.range.from, summary.range.to],
    previous: [summary.previousRange.from, summary.previousRange.to],
    total: summary.totals[0]?.total.amountMinor ?? '0',
  };
}

describe('weekStartsOn', () => {
  it("defaults to the locale's first day, from CLDR's week data", async () => {
    const expected: [string, number][] = [
      ['en-US', 7],
      ['en-IN', 7],
      ['en-GB', 1],
      ['de-DE', 1],
      ['en', 1],
    ];
    for (const [locale, day] of expected) {
      const client = await account(`${locale}@example.com`, locale, 'UTC');
      expect(await client.ok(SETTINGS)).toEqual({
        me: { locale, weekStartsOn: null, localeWeekStartsOn: day },
      });
    }
  });

  it('is saved, returned, cleared back to the default, and refused outside 1 to 7', async () => {
    const client = await account('settings@example.com', 'en-IN', 'Asia/Kolkata');
    expect(await client.ok(UPDATE, { input: { weekStartsOn: 1 } })).toEqual({
      updateSettings: { __typename: 'User', weekStartsOn: 1, localeWeekStartsOn: 7 },
    });
    // A change of something else leaves the choice alone.
    await client.ok(UPDATE, { input: { locale: 'en-GB' } });
    expect(await client.ok(SETTINGS)).toMatchObject({ me: { weekStartsOn: 1 } });
    expect(await client.ok(UPDATE, { input: { weekStartsOn: null } })).toEqual({
      updateSettings: { __typename: 'User', weekStartsOn: null, localeWeekStartsOn: 1 },
    });
    for (const weekStartsOn of [0, 8, -1]) {
      expect(await client.ok(UPDATE, { input: { weekStartsOn } })).toEqual({
        updateSettings: {
          __typename: 'ValidationError',
          problems: [
            { path: ['input', 'weekStartsOn'], message: 'must be from 1 (Monday) to 7 (Sunday)' },
          ],
        },
      });
    }
  });
});

describe('summary(period: WEEK)', () => {
  // Sunday 2026-12-06, 23:51 and then Monday 00:05, local time.
  const zones = [
    {
      timeZone: 'Asia/Kolkata',
      sunday2351: '2026-12-06T18:21:00Z',
      monday0005: '2026-12-06T18:35:00Z',
      spending: [
        ['40000', '2026-11-30T04:30:00Z'], // Monday 30 Nov
        ['100000', '2026-12-05T14:30:00Z'], // Saturday 5 Dec
        ['200000', '2026-12-06T18:20:00Z'], // Sunday 6 Dec, 23:50
        ['5000', '2026-12-06T18:31:00Z'], // Monday 7 Dec, 00:01
      ],
    },
    {
      timeZone: 'America/New_York',
      sunday2351: '2026-12-07T04:51:00Z',
      monday0005: '2026-12-07T05:05:00Z',
      spending: [
        ['40000', '2026-11-30T15:00:00Z'], // Monday 30 Nov
        ['100000', '2026-12-06T01:00:00Z'], // Saturday 5 Dec, 20:00
        ['200000', '2026-12-07T04:50:00Z'], // Sunday 6 Dec, 23:50
        ['5000', '2026-12-07T05:01:00Z'], // Monday 7 Dec, 00:01
      ],
    },
  ];

  for (const zone of zones) {
    it(`cuts Sunday and Monday weeks at local midnight in ${zone.timeZone}`, async () => {
      const client = await account(`${zone.timeZone}@example.com`, 'en-US', zone.timeZone);
      for (const [amount, at] of zone.spending) await spend(client, amount!, at!);

      // en-US: Sunday weeks without a choice.
      const sundayWeek = {
        range: ['2026-12-06', '2026-12-12'],
        previous: ['2026-11-29', '2026-12-05'],
        total: '205000',
      };
      expect(await week(client, zone.sunday2351)).toEqual(sundayWeek);
      expect(await week(client, zone.monday0005)).toEqual(sundayWeek);

      await client.ok(UPDATE, { input: { weekStartsOn: 1 } });
      expect(await week(client, zone.sunday2351)).toEqual({
        range: ['2026-11-30', '2026-12-06'],
        previous: ['2026-11-23', '2026-11-29'],
        total: '340000',
      });
      expect(await week(client, zone.monday0005)).toEqual({
        range: ['2026-12-07', '2026-12-13'],
        previous: ['2026-11-30', '2026-12-06'],
        total: '5000',
      });
    });
  }
});
