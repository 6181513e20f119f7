import type { Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDueDigests } from './digests.ts';

let db: Database;
let userId: string;
const phone = '+12125550100';

async function user(settings: {
  dailyDigestHour?: number;
  weeklyDigest?: boolean;
  reminderHour?: number;
  timeZone?: string;
  locale?: string;
  weekStartsOn?: number;
}): Promise<void> {
  await db.prisma.user.deleteMany();
  userId = (
    await db.prisma.user.create({
      data: {
        email: 'd@example.com',
        displayName: 'D',
        currency: 'USD',
        locale: settings.locale ?? 'en-US',
        weekStartsOn: settings.weekStartsOn ?? null,
        timeZone: settings.timeZone ?? 'America/New_York',
        dailyDigestHour: settings.dailyDigestHour ?? null,
        weeklyDigest: settings.weeklyDigest ?? false,
        reminderHour: settings.reminderHour ?? null,
      },
    })
  ).id;
  await db.prisma.whatsAppLink.create({ data: { userId, phoneNumber: phone } });
}

const spend = (amountMinor: bigint, at: string) =>
  db.prisma.expense.create({
    data: {
      userId,
      amountMinor,
      currency: 'USD',
      occurredAt: new Date(at),
      createdAt: new Date(at),
      source: 'WEB',
    },
  });

/** The text of each notice queued, oldest first (template parameter outside the window). */
const sent = async () =>
  (await db.prisma.outboundMessage.findMany({ orderBy: { createdAt: 'asc' } })).map((m) => {
    const p = m.payload as { template?: { components: { parameters: { text: string }[] }[] } };
    return p.template!.components[0]!.parameters[0]!.text;
  });

beforeAll(async () => {
  db = await createTestDatabase();
});
beforeEach(async () => {
  await db.prisma.outboundMessage.deleteMany();
});
afterAll(async () => {
  await db.close();
});

describe('runDueDigests', () => {
  it('sends the daily digest once after its hour, in the user’s zone', async () => {
    await user({ dailyDigestHour: 21 });
    await spend(4500n, '2026-03-10T15:00:00Z');
    // 20:59 in New York (EDT): not yet.
    expect((await runDueDigests(db.sql, 'daily', new Date('2026-03-11T00:59:00Z'))).done).toBe(0);
    const at = new Date('2026-03-11T01:05:00Z'); // 21:05
    expect(await runDueDigests(db.sql, 'daily', at)).toEqual({
      claimed: 1,
      done: 1,
      failed: [],
    });
    expect(await runDueDigests(db.sql, 'daily', at)).toEqual({
      claimed: 0,
      done: 0,
      failed: [],
    });
    const [digest] = await sent();
    expect(digest).toContain('*Today*: $45.00');
    expect(digest).toContain('stop digests');
  });

  it('catches up a day missed at its hour, once, across the spring-forward night', async () => {
    // Clocks skip 02:00-03:00 on 8 March: a digest at 2 still goes once that day.
    await user({ dailyDigestHour: 2 });
    expect((await runDueDigests(db.sql, 'daily', new Date('2026-03-08T06:59:00Z'))).done).toBe(0);
    // Down all night; back at 09:00 EDT.
    await runDueDigests(db.sql, 'daily', new Date('2026-03-08T13:00:00Z'));
    await runDueDigests(db.sql, 'daily', new Date('2026-03-08T23:00:00Z'));
    expect(await sent()).toHaveLength(1);
    await runDueDigests(db.sql, 'daily', new Date('2026-03-09T07:00:00Z')); // 03:00 EDT, next day
    expect(await sent()).toHaveLength(2);
  });

  it('sends the weekly digest once a week from Monday 09:00, about the week before', async () => {
    await user({ weeklyDigest: true, timeZone: 'Asia/Kolkata', weekStartsOn: 1 });
    await spend(12_000n, '2026-11-25T06:00:00Z'); // Wednesday of the week before
    // Monday 30 November, 08:59 in Kolkata.
    expect((await runDueDigests(db.sql, 'weekly', new Date('2026-11-30T03:29:00Z'))).done).toBe(0);
    // The server was down Monday: it goes on Tuesday, once.
    await runDueDigests(db.sql, 'weekly', new Date('2026-12-01T10:00:00Z'));
    await runDueDigests(db.sql, 'weekly', new Date('2026-12-03T10:00:00Z'));
    const digests = await sent();
    expect(digests).toHaveLength(1);
    expect(digests[0]).toContain('*Last week*: $120.00');
  });

  it('sends the weekly digest from Sunday 09:00 to a Sunday week, about Sunday to Saturday', async () => {
    // en-US weeks start on Sunday (CLDR) unless the person chose another day.
    await user({ weeklyDigest: true, timeZone: 'America/New_York' });
    await spend(3_000n, '2026-11-29T15:00:00Z'); // Sunday 29 November
    await spend(4_000n, '2026-12-06T04:00:00Z'); // Saturday 5 December, 23:00
    await spend(50_000n, '2026-12-06T14:30:00Z'); // Sunday 6 December, 09:30: this week
    // Sunday 6 December, 08:59 in New York: not yet.
    expect((await runDueDigests(db.sql, 'weekly', new Date('2026-12-06T13:59:00Z'))).done).toBe(0);
    expect((await runDueDigests(db.sql, 'weekly', new Date('2026-12-06T14:00:00Z'))).done).toBe(1);
    // Not again on Monday, when a Monday week would begin.
    expect((await runDueDigests(db.sql, 'weekly', new Date('2026-12-07T14:00:00Z'))).done).toBe(0);
    const [digest] = await sent();
    // Outside the chat's 24-hour window the notice template carries it on one line.
    expect(digest).toMatch(/^\*Last week\*: \$70\.00 _Sun, Nov 29 – Sat, Dec 5_ /);
  });

  it('sends each person the digest on their own first day in one round', async () => {
    await db.prisma.user.deleteMany();
    // Each had last week's digest; who gets this week's, and on which day?
    const people: [string, string, number | null, string][] = [
      ['gb@example.com', 'en-GB', null, '2026-11-30'], // Monday (CLDR)
      ['us@example.com', 'en-US', null, '2026-11-29'], // Sunday (CLDR)
      ['in@example.com', 'en-IN', 1, '2026-11-30'], // chose Monday over Sunday
      ['sat@example.com', 'en-GB', 6, '2026-11-28'], // chose Saturday
    ];
    for (const [i, [email, locale, weekStartsOn, handled]] of people.entries()) {
      const { id } = await db.prisma.user.create({
        data: {
          email,
          displayName: email,
          locale,
          weekStartsOn,
          timeZone: 'UTC',
          weeklyDigest: true,
          weeklyDigestOn: new Date(handled),
        },
      });
      await db.prisma.whatsAppLink.create({ data: { userId: id, phoneNumber: `+1212555010${i}` } });
    }
    const round = async (at: string) => {
      await runDueDigests(db.sql, 'weekly', new Date(at));
      const rows = await db.prisma.user.findMany({
        select: { email: true, weeklyDigestOn: true },
        orderBy: { email: 'asc' },
      });
      return rows.map((r) => `${r.email} ${r.weeklyDigestOn!.toISOString().slice(0, 10)}`);
    };
    // Friday: nobody's week starts.
    expect(await round('2026-12-04T09:00:00Z')).toEqual([
      'gb@example.com 2026-11-30',
      'in@example.com 2026-11-30',
      'sat@example.com 2026-11-28',
      'us@example.com 2026-11-29',
    ]);
    expect(await round('2026-12-05T09:00:00Z')).toContain('sat@example.com 2026-12-05');
    expect(await round('2026-12-06T09:00:00Z')).toEqual([
      'gb@example.com 2026-11-30',
      'in@example.com 2026-11-30',
      'sat@example.com 2026-12-05',
      'us@example.com 2026-12-06',
    ]);
    expect(await round('2026-12-07T09:00:00Z')).toEqual([
      'gb@example.com 2026-12-07',
      'in@example.com 2026-12-07',
      'sat@example.com 2026-12-05',
      'us@example.com 2026-12-06',
    ]);
    expect(await sent()).toHaveLength(4);
  });

  it('reminds only on a day with nothing recorded', async () => {
    await user({ reminderHour: 20 });
    await spend(100n, '2026-03-10T14:00:00Z');
    await runDueDigests(db.sql, 'reminder', new Date('2026-03-11T00:30:00Z')); // 20:30, the 10th
    expect(await sent()).toEqual([]);
    await runDueDigests(db.sql, 'reminder', new Date('2026-03-12T00:30:00Z')); // 20:30, the 11th
    expect(await sent()).toEqual([
      '📝 Nothing recorded today. Spent something? Send it like "120 petrol". Send "stop digests" to stop these.',
    ]);
    await runDueDigests(db.sql, 'reminder', new Date('2026-03-12T01:30:00Z'));
    expect(await sent()).toHaveLength(1);
  });

  it('sends nothing to users who did not opt in or have no linked number', async () => {
    await user({});
    await runDueDigests(db.sql, 'daily', new Date('2026-03-11T01:05:00Z'));
    await user({ dailyDigestHour: 0 });
    await db.prisma.whatsAppLink.deleteMany();
    await runDueDigests(db.sql, 'daily', new Date('2026-03-11T01:05:00Z'));
    expect(await sent()).toEqual([]);
  });

  it('sends each digest once when two replicas run at the same moment', async () => {
    await db.prisma.user.deleteMany();
    for (let i = 0; i < 15; i++) {
      const created = await db.prisma.user.create({
        data: { email: `r${i}@example.com`, displayName: 'R', dailyDigestHour: 9 },
      });
      await db.prisma.whatsAppLink.create({
        data: { userId: created.id, phoneNumber: `+9198000000${String(i).padStart(2, '0')}` },
      });
    }
    const at = new Date('2026-12-02T06:00:00Z');
    const rounds = await Promise.all([
      runDueDigests(db.sql, 'daily', at),
      runDueDigests(db.sql, 'daily', at),
    ]);
    expect(rounds[0].done + rounds[1].done).toBe(15);
    expect(await db.prisma.outboundMessage.count()).toBe(15);
  });
});
