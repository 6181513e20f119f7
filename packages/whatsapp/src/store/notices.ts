import { sql, type Queries } from '@spendline/db';
import {
  replyButtons,
  templateMessage,
  textMessage,
  type OutboundMessage,
  type ReplyButton,
} from '../messages.ts';
import { templateLanguage } from '../template-language.ts';
import { enqueueOutbound } from './outbox.ts';
import { serviceWindow } from './service-window.ts';

/**
 * Something the bot tells a user unasked (a budget alert, a recurring expense saved, a
 * digest): the words for an open chat, and the approved utility template that carries
 * them when the 24-hour window is closed.
 */
export interface Notice {
  userId: string;
  /** For the template's language. */
  locale: string;
  now: Date;
  /** Sent as it is while the window is open; up to 4,096 characters. */
  text: string;
  /** Offered with the text (not with the template, whose buttons are fixed at approval). */
  buttons?: readonly ReplyButton[];
  /** The template and its body parameters, in order; used outside the window. */
  template: { name: string; parameters: readonly string[] };
}

/**
 * The approved utility template notices use outside the window. Its body is
 * "Spendline: {{1}}" in each language the product speaks; {{1}} is the notice on one line.
 */
export const NOTICE_TEMPLATE = 'spendline_notice';

/** How a notice went out: as text or buttons, as a template, or not at all (no number). */
export type NoticeSent = 'text' | 'template' | null;

// Template parameters take one line: no newlines, tabs or runs of spaces.
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Queues a notice to the user's linked WhatsApp number in the caller's transaction, so it
 * is sent exactly when the change it tells of is committed. Nothing is queued for a user
 * without a linked number.
 */
export async function queueNotice(tx: Queries, notice: Notice): Promise<NoticeSent> {
  const [link] = await tx.rows<{ phoneNumber: string | null; bsuid: string | null }>(sql`
    SELECT phone_number AS "phoneNumber", bsuid FROM whatsapp_links
     WHERE user_id = ${notice.userId}::uuid AND active
     ORDER BY created_at DESC
     LIMIT 1`);
  const to = link?.phoneNumber ?? link?.bsuid;
  if (!to) return null;
  const service = await serviceWindow(tx, to, notice.now);
  let message: OutboundMessage;
  if (service.open) {
    message = notice.buttons?.length
      ? replyButtons(to, notice.text, notice.buttons)
      : textMessage(to, notice.text);
  } else {
    const { name, parameters } = notice.template;
    message = templateMessage(to, name, templateLanguage(notice.locale), [
      { type: 'body', parameters: parameters.map((p) => ({ type: 'text', text: oneLine(p) })) },
    ]);
  }
  await enqueueOutbound(tx, message, service.conversationId);
  return service.open ? 'text' : 'template';
}
