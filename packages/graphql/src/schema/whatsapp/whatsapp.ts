import {
  LINK_CODE_LENGTH,
  normalizePhoneNumber,
  OTP_LENGTH,
  startOtpChallenge,
  verifyWhatsAppOtp,
} from '@spendline/auth';
import { z } from 'zod';
import { prismaQueries } from '@spendline/db';
import { UserRef } from '../accounts/auth.ts';
import { builder } from '../builder.ts';
import { confirmPassword, hasActiveWhatsAppLink } from '../accounts/confirm-password.ts';
import type { SignedInContext } from '../context.ts';
import {
  ConflictError,
  NotFoundError,
  PasswordRequiredError,
  RateLimitedError,
  ValidationError,
} from '../errors.ts';
import { ownedWhere } from '../ids.ts';
import { queueLinkGreeting } from './link-greeting.ts';

export const WhatsAppLinkRef = builder.prismaNode('WhatsAppLink', {
  id: { field: 'id' },
  findUnique: (id, context) => ownedWhere(context, id),
  nullable: true,
  authScopes: (link) => ({ owner: link.userId }),
  fields: (t) => ({
    phoneNumber: t.exposeString('phoneNumber', { nullable: true, description: 'E.164.' }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime', nullable: true }),
    active: t.exposeBoolean('active'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField('User', 'whatsAppLinks', (t) =>
  t.relation('whatsAppLinks', {
    query: { where: { active: true }, orderBy: { createdAt: 'asc' } },
  }),
);

interface OtpSent {
  phoneNumber: string;
  expiresAt: Date;
}

const OtpSentRef = builder.objectRef<OtpSent>('WhatsAppOtpSent').implement({
  description: `A ${OTP_LENGTH}-digit code is on its way; give it to verifyWhatsAppOtp.`,
  fields: (t) => ({
    phoneNumber: t.exposeString('phoneNumber'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

const PASSWORD_ARG_DESCRIPTION =
  'Your account password: needed when a number is already linked, so whoever holds a ' +
  'signed-in browser cannot move your WhatsApp to their own phone.';

/** A second number, or a new one in place of the first, needs the password again. */
async function confirmIfLinked(
  context: SignedInContext,
  password: string | null | undefined,
): Promise<void> {
  if (await hasActiveWhatsAppLink(context)) await confirmPassword(context, password);
}

const passwordArg = z.string().max(1024);

/** What a person reads beside the code field after a wrong code. */
export function wrongCodeMessage(attemptsLeft: number): string {
  const tries = attemptsLeft === 1 ? '1 more try' : `${attemptsLeft} more tries`;
  return `That code is not right. Check the WhatsApp message and try again (${tries}).`;
}

builder.mutationField('requestWhatsAppOtp', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: OtpSentRef,
    description:
      'Sends a one-time code to this WhatsApp number (valid 10 minutes, 5 tries; a new one after ' +
      'a minute). The message goes out through the outbox: as text when the number wrote to ' +
      'the bot in the last 24 hours, as an authentication template otherwise.',
    args: {
      phoneNumber: t.arg.string({
        required: true,
        validate: z
          .string()
          .transform((value) => normalizePhoneNumber(value) ?? '')
          .refine(Boolean, 'must be in international format, e.g. +919876543210'),
      }),
      password: t.arg.string({ description: PASSWORD_ARG_DESCRIPTION, validate: passwordArg }),
    },
    errors: {
      types: [ValidationError, ConflictError, RateLimitedError, PasswordRequiredError],
    },
    resolve: async (_root, { phoneNumber, password }, context) => {
      await confirmIfLinked(context, password);
      const userId = context.viewer.user.id;
      // A number linked to another account gets its code like any other, so the answer
      // does not tell whether it is taken; only whoever holds that phone can learn it,
      // from verifyWhatsAppOtp's ConflictError after typing the right code.
      const now = context.now();
      const result = await startOtpChallenge(context.prisma, {
        userId,
        purpose: 'WHATSAPP_OTP',
        phoneNumber,
        secretKey: context.secretKey,
        now,
        // The outbox row commits with the challenge; the dispatcher sends it.
        afterCreate: (tx, code, challenge) =>
          context.queueOtpMessage(prismaQueries(tx), {
            phoneNumber,
            code,
            locale: context.viewer.user.locale,
            expiresAt: challenge.expiresAt,
            now,
          }),
      });
      if (!result.ok) throw new RateLimitedError(result.retryAfterMs);
      return { phoneNumber, expiresAt: result.challenge.expiresAt };
    },
  }),
);

builder.mutationField('verifyWhatsAppOtp', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: 'WhatsAppLink',
    description: 'Links the number the code was sent to.',
    args: {
      code: t.arg.string({
        required: true,
        validate: z
          .string()
          .trim()
          .regex(/^\d{6}$/, `Enter the ${OTP_LENGTH} digits from the WhatsApp message.`),
      }),
    },
    errors: { types: [ValidationError, NotFoundError, ConflictError, RateLimitedError] },
    resolve: async (query, _root, { code }, context) => {
      const now = context.now();
      const { displayName } = context.viewer.user;
      const result = await verifyWhatsAppOtp(context.prisma, {
        userId: context.viewer.user.id,
        code,
        secretKey: context.secretKey,
        now,
        // The welcome commits with the link: never a link without it, nor one twice.
        afterLink: (tx, link) =>
          link.phoneNumber
            ? queueLinkGreeting(prismaQueries(tx), {
                phoneNumber: link.phoneNumber,
                displayName,
                now,
              })
            : Promise.resolve(),
      });
      if (result.ok) {
        return context.prisma.whatsAppLink.findUniqueOrThrow({
          ...query,
          where: { id: result.link.id },
        });
      }
      switch (result.reason) {
        case 'no_challenge':
          throw new NotFoundError('A live code (it may have expired; ask for a new one)');
        case 'wrong_code': {
          const message = wrongCodeMessage(result.attemptsLeft ?? 0);
          throw new ValidationError([{ path: ['code'], message }], message);
        }
        case 'too_many_attempts':
          throw new RateLimitedError(60_000);
        case 'number_taken':
          throw new ConflictError('This number is linked to another account.', 'phoneNumber');
      }
    },
  }),
);

interface LinkCode {
  code: string;
  expiresAt: Date;
}

const LinkCodeRef = builder.objectRef<LinkCode>('WhatsAppLinkCode').implement({
  description: 'Send "LINK <code>" to the Spendline WhatsApp number from the phone to link.',
  fields: (t) => ({
    code: t.exposeString('code'),
    message: t.string({
      description: 'What to send on WhatsApp.',
      resolve: (link) => `LINK ${link.code}`,
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

builder.mutationField('createWhatsAppLinkCode', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: LinkCodeRef,
    description: `A ${LINK_CODE_LENGTH}-digit code, valid 10 minutes, replacing any earlier one.`,
    args: {
      password: t.arg.string({ description: PASSWORD_ARG_DESCRIPTION, validate: passwordArg }),
    },
    errors: { types: [RateLimitedError, PasswordRequiredError] },
    resolve: async (_root, { password }, context) => {
      await confirmIfLinked(context, password);
      const result = await startOtpChallenge(context.prisma, {
        userId: context.viewer.user.id,
        purpose: 'LINK_CODE',
        secretKey: context.secretKey,
        now: context.now(),
      });
      if (!result.ok) throw new RateLimitedError(result.retryAfterMs);
      return { code: result.code, expiresAt: result.challenge.expiresAt };
    },
  }),
);

builder.mutationField('unlinkWhatsApp', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: UserRef,
    description: 'Forgets a linked number: the bot treats it as a stranger again.',
    args: { id: t.arg.globalID({ required: true, for: WhatsAppLinkRef }) },
    errors: { types: [NotFoundError] },
    resolve: async (query, _root, { id }, context) => {
      const { count } = await context.prisma.whatsAppLink.deleteMany({
        where: ownedWhere(context, id.id),
      });
      if (count === 0) throw new NotFoundError('WhatsApp link', id.id);
      return context.prisma.user.findUniqueOrThrow({
        ...query,
        where: { id: context.viewer.user.id },
      });
    },
  }),
);
