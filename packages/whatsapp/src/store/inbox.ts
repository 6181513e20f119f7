import { newId, raw, sql, type Queries, type Statement } from '@spendline/db';
import type { InboundMessageEvent } from '../payload.ts';
import type { KnownChats } from './known-chats.ts';

export interface StoredInbound {
  id: string;
  conversationId: string;
}

export interface InboundToStore {
  event: InboundMessageEvent;
  /** What the handler will read back as `message.payload`. */
  payload: unknown;
  /** Stored as already settled (e.g. system notices): the processor never sees it. */
  ignored?: boolean;
}

interface Row {
  waMessageId: string;
  conversationId: string | null;
  id: string | null;
}

/**
 * Stores the messages of one webhook in a single statement (so a single commit, one
 * round trip), each in its conversation: a conversation is created the first time
 * its sender writes, and a message is inserted unless its wamid is already there.
 * Returns one entry per message, null for a duplicate delivery.
 *
 * An existing conversation is neither inserted again (a unique check on a row that an
 * open transaction updated waits for that transaction) nor updated (unless Meta now
 * sends another identity for it), so acknowledging never waits for the processor, which
 * holds and updates that row while it works on the chat. The processor moves the
 * conversation's 24-hour window forward instead, when it takes the messages.
 *
 * Given `chats`, a webhook whose senders are all known there skips the conversation
 * part: a plain insert into their known conversations (see known-chats.ts).
 */
export async function storeInboundMessages(
  db: Queries,
  messages: readonly InboundToStore[],
  chats?: KnownChats,
): Promise<(StoredInbound | null)[]> {
  if (messages.length === 0) return [];
  // Given once, in arrival order: WhatsApp's timestamps are whole seconds, so messages of
  // one second are processed in id order, and a second try must not move one back.
  const ids = new Map(messages.map((message) => [message, newId()]));
  const rows = new Map<string, Row>();
  const known = chats && knownConversations(messages, chats);
  if (known) {
    try {
      for (const row of await insertKnown(db, messages, ids, known)) rows.set(row.waMessageId, row);
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code !== FOREIGN_KEY_VIOLATION) throw error;
      for (const { event } of messages) chats.forget(event);
    }
  }
  const lookedUp = messages.filter(({ event }) => !rows.has(event.waMessageId));
  let pending = lookedUp;
  // Two first messages of a new sender at once: the second statement waits for the
  // first one's conversation, which its snapshot cannot see; a second try can.
  for (let attempt = 0; attempt < 3 && pending.length > 0; attempt++) {
    const inserted =
      pending.length === 1
        ? insertOne(db, pending[0]!, ids.get(pending[0]!)!)
        : insertMany(db, pending, ids);
    for (const row of await inserted) rows.set(row.waMessageId, row);
    pending = pending.filter(({ event }) => !rows.get(event.waMessageId)?.conversationId);
  }
  if (pending.length > 0) {
    throw new Error(`no conversation found for ${pending[0]?.event.waMessageId ?? 'a message'}`);
  }
  // What the full statement found, the plain insert can use next time.
  for (const { event } of lookedUp) {
    chats?.remember(event, rows.get(event.waMessageId)!.conversationId!);
  }
  // A wamid repeated within one webhook is stored once, for its first occurrence.
  const seen = new Set<string>();
  return messages.map(({ event }) => {
    const row = rows.get(event.waMessageId);
    if (!row?.id || !row.conversationId || seen.has(event.waMessageId)) return null;
    seen.add(event.waMessageId);
    return { id: row.id, conversationId: row.conversationId };
  });
}

const FOREIGN_KEY_VIOLATION = '23503';

/** Every message's conversation when all their senders are known, else undefined. */
function knownConversations(
  messages: readonly InboundToStore[],
  chats: KnownChats,
): string[] | undefined {
  const conversations: string[] = [];
  for (const { event } of messages) {
    const id = chats.conversationOf(event);
    if (id === undefined) return undefined;
    conversations.push(id);
  }
  return conversations;
}

/** Stores one message; null for a duplicate delivery. */
export async function storeInboundMessage(
  db: Queries,
  event: InboundMessageEvent,
  payload: unknown,
): Promise<StoredInbound | null> {
  const [stored] = await storeInboundMessages(db, [{ event, payload }]);
  return stored ?? null;
}

const status = (message: InboundToStore) => (message.ignored ? 'IGNORED' : 'RECEIVED');

// The usual webhook carries one message: this form plans in half the time of the
// array form below, and planning is most of its cost.
async function insertOne(db: Queries, message: InboundToStore, id: string): Promise<Row[]> {
  const { event } = message;
  const phone = event.sender.phoneNumber ?? null;
  const bsuid = event.sender.bsuid ?? null;
  const rows = await db.rows<Omit<Row, 'waMessageId'>>(sql`
    WITH existing AS (
      SELECT id FROM conversations WHERE wa_key = ${event.waKey}
    ),
    fresh AS (
      INSERT INTO conversations (id, wa_key, phone_number, bsuid, last_inbound_at, created_at, updated_at)
      SELECT gen_random_uuid(), ${event.waKey}, ${phone}, ${bsuid}, ${event.sentAt}::timestamptz, now(), now()
       WHERE NOT EXISTS (SELECT 1 FROM existing)
      ON CONFLICT (wa_key) DO NOTHING
      RETURNING id
    ),
    reidentified AS (
      UPDATE conversations
         SET phone_number = coalesce(${phone}, phone_number),
             bsuid = coalesce(${bsuid}, bsuid),
             updated_at = now()
       WHERE wa_key = ${event.waKey}
         AND (phone_number IS DISTINCT FROM coalesce(${phone}, phone_number)
              OR bsuid IS DISTINCT FROM coalesce(${bsuid}, bsuid))
    ),
    chat AS (SELECT id FROM fresh UNION ALL SELECT id FROM existing),
    stored AS (
      INSERT INTO inbound_messages
        (id, wa_message_id, conversation_id, phone_number_id, type, payload, sent_at,
         received_at, status, attempts, processed_at)
      SELECT ${id}::uuid, ${event.waMessageId}, chat.id, ${event.phoneNumberId}, ${event.type},
             ${JSON.stringify(message.payload)}::jsonb, ${event.sentAt}::timestamptz, now(),
             ${status(message)}::"InboundStatus", 0, ${message.ignored ? new Date() : null}::timestamptz
        FROM chat
      ON CONFLICT (wa_message_id) DO NOTHING
      RETURNING id
    )
    SELECT chat.id AS "conversationId", stored.id FROM chat LEFT JOIN stored ON true`);
  return rows.map((row) => ({ ...row, waMessageId: event.waMessageId }));
}

const insertInbound = sql`
  INSERT INTO inbound_messages
    (id, wa_message_id, conversation_id, phone_number_id, type, payload, sent_at,
     received_at, status, attempts, processed_at)`;

/** The stored row of an input row `i` (the unnest'ed columns) in the given conversation. */
const inboundValues = (conversationId: Statement) => sql`
  i.message_id, i.wa_message_id, ${conversationId}, i.phone_number_id, i.type,
  i.payload::jsonb, i.sent_at, now(), i.status::"InboundStatus", 0,
  CASE WHEN i.status = 'IGNORED' THEN now() END`;

/** Stores messages whose conversations are known: one plain insert, no conversation read. */
async function insertKnown(
  db: Queries,
  messages: readonly InboundToStore[],
  ids: ReadonlyMap<InboundToStore, string>,
  conversations: readonly string[],
): Promise<Row[]> {
  const column = <T>(pick: (m: InboundToStore) => T) => messages.map(pick);
  const stored = await db.rows<{ id: string; waMessageId: string }>(sql`
    ${insertInbound} SELECT ${inboundValues(raw('i.conversation_id'))}
      FROM unnest(
        ${column((m) => ids.get(m))}::uuid[],
        ${column((m) => m.event.waMessageId)}::text[],
        ${conversations}::uuid[],
        ${column((m) => m.event.phoneNumberId)}::text[],
        ${column((m) => m.event.type)}::text[],
        ${column((m) => JSON.stringify(m.payload))}::text[],
        ${column((m) => m.event.sentAt.toISOString())}::timestamptz[],
        ${column(status)}::text[]
      ) WITH ORDINALITY AS i(message_id, wa_message_id, conversation_id, phone_number_id, type,
                             payload, sent_at, status, n)
     ORDER BY i.n
    ON CONFLICT (wa_message_id) DO NOTHING
    RETURNING id, wa_message_id AS "waMessageId"`);
  const inserted = new Map(stored.map((row) => [row.waMessageId, row.id]));
  return messages.map(({ event }, i) => ({
    waMessageId: event.waMessageId,
    conversationId: conversations[i]!,
    id: inserted.get(event.waMessageId) ?? null,
  }));
}

function insertMany(
  db: Queries,
  messages: readonly InboundToStore[],
  ids: ReadonlyMap<InboundToStore, string>,
): Promise<Row[]> {
  const column = <T>(pick: (m: InboundToStore) => T) => messages.map(pick);
  const waKeys = column((m) => m.event.waKey);
  return db.rows<Row>(sql`
    WITH input AS (
      SELECT * FROM unnest(
        ${column((m) => ids.get(m))}::uuid[],
        ${column((m) => m.event.waMessageId)}::text[],
        ${waKeys}::text[],
        ${column((m) => m.event.sender.phoneNumber ?? null)}::text[],
        ${column((m) => m.event.sender.bsuid ?? null)}::text[],
        ${column((m) => m.event.phoneNumberId)}::text[],
        ${column((m) => m.event.type)}::text[],
        ${column((m) => JSON.stringify(m.payload))}::text[],
        ${column((m) => m.event.sentAt.toISOString())}::timestamptz[],
        ${column(status)}::text[]
      ) WITH ORDINALITY AS i(message_id, wa_message_id, wa_key, phone_number, bsuid, phone_number_id,
                             type, payload, sent_at, status, n)
    ),
    -- The keys as an array too: = ANY reads the wa_key index whatever the planner
    -- believes of the table's size, where a join to input may scan the whole table.
    existing AS (
      SELECT id, wa_key FROM conversations WHERE wa_key = ANY(${waKeys}::text[])
    ),
    fresh AS (
      INSERT INTO conversations (id, wa_key, phone_number, bsuid, last_inbound_at, created_at, updated_at)
      SELECT DISTINCT ON (wa_key) gen_random_uuid(), wa_key, phone_number, bsuid, sent_at, now(), now()
        FROM input WHERE wa_key NOT IN (SELECT wa_key FROM existing)
       ORDER BY wa_key, sent_at DESC
      ON CONFLICT (wa_key) DO NOTHING
      RETURNING id, wa_key
    ),
    reidentified AS (
      UPDATE conversations c
         SET phone_number = coalesce(i.phone_number, c.phone_number),
             bsuid = coalesce(i.bsuid, c.bsuid),
             updated_at = now()
        FROM input i
       WHERE c.wa_key = ANY(${waKeys}::text[]) AND c.wa_key = i.wa_key
         AND (c.phone_number IS DISTINCT FROM coalesce(i.phone_number, c.phone_number)
              OR c.bsuid IS DISTINCT FROM coalesce(i.bsuid, c.bsuid))
    ),
    chat AS (SELECT id, wa_key FROM fresh UNION ALL SELECT id, wa_key FROM existing),
    stored AS (
      ${insertInbound} SELECT ${inboundValues(raw('chat.id'))}
        FROM input i JOIN chat USING (wa_key)
       ORDER BY i.n
      ON CONFLICT (wa_message_id) DO NOTHING
      RETURNING id, wa_message_id
    )
    SELECT i.wa_message_id AS "waMessageId", chat.id AS "conversationId", stored.id
      FROM input i
      LEFT JOIN chat USING (wa_key)
      LEFT JOIN stored USING (wa_message_id)`);
}
