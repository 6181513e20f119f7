import type { Database, Queries } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createLogger } from '@spendline/log';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textMessage } from '../messages.ts';
import { enqueueOutbound } from './outbox.ts';
import { createOutcomeWriter } from './outcomes.ts';

let db: Database;
const logger = createLogger({ level: 'silent' });

beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.close();
});

/** The real database, with each UPDATE counted as it starts. */
function counted(database: Queries) {
  const statements: number[] = [];
  const counting: Queries = {
    ...database,
    execute: (statement) => {
      statements.push(statements.length);
      return database.execute(statement);
    },
  };
  return { counting, statements };
}

async function queuedRows(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push((await enqueueOutbound(db.sql, textMessage(`9198000000${i}`, `m${i}`))).id);
  }
  return ids;
}

describe('the outcome writer', () => {
  it('writes at once when idle, and what queues meanwhile in one statement after', async () => {
    const ids = await queuedRows(4);
    const { counting, statements } = counted(db.sql);
    const writer = createOutcomeWriter(counting, logger);
    const written = ids.map((id, i) =>
      writer.add({ id, status: 'SENT', providerMessageId: `wamid.out.${i}` }),
    );
    // The first went alone; the three that came while it ran wait for one statement.
    expect(statements).toHaveLength(1);
    await Promise.all(written);
    expect(statements).toHaveLength(2);
    const rows = await db.prisma.outboundMessage.findMany({ orderBy: { createdAt: 'asc' } });
    expect(rows.map((row) => [row.status, row.providerMessageId])).toEqual(
      ids.map((_, i) => ['SENT', `wamid.out.${i}`]),
    );
    expect(rows.every((row) => row.sentAt !== null)).toBe(true);
  });

  it('keeps a row’s outcomes in order: the later one lands last', async () => {
    const [id] = await queuedRows(1);
    const writer = createOutcomeWriter(db.sql, logger);
    const retryAt = new Date(Date.now() + 60_000);
    const first = writer.add({
      id: id!,
      status: 'PENDING',
      lastError: '131000: try later',
      nextAttemptAt: retryAt,
    });
    const second = writer.add({ id: id!, status: 'SENT', providerMessageId: 'wamid.late' });
    await Promise.all([first, second]);
    const row = await db.prisma.outboundMessage.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: 'SENT', providerMessageId: 'wamid.late', lastError: null });
  });

  it('settles even when its statement fails, leaving the row as it was', async () => {
    const [id] = await queuedRows(1);
    const writer = createOutcomeWriter(db.sql, logger);
    // Not a status the column accepts: the UPDATE fails as a whole.
    await writer.add({ id: id!, status: 'NOPE' as 'SENT', providerMessageId: 'wamid.x' });
    const row = await db.prisma.outboundMessage.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: 'PENDING', providerMessageId: null });
  });
});
