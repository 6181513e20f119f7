import { sql, type Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDueStatements } from './statements.ts';

let db: Database;
const phone = '+919812345678';

async function user(monthlyStatement: boolean, linked = true): Promise<string> {
  const { id } = await db.prisma.user.create({
    data: {
      email: `u${Math.random()}@example.com`,
      displayName: 'U',
      timeZone: 'Asia/Kolkata',
      monthlyStatement,
    },
  });
  if (linked) await db.prisma.whatsAppLink.create({ data: { userId: id, phoneNumber: phone } });
  return id;
}

const requests = () =>
  db.sql.rows<{ userId: string; month: string; recipient: string }>(sql`
    SELECT user_id::text AS "userId", to_char(month, 'YYYY-MM-DD') AS month, recipient
      FROM statement_requests ORDER BY created_at`);

beforeAll(async () => {
  db = await createTestDatabase();
});
beforeEach(async () => {
  await db.prisma.statementRequest.deleteMany();
  await db.prisma.whatsAppLink.deleteMany();
  await db.prisma.user.deleteMany();
});
afterAll(async () => {
  await db.close();
});

describe('runDueStatements', () => {
  it('asks for last month’s statement from 09:00 on the 1st in the user’s zone, once', async () => {
    const id = await user(true);
    // 08:59 and 09:00 on 1 December in Kolkata.
    expect((await runDueStatements(db.sql, new Date('2026-12-01T03:29:00Z'))).done).toBe(0);
    expect((await runDueStatements(db.sql, new Date('2026-12-01T03:30:00Z'))).done).toBe(1);
    expect(await requests()).toEqual([{ userId: id, month: '2026-11-01', recipient: phone }]);
    expect((await runDueStatements(db.sql, new Date('2026-12-15T03:30:00Z'))).done).toBe(0);
    // A scheduler that was down on the 1st catches up; the next month comes in its turn.
    expect((await runDueStatements(db.sql, new Date('2027-01-03T10:00:00Z'))).done).toBe(1);
    expect((await requests()).map((r) => r.month)).toEqual(['2026-11-01', '2026-12-01']);
  });

  it('passes over those who did not opt in and those with no linked number', async () => {
    await user(false);
    await user(true, false);
    expect((await runDueStatements(db.sql, new Date('2026-12-01T06:00:00Z'))).done).toBe(0);
    expect(await requests()).toEqual([]);
  });
});
