import { sql, type OutboundMessage as OutboundRow } from '@spendline/db';
import { tagFor } from '@spendline/i18n';
import { inTransaction, type ExpenseEvents } from '@spendline/entries';
import { readingMessageSchema } from '@spendline/media/reading';
import { guessLanguage } from '@spendline/parser';
import { storedInboundSchema } from '@spendline/whatsapp';
import type { InboundHandler } from '@spendline/whatsapp/store';
import { accountOf } from './account.ts';
import { perform, type EffectScope } from './effects/index.ts';
import { toEvent } from './interpret.ts';
import { mediaRepliesFor } from './media-replies.ts';
import { repliesFor } from './replies.ts';
import { emptyReply, toOutbound } from './reply.ts';
import { MACHINE_VERSION, restoreConversation } from './snapshot.ts';

export interface ConversationHandlerOptions {
  publicUrl: string;
  /** Keys the link-code hashes (SECRET_KEY). */
  secretKey: string;
  questionTtlMs?: number;
  /** Where the entries a message writes are announced (live dashboards), on commit. */
  events?: ExpenseEvents;
}

/**
 * The language to greet a number with no account in: the one its message is written in,
 * English when nothing tells.
 */
function greetingLocale(text: string | null): string {
  return tagFor((text === null ? null : guessLanguage(text)) ?? 'en');
}

/** Another writer saved the conversation since it was read: the message is retried. */
export class ConversationConflictError extends Error {
  override name = 'ConversationConflictError';
}

/**
 * The conversation runtime, run by the inbox processor for each inbound message inside
 * the transaction that marks it processed (with the conversation row locked): restore
 * the chat's actor, send it the message as an event, carry out the effects it emits,
 * queue the one reply, and save the new snapshot with an optimistic version check.
 * Times come from the message's WhatsApp timestamp, so a message processed late (after
 * a restart) still counts on the day it was sent and questions expire on message time.
 */
export function createConversationHandler(options: ConversationHandlerOptions): InboundHandler {
  const linkUrl = new URL('/link-whatsapp/', options.publicUrl).toString();
  const dashboardUrl = new URL('/dashboard/', options.publicUrl).toString();
  const announce = inTransaction(options.events);
  const input =
    options.questionTtlMs === undefined ? undefined : { questionTtlMs: options.questionTtlMs };

  return async ({ tx, message, conversation, outbox }) => {
    // A photo's or voice note's reading comes back as a message of its own.
    const { sender, content } =
      message.type === 'reading'
        ? readingMessageSchema.parse(message.payload)
        : storedInboundSchema.parse(message.payload);
    const now = message.sentAt;
    const account = await accountOf(tx, sender, now);
    const user = account?.user ?? null;
    const restored = restoreConversation(conversation.snapshot, conversation.machineVersion, input);
    const { actor } = restored;
    const event = await toEvent({
      tx,
      account,
      content,
      messageId: message.id,
      at: now,
      context: actor.getSnapshot().context,
    });
    actor.send(event);
    const after = actor.getSnapshot();
    if (after.status === 'error') throw after.error;
    const persisted = actor.getPersistedSnapshot();
    actor.stop();

    const scope: EffectScope = {
      tx,
      user,
      locale: user?.locale ?? greetingLocale(content.kind === 'text' ? content.body : null),
      budgeted: account?.budgeted ?? false,
      sender,
      conversationId: conversation.id,
      phoneNumberId: message.phoneNumberId,
      messageId: message.id,
      now,
      secretKey: options.secretKey,
      linkUrl,
      dashboardUrl,
      announce,
    };
    const reply = emptyReply();
    if (restored.lostQuestion) reply.parts.push(repliesFor(scope.locale).snapshotReset);
    await perform(scope, restored.effects, reply);
    if (content.kind === 'reading' && content.reading.kind === 'transcript') {
      reply.parts.unshift(mediaRepliesFor(scope.locale).heard(content.reading.text));
    }
    const to = conversation.phoneNumber ?? conversation.bsuid ?? conversation.waKey;
    // The reply and the new snapshot in one round trip. On a conflict nothing is saved:
    // the error rolls the whole transaction back, the queued reply with it.
    const [saved] = await tx.rows<OutboundRow & { saved: number }>(sql`
      WITH queued AS (${outbox.insert(toOutbound(to, reply, dashboardUrl, scope.locale), conversation.id)}),
      saved AS (
        UPDATE conversations
           SET snapshot = ${JSON.stringify(persisted)}::jsonb, machine_version = ${MACHINE_VERSION},
               version = version + 1, updated_at = now()
         WHERE id = ${conversation.id}::uuid AND version = ${conversation.version}
        RETURNING 1)
      SELECT (SELECT count(*) FROM saved)::int AS saved, queued.* FROM queued`);
    if (saved?.saved !== 1)
      throw new ConversationConflictError(`conversation ${conversation.id} changed meanwhile`);
    outbox.queued(saved);
  };
}
