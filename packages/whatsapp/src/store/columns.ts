import {
  modelColumns,
  sql,
  type Conversation,
  type InboundMessage,
  type OutboundMessage,
} from '@spendline/db';

// Raw SQL reads and writes these rows in the channel's hot paths (see modelColumns).
const conversation: Record<keyof Conversation, string> = {
  id: 'id',
  waKey: 'wa_key',
  phoneNumber: 'phone_number',
  bsuid: 'bsuid',
  snapshot: 'snapshot',
  machineVersion: 'machine_version',
  version: 'version',
  lastInboundAt: 'last_inbound_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const inboundMessage: Record<keyof InboundMessage, string> = {
  id: 'id',
  waMessageId: 'wa_message_id',
  conversationId: 'conversation_id',
  phoneNumberId: 'phone_number_id',
  type: 'type',
  payload: 'payload',
  sentAt: 'sent_at',
  receivedAt: 'received_at',
  processedAt: 'processed_at',
  status: 'status',
  attempts: 'attempts',
  lastError: 'last_error',
};

const outboundMessage: Record<keyof OutboundMessage, string> = {
  id: 'id',
  conversationId: 'conversation_id',
  recipient: 'recipient',
  type: 'type',
  payload: 'payload',
  status: 'status',
  attempts: 'attempts',
  nextAttemptAt: 'next_attempt_at',
  providerMessageId: 'provider_message_id',
  lastError: 'last_error',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  sentAt: 'sent_at',
};

const select = (columns: Record<string, string>, table?: string, prefix?: string) =>
  modelColumns(columns, {
    asText: ['status'],
    ...(table ? { table } : {}),
    ...(prefix ? { prefix } : {}),
  });

/** `SELECT ${conversationColumns} FROM conversations` gives Conversation rows. */
export const conversationColumns = select(conversation);
/** Where a row read with a message carries its conversation's fields (see takenColumns). */
export const CONVERSATION_PREFIX = 'conversation.';
/**
 * A taken message and its conversation in one row, from CTEs named taken and locked:
 * the message's fields as they are, the conversation's behind CONVERSATION_PREFIX.
 */
export const takenColumns = sql`${select(inboundMessage, 'taken')}, ${select(
  conversation,
  'locked',
  CONVERSATION_PREFIX,
)}`;
/** `RETURNING ${outboundMessageColumns}` gives OutboundMessage rows. */
export const outboundMessageColumns = select(outboundMessage);
