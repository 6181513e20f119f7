import type { MessageContent, WhatsAppUser } from '@spendline/whatsapp';
import { textMessage } from '@spendline/whatsapp';
import { enqueueOutbound, type InboundHandler } from '@spendline/whatsapp/store';
import { answerLinkedUser } from './chat.ts';
import { replies } from './replies.ts';

/** What the webhook stores for each inbound message (see webhook.ts). */
export interface StoredInboundPayload {
  sender: WhatsAppUser;
  content: MessageContent;
  replyTo: string | null;
}

/**
 * The channel's own answers, until the conversation machines take over: media gets
 * a polite "text only", an unknown number learns how to link, and a linked number
 * gets its link completed with whatever identity Meta now sends (BSUID and phone)
 * and its message answered by chat.ts.
 * Each inbound message gets one consolidated reply, as Meta's pair limit requires.
 */
export function createChannelHandler({ publicUrl }: { publicUrl: string }): InboundHandler {
  return async ({ tx, message, conversation }) => {
    const { sender, content } = message.payload as unknown as StoredInboundPayload;
    const to = conversation.phoneNumber ?? conversation.bsuid ?? conversation.waKey;
    const reply = (text: string) => enqueueOutbound(tx, textMessage(to, text), conversation.id);

    if (content.kind === 'unsupported') {
      await reply(replies.unsupported(content.type));
      return;
    }
    const identities = [
      ...(sender.bsuid ? [{ bsuid: sender.bsuid }] : []),
      ...(sender.phoneNumber ? [{ phoneNumber: sender.phoneNumber }] : []),
    ];
    const link =
      identities.length === 0
        ? null
        : await tx.whatsAppLink.findFirst({
            where: { active: true, OR: identities },
            include: { user: true },
          });
    if (!link) {
      await reply(replies.unknownNumber(new URL('/link-whatsapp/', publicUrl).toString()));
      return;
    }
    if ((!link.bsuid && sender.bsuid) || (!link.phoneNumber && sender.phoneNumber)) {
      await tx.whatsAppLink.update({
        where: { id: link.id },
        data: {
          bsuid: link.bsuid ?? sender.bsuid ?? null,
          phoneNumber: link.phoneNumber ?? sender.phoneNumber ?? null,
        },
      });
    }
    const dashboardUrl = new URL('/dashboard/', publicUrl).toString();
    if (content.kind !== 'text') {
      await reply(replies.buttonsNotYet);
      return;
    }
    const text = await answerLinkedUser(
      { tx, user: link.user, text: content.body, inboundMessageId: message.id, now: new Date() },
      dashboardUrl,
    );
    await reply(text);
  };
}
