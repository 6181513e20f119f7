import type { Prisma } from '@spendline/db';

export interface OtpMessage {
  phoneNumber: string;
  code: string;
  /** The user's locale, for the template's language. */
  locale: string;
  expiresAt: Date;
}

/**
 * Queues the WhatsApp message that carries an OTP, inside the transaction that
 * created the challenge. The api should pass one built from @spendline/whatsapp
 * (`enqueueOutbound(tx, authenticationTemplate(phoneNumber, code, language))`).
 */
export type QueueOtpMessage = (tx: Prisma.TransactionClient, otp: OtpMessage) => Promise<unknown>;

/**
 * The stand-in: the same Graph API body as @spendline/whatsapp's authenticationTemplate
 * (copy-code template "verification_code", the code as body and button parameter),
 * so the outbox dispatcher can send it as it sends any other row.
 */
export const queueOtpTemplate: QueueOtpMessage = (tx, { phoneNumber, code, locale }) =>
  tx.outboundMessage.create({
    data: {
      recipient: phoneNumber,
      type: 'template',
      payload: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: phoneNumber,
        type: 'template',
        template: {
          name: 'verification_code',
          language: { code: locale.split('-')[0] ?? 'en' },
          components: [
            { type: 'body', parameters: [{ type: 'text', text: code }] },
            {
              type: 'button',
              sub_type: 'url',
              index: '0',
              parameters: [{ type: 'text', text: code }],
            },
          ],
        },
      },
    },
  });
