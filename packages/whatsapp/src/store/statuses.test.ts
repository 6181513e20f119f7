import type { Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countingQueries } from './counting-queries.ts';
import type { StatusEvent } from '../payload.ts';
import { applyStatuses, createStatusWriter } from './statuses.ts';

let db: Database;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.close();
});

/** An outbound message Meta accepted as `wamid`, now in `status`. */
async function sentMessage(wamid: string, status: 'SENT' | 'DELIVERED' | 'READ' = 'SENT') {
  await db.prisma.outboundMessage.create({
    data: {
      recipient: '919800000001',
      type: 'text',
      payload: { text: 'hello' },
      status,
      providerMessageId: wamid,
    },
  });
}

const reported = (wamid: string, status: string, errors: StatusEvent['errors'] = []) =>
  ({
    kind: 'status',
    providerMessageId: wamid,
    phoneNumberId: '100000000000009',
    status,
    at: new Date(),
    recipient: { phoneNumber: '919800000001' },
    errors,
  }) satisfies StatusEvent;

const statusOf = async (wamid: string) =>
  (await db.prisma.outboundMessage.findUniqueOrThrow({ where: { providerMessageId: wamid } }))
    .status;

describe('applying delivery statuses', () => {
  it('moves each message forward only, in the order the statuses came, with failures said', async () => {
    for (const wamid of ['wamid.a', 'wamid.b', 'wamid.c']) await sentMessage(wamid);
    await sentMessage('wamid.d', 'READ');

    const changed = await applyStatuses(db.sql, [
      reported('wamid.a', 'delivered'),
      reported('wamid.b', 'failed', [{ code: 131026, title: 'Message undeliverable' }]),
      reported('wamid.a', 'read'),
      // Late: the message was read already.
      reported('wamid.d', 'delivered'),
      reported('wamid.a', 'delivered'),
      reported('wamid.c', 'deleted'),
      reported('wamid.unknown', 'read'),
    ]);

    expect(changed).toEqual([true, true, true, false, false, false, false]);
    expect(await statusOf('wamid.a')).toBe('READ');
    expect(await statusOf('wamid.c')).toBe('SENT');
    expect(await statusOf('wamid.d')).toBe('READ');
    const failed = await db.prisma.outboundMessage.findUniqueOrThrow({
      where: { providerMessageId: 'wamid.b' },
    });
    expect(failed).toMatchObject({ status: 'FAILED', lastError: '131026 Message undeliverable' });
  });

  it('applies the statuses of webhooks arriving together in fewer statements, each answered', async () => {
    const wamids = Array.from({ length: 12 }, (_, i) => `wamid.group.${i}`);
    for (const wamid of wamids) await sentMessage(wamid);
    const counting = countingQueries(db.sql);
    const writer = createStatusWriter(counting.queries);

    const answers = await Promise.all(
      wamids.map((wamid, i) =>
        writer.apply([reported(wamid, i % 2 ? 'read' : 'delivered'), reported(wamid, 'sent')]),
      ),
    );

    expect(counting.statements()).toBeLessThan(wamids.length);
    expect(answers).toEqual(wamids.map(() => [true, false]));
    expect(await Promise.all(wamids.map(statusOf))).toEqual(
      wamids.map((_, i) => (i % 2 ? 'READ' : 'DELIVERED')),
    );
  });
});
