import { Prisma, type PrismaClient } from '@spendline/db';
import { loginRateLimitKeys } from './credentials.ts';

type Writer = Pick<PrismaClient, 'user' | 'whatsAppLink' | '$executeRaw'>;

/**
 * Deletes what holds a user's data without a foreign key to them, which no cascade
 * reaches: the chats of their linked WhatsApp numbers (messages both ways and the bot's
 * state, kept per number rather than per account) and rate-limit counters keyed by
 * their id or, for password guesses, their email. Numbers they only asked a code for are left alone: such a number may be
 * someone else's, with a chat of its own.
 */
export async function deleteUnlinkedData(tx: Writer, userId: string): Promise<void> {
  const links = await tx.whatsAppLink.findMany({
    where: { userId },
    select: { phoneNumber: true, bsuid: true },
  });
  const phones = links.flatMap((l) => (l.phoneNumber ? [l.phoneNumber] : []));
  const bsuids = links.flatMap((l) => (l.bsuid ? [l.bsuid] : []));
  if (phones.length + bsuids.length > 0) {
    // The Cloud API addresses a number without its "+", a BSUID as it is.
    const recipients = [...phones.map((p) => p.replace(/^\+/, '')), ...phones, ...bsuids];
    const chats = Prisma.sql`
      SELECT id FROM conversations
       WHERE wa_key = ANY(${[...phones, ...bsuids]}::text[])
          OR phone_number = ANY(${phones}::text[]) OR bsuid = ANY(${bsuids}::text[])`;
    await tx.$executeRaw`
      DELETE FROM outbound_messages
       WHERE conversation_id IN (${chats}) OR recipient = ANY(${recipients}::text[])`;
    // Their inbound messages go with them (cascade).
    await tx.$executeRaw`DELETE FROM conversations WHERE id IN (${chats})`;
  }
  await tx.$executeRaw`DELETE FROM rate_limits WHERE key LIKE ${`%:${userId}`}`;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (user) {
    const keys = loginRateLimitKeys;
    await tx.$executeRaw`
      DELETE FROM rate_limits
       WHERE key = ANY(${[keys.account(user.email), keys.failures(user.email)]}::text[])
          OR starts_with(key, ${keys.accountClient(user.email, '')})`;
  }
}
