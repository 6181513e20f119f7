import type { Prisma, User } from '@spendline/db';
import type { MessageContent, WhatsAppUser } from '@spendline/whatsapp';
import { enqueueOutbound, type InboundHandler } from '@spendline/whatsapp/store';
import { perform, type EffectScope, type ExpenseChanges } from './effects.ts';
import { toEvent } from './interpret.ts';
import { replies } from './replies.ts';
import { emptyReply, toOutbound } from './reply.ts';
import { MACHINE_VERSION, restoreConversation } from './snapshot.ts';

type Tx = Prisma.TransactionClient;

/** What the webhook stores for each inbound message. */
interface InboundPayload {
  sender: WhatsAppUser;
  content: MessageContent;
}

/** Announces a message's expense changes from inside its transaction (live dashboards). */
export type ExpenseNotifier = (tx: Tx, userId: string, changes: ExpenseChanges) => Promise<void>;

export interface ConversationHandlerOptions {
  publicUrl: string;
  /** Keys the link-code hashes (SECRET_KEY). */
  secretKey: string;
  questionTtlMs?: number;
  notify?: ExpenseNotifier;
}

/** Another writer saved the conversation since it was read: the message is retried. */
export class ConversationConflictError extends Error {
  override name = 'ConversationConflictError';
}

/** The account linked to the sender, completing the link with whatever identity Meta now sends. */
async function linkedUser(tx: Tx, sender: WhatsAppUser): Promise<User | null> {
  const identities = [
    ...(sender.bsuid ? [{ bsuid: sender.bsuid }] : []),
    ...(sender.phoneNumber ? [{ phoneNumber: sender.phoneNumber }] : []),
  ];
  if (identities.length === 0) return null;
  const link = await tx.whatsAppLink.findFirst({
    where: { active: true, OR: identities },
    include: { user: true },
  });
  if (!link) return null;
  if ((!link.bsuid && sender.bsuid) || (!link.phoneNumber && sender.phoneNumber)) {
    await tx.whatsAppLink.update({
      where: { id: link.id },
      data: {
        bsuid: link.bsuid ?? sender.bsuid ?? null,
        phoneNumber: link.phoneNumber ?? sender.phoneNumber ?? null,
      },
    });
  }
  return link.user;
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
  const input =
    options.questionTtlMs === undefined ? undefined : { questionTtlMs: options.questionTtlMs };

  return async ({ tx, message, conversation }) => {
    const { sender, content } = message.payload as unknown as InboundPayload;
    const now = message.sentAt;
    const user = await linkedUser(tx, sender);
    const restored = restoreConversation(conversation.snapshot, conversation.machineVersion, input);
    const { actor } = restored;
    const event = await toEvent({
      tx,
      user,
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
      sender,
      conversationId: conversation.id,
      messageId: message.id,
      now,
      secretKey: options.secretKey,
      linkUrl,
      dashboardUrl,
      changes: { added: [], updated: [], deleted: [] },
    };
    const reply = emptyReply();
    if (restored.lostQuestion) reply.parts.push(replies.snapshotReset);
    await perform(scope, restored.effects, reply);
    const to = conversation.phoneNumber ?? conversation.bsuid ?? conversation.waKey;
    await enqueueOutbound(tx, toOutbound(to, reply, dashboardUrl), conversation.id);

    const saved = await tx.conversation.updateMany({
      where: { id: conversation.id, version: conversation.version },
      data: {
        snapshot: persisted as unknown as Prisma.InputJsonValue,
        machineVersion: MACHINE_VERSION,
        version: { increment: 1 },
      },
    });
    if (saved.count !== 1)
      throw new ConversationConflictError(`conversation ${conversation.id} changed meanwhile`);
    const { changes } = scope;
    const changed = changes.added.length + changes.updated.length + changes.deleted.length;
    if (user && options.notify && changed > 0) await options.notify(tx, user.id, changes);
  };
}
