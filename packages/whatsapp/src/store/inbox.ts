import type { PrismaClient } from '@spendline/db';
import type { InboundMessageEvent } from '../payload.ts';

export interface StoredInbound {
  id: string;
  conversationId: string;
}

type Sql = Pick<PrismaClient, '$queryRaw'>;

/**
 * Stores one inbound message and hands it to its conversation in a single
 * statement (so a single transaction): the conversation row is created or
 * refreshed (identity, 24-hour window) and the message row is inserted unless its
 * wamid is already there. Returns null for a duplicate delivery.
 */
export async function storeInboundMessage(
  db: Sql,
  event: InboundMessageEvent,
  payload: unknown,
): Promise<StoredInbound | null> {
  const { sender } = event;
  const rows = await db.$queryRaw<StoredInbound[]>`
    WITH conversation AS (
      INSERT INTO conversations (id, wa_key, phone_number, bsuid, last_inbound_at, created_at, updated_at)
      VALUES (gen_random_uuid(), ${event.waKey}, ${sender.phoneNumber ?? null}, ${sender.bsuid ?? null},
              ${event.sentAt}::timestamptz, now(), now())
      ON CONFLICT (wa_key) DO UPDATE SET
        phone_number = coalesce(EXCLUDED.phone_number, conversations.phone_number),
        bsuid = coalesce(EXCLUDED.bsuid, conversations.bsuid),
        last_inbound_at = greatest(conversations.last_inbound_at, EXCLUDED.last_inbound_at),
        updated_at = now()
      RETURNING id
    )
    INSERT INTO inbound_messages
      (id, wa_message_id, conversation_id, phone_number_id, type, payload, sent_at, received_at, status, attempts)
    SELECT gen_random_uuid(), ${event.waMessageId}, conversation.id, ${event.phoneNumberId}, ${event.type},
           ${JSON.stringify(payload)}::jsonb, ${event.sentAt}::timestamptz, now(), 'RECEIVED', 0
      FROM conversation
    ON CONFLICT (wa_message_id) DO NOTHING
    RETURNING id, conversation_id AS "conversationId"`;
  return rows[0] ?? null;
}
