import type { Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createLogger } from '@spendline/log';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookOutcomeRecorder } from './webhook-outcomes.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const tallies = () => db.prisma.webhookOutcome.findMany({ orderBy: { outcome: 'asc' } });

describe('webhookOutcomeRecorder', () => {
  it('counts signed POSTs as received and refused signatures apart, across recorders', async () => {
    const logger = createLogger({ level: 'silent' });
    const one = webhookOutcomeRecorder(db.sql, logger);
    const other = webhookOutcomeRecorder(db.sql, logger);
    const before = new Date();
    for (const outcome of ['accepted', 'bad_signature', 'bad_json', 'bad_signature'])
      one.record(outcome);
    // Neither counted: nothing from Meta got through, and nothing was forged.
    one.record('bad_content_type');
    one.record('too_large');
    other.record('bad_payload');
    other.record('bad_signature');
    await Promise.all([one.settled(), other.settled()]);

    const rows = await tallies();
    expect(rows.map((r) => [r.outcome, Number(r.count)])).toEqual([
      ['accepted', 3],
      ['bad_signature', 3],
    ]);
    for (const row of rows) {
      expect(row.lastAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1);
      expect(row.firstAt.getTime()).toBeLessThanOrEqual(row.lastAt.getTime());
    }
  });

  it('adds up a flood into one write instead of a write each', async () => {
    let statements = 0;
    const counting = {
      ...db.sql,
      execute: (statement: Parameters<typeof db.sql.execute>[0]) => {
        statements++;
        return db.sql.execute(statement);
      },
    };
    const flood = webhookOutcomeRecorder(counting, createLogger({ level: 'silent' }));
    for (let i = 0; i < 500; i++) flood.record('bad_signature');
    await flood.settled();
    expect(statements).toBe(1);
    const [, refused] = await tallies();
    expect(Number(refused?.count)).toBe(503);
  });

  it('writes on its own within the interval, nobody asking', async () => {
    const recorder = webhookOutcomeRecorder(db.sql, createLogger({ level: 'silent' }), {
      intervalMs: 50,
    });
    recorder.record('accepted');
    recorder.record('accepted');
    const counted = async () => Number((await tallies())[0]?.count);
    expect(await counted()).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await counted()).toBe(5);
  });
});
