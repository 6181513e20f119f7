import {
  consume,
  OTP_LENGTH,
  RATE_LIMITS,
  requestPasswordReset,
  resetPasswordWithCode,
} from '@spendline/auth';
import { prismaQueries } from '@spendline/db';
import { z } from 'zod';
import { startSession } from './auth.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { RateLimitedError, ValidationError } from '../errors.ts';
import { wrongCodeMessage } from '../whatsapp/whatsapp.ts';

/** Counts a reset request or try against the caller's address, across all accounts. */
async function limitAddress(context: GraphQLContext): Promise<void> {
  if (!context.ipAddress) return;
  const { limit, windowMs } = RATE_LIMITS.passwordResetPerIp;
  const key = `password-reset:ip:${context.ipAddress}`;
  const allowance = await consume(context.sql, key, limit, windowMs, context.now());
  if (!allowance.allowed) throw new RateLimitedError(allowance.retryAfterMs);
}

const email = z.string().trim().max(254);

builder.mutationField('requestPasswordReset', (t) =>
  t.boolean({
    description:
      'Sends a code for resetPassword to the WhatsApp number linked to this email’s account ' +
      '(valid 10 minutes, 5 tries; a new one after a minute). Answers true whether or not ' +
      'such an account or number exists, so it tells nobody which emails have accounts. ' +
      'Accounts without WhatsApp ask an administrator (npm run admin -- reset-password).',
    args: { email: t.arg.string({ required: true, validate: email }) },
    errors: { types: [RateLimitedError], directResult: false, dataField: { name: 'requested' } },
    resolve: async (_root, args, context) => {
      await limitAddress(context);
      const now = context.now();
      await requestPasswordReset(context.prisma, {
        email: args.email,
        secretKey: context.secretKey,
        now,
        send: (tx, message) => context.queueOtpMessage(prismaQueries(tx), { ...message, now }),
      });
      return true;
    },
  }),
);

const ResetPasswordInput = builder.inputType('ResetPasswordInput', {
  fields: (t) => ({
    email: t.string({ required: true, validate: email }),
    code: t.string({ required: true, validate: z.string().max(64) }),
    newPassword: t.string({ required: true, validate: z.string().max(1024) }),
  }),
});

function codeProblem(message: string): ValidationError {
  return new ValidationError([{ path: ['input', 'code'], message }], message);
}

builder.mutationField('resetPassword', (t) =>
  t.prismaField({
    type: 'User',
    description:
      'Sets a new password with the code from requestPasswordReset, signs every session of ' +
      'the account out and signs this browser in.',
    args: { input: t.arg({ type: ResetPasswordInput, required: true }) },
    errors: { types: [ValidationError, RateLimitedError] },
    resolve: async (query, _root, { input }, context) => {
      const code = input.code.replace(/\s/g, '');
      if (!new RegExp(`^\\d{${OTP_LENGTH}}$`).test(code))
        throw codeProblem(`Enter the ${OTP_LENGTH} digits from the WhatsApp message.`);
      await limitAddress(context);
      const result = await resetPasswordWithCode(context.prisma, {
        email: input.email,
        code,
        newPassword: input.newPassword,
        secretKey: context.secretKey,
        now: context.now(),
      });
      if (!result.ok) {
        switch (result.reason) {
          case 'invalid_password':
            throw new ValidationError(
              [{ path: ['input', 'newPassword'], message: result.problem }],
              result.problem,
            );
          case 'wrong_code':
            throw codeProblem(wrongCodeMessage(result.attemptsLeft));
          case 'no_code':
            throw codeProblem(
              'There is no live code for this email. Codes last 10 minutes: ask for a new one.',
            );
          case 'too_many_attempts':
            throw codeProblem('That code had too many wrong tries. Ask for a new one.');
        }
      }
      await startSession(context, result.user);
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id: result.user.id } });
    },
  }),
);
