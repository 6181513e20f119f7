import type { Queries } from '@spendline/db';
import { authenticationTemplate, templateLanguage, textMessage } from '@spendline/whatsapp';
import { enqueueOutbound, serviceWindow } from '@spendline/whatsapp/store';

export interface OtpMessage {
  /** E.164. */
  phoneNumber: string;
  code: string;
  /** The user's locale, for the template's language. */
  locale: string;
  expiresAt: Date;
  now: Date;
}

/**
 * Queues the WhatsApp message that carries an OTP, inside the transaction that
 * created the challenge, so the message exists exactly when the challenge does.
 */
export type QueueOtpMessage = (tx: Queries, otp: OtpMessage) => Promise<unknown>;

export const DEFAULT_OTP_TEMPLATE = 'spendline_otp';

/** The code as plain text, for a user who wrote to the bot in the last 24 hours. */
export function otpText(code: string, minutes: number): string {
  return (
    `${code} is your Spendline verification code. It expires in ${minutes} minutes. ` +
    'For your security, do not share this code.'
  );
}

export interface OtpMessageOptions {
  /** The approved copy-code authentication template. */
  templateName?: string;
}

/**
 * Inside Meta's 24-hour customer-service window (the number's chat had a message from
 * the user in the last 24 hours) the code goes as free text; outside it only an
 * approved authentication template is delivered, with the code as the body parameter
 * and as the copy-code button's parameter.
 */
export function createOtpMessageQueue({
  templateName = DEFAULT_OTP_TEMPLATE,
}: OtpMessageOptions = {}): QueueOtpMessage {
  return async (tx, { phoneNumber, code, locale, expiresAt, now }) => {
    const service = await serviceWindow(tx, phoneNumber, now);
    const minutes = Math.max(1, Math.round((expiresAt.getTime() - now.getTime()) / 60_000));
    const message = service.open
      ? textMessage(phoneNumber, otpText(code, minutes))
      : authenticationTemplate(phoneNumber, code, templateLanguage(locale), { templateName });
    return enqueueOutbound(tx, message, service.conversationId);
  };
}
