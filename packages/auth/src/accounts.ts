import { createDefaultCategories, type Prisma, type PrismaClient, type User } from '@spendline/db';
import { hashPassword, passwordProblem } from './password.ts';
import {
  isCurrencyCode,
  isEmail,
  isLocale,
  isTimeZone,
  normalizeEmail,
  normalizePhoneNumber,
} from './profile.ts';

export interface NewAccount {
  email: string;
  password: string;
  displayName?: string | undefined;
  currency?: string | undefined;
  timeZone?: string | undefined;
  locale?: string | undefined;
  /** A WhatsApp number to link straight away (an administrator vouches for it). */
  whatsapp?: string | undefined;
}

export type FieldProblems = Partial<Record<keyof NewAccount, string>>;

export class AccountError extends Error {
  readonly fields: FieldProblems;

  constructor(fields: FieldProblems) {
    super(
      Object.entries(fields)
        .map(([field, problem]) => `${field}: ${problem}`)
        .join('; '),
    );
    this.name = 'AccountError';
    this.fields = fields;
  }
}

const defaults = { currency: 'INR', timeZone: 'Asia/Kolkata', locale: 'en-IN' };

// One arbitrary number: the lock registrations that may be the first one wait on.
const FIRST_ACCOUNT_LOCK = 4_612_039_771;

/**
 * Whether the account about to be made is the first, which becomes the operator. When
 * the table looks empty, registrations wait for each other on a transaction lock and
 * look again once they hold it (a new statement sees what the one before committed), so
 * two first registrations at once cannot both find it empty.
 */
async function isFirstAccount(tx: Prisma.TransactionClient): Promise<boolean> {
  if (await tx.user.findFirst({ select: { id: true } })) return false;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_ACCOUNT_LOCK}::bigint)`;
  return (await tx.user.findFirst({ select: { id: true } })) === null;
}

async function validate(input: NewAccount): Promise<FieldProblems> {
  const problems: FieldProblems = {};
  if (!isEmail(normalizeEmail(input.email))) problems.email = 'is not an email address';
  const password = await passwordProblem(input.password, [
    input.email,
    ...(input.displayName ? [input.displayName] : []),
  ]);
  if (password) problems.password = password;
  if (input.currency !== undefined && !isCurrencyCode(input.currency.toUpperCase())) {
    problems.currency = 'must be an ISO-4217 code such as INR or USD';
  }
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
    problems.timeZone = 'must be an IANA time zone such as Asia/Kolkata';
  }
  if (input.locale !== undefined && !isLocale(input.locale)) {
    problems.locale = 'must be a locale such as en-IN';
  }
  if (input.whatsapp !== undefined && !normalizePhoneNumber(input.whatsapp)) {
    problems.whatsapp = 'must be in international format, e.g. +919876543210';
  }
  return problems;
}

/**
 * Makes an account with the default categories, in one transaction; the first account
 * is the operator. Throws
 * AccountError naming each bad field, or when the email or number is taken.
 */
export async function createAccount(prisma: PrismaClient, input: NewAccount): Promise<User> {
  const problems = await validate(input);
  if (Object.keys(problems).length > 0) throw new AccountError(problems);
  const email = normalizeEmail(input.email);
  const phoneNumber = input.whatsapp === undefined ? null : normalizePhoneNumber(input.whatsapp);
  const passwordHash = await hashPassword(input.password);

  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new AccountError({ email: 'already has an account' });
    }
    if (
      phoneNumber &&
      (await tx.whatsAppLink.findUnique({ where: { phoneNumber }, select: { id: true } }))
    ) {
      throw new AccountError({ whatsapp: 'is already linked to another account' });
    }
    const isOperator = await isFirstAccount(tx);
    const user = await tx.user.create({
      data: {
        email,
        isOperator,
        passwordHash,
        displayName: input.displayName?.trim() || email.split('@')[0] || email,
        currency: input.currency?.toUpperCase() ?? defaults.currency,
        timeZone: input.timeZone ?? defaults.timeZone,
        locale: input.locale ?? defaults.locale,
      },
    });
    if (phoneNumber) {
      await tx.whatsAppLink.create({
        data: { userId: user.id, phoneNumber, verifiedAt: new Date() },
      });
    }
    await createDefaultCategories(tx, user.id, user.locale);
    return user;
  });
}
