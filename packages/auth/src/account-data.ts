import { Prisma, type PrismaClient } from '@spendline/db';
import { loginRateLimitKeys } from './credentials.ts';

type Writer = Pick<PrismaClient, 'user' | 'whatsAppLink' | '$executeRaw'>;

// Everything of an account's own, by table (budget alerts and aliases go with their rows).
const PERSONAL_TABLES = [
  'sessions',
  'api_tokens',
  'whatsapp_links',
  'otp_challenges',
  'attachments',
  'budgets',
  'category_aliases',
  'recurring_expenses',
  'statement_requests',
];

/**
 * Empties an account whose rows other people's shared books still point at: its entries,
 * shares and settlements there stay (the others' balances stand on them), with nothing to
 * tell whose they were but the row's id. Everything else of theirs goes, and the row
 * keeps no name, no usable email (one without an "@" nobody can register or sign in
 * with) and no password, nor any opt-in that would send it a notice.
 */
export async function emptyAccount(tx: Writer, userId: string, now: Date): Promise<void> {
  for (const table of PERSONAL_TABLES) {
    await tx.$executeRaw`DELETE FROM ${Prisma.raw(table)} WHERE user_id = ${userId}::uuid`;
  }
  await tx.$executeRaw`DELETE FROM expenses WHERE user_id = ${userId}::uuid AND book_id IS NULL`;
  // The shared entries stay, without what tied them to the person's bank or chats.
  await tx.$executeRaw`
    UPDATE expenses SET reference = NULL, inbound_message_id = NULL, recurring_expense_id = NULL
     WHERE user_id = ${userId}::uuid`;
  // After the entries: a shared entry's category of theirs is cleared (set null), not kept.
  await tx.$executeRaw`DELETE FROM categories WHERE user_id = ${userId}::uuid`;
  await tx.user.update({
    where: { id: userId },
    data: {
      email: `deleted:${userId}`,
      passwordHash: null,
      displayName: '',
      deletedAt: now,
      confirmAboveMinor: null,
      dailyDigestHour: null,
      weeklyDigest: false,
      reminderHour: null,
      monthlyStatement: false,
      isOperator: false,
      defaultBookId: null,
    },
  });
}

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
