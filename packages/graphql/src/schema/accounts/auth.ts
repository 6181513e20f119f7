import {
  AccountError,
  blankSessionCookie,
  changePassword,
  checkCredentials,
  consume,
  createAccount,
  createApiToken,
  createSession,
  deleteAccount,
  invalidateSession,
  invalidateUserSessions,
  isLocale,
  isTimeZone,
  RATE_LIMITS,
  revokeApiToken,
  sessionCookie,
} from '@spendline/auth';
import { BookRefusal, leaveBooksForDeletion } from '@spendline/books';
import type { ApiToken, User } from '@spendline/db';
import { localDateOf, localeWeekStart } from '@spendline/ledger';
import { z } from 'zod';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import {
  ConflictError,
  InvalidCredentialsError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from '../errors.ts';
import { NIL_UUID, ownedWhere } from '../ids.ts';
import { unsettledBooksError, UnsettledBalanceError } from '../books/book-errors.ts';
import { publicSessionId } from './sessions.ts';
import { amount, currency } from '../validators.ts';

export const UserRef = builder.prismaNode('User', {
  id: { field: 'id' },
  // A user node is reachable only by that user.
  findUnique: (id, context) => ({ id: context.viewer?.user.id === id ? id : NIL_UUID }),
  nullable: true,
  authScopes: (user) => ({ owner: user.id }),
  fields: (t) => ({
    email: t.exposeString('email'),
    displayName: t.exposeString('displayName'),
    currency: t.exposeString('currency', { description: 'Default currency (ISO-4217).' }),
    timeZone: t.exposeString('timeZone', { description: 'IANA zone; periods are cut in it.' }),
    locale: t.exposeString('locale', { description: 'BCP-47 locale for formatting.' }),
    confirmAboveMinor: t.expose('confirmAboveMinor', {
      type: 'MinorUnits',
      nullable: true,
      description: 'Above this amount the bot asks before saving; null = automatic.',
    }),
    dailyDigestHour: t.exposeInt('dailyDigestHour', { nullable: true }),
    weeklyDigest: t.exposeBoolean('weeklyDigest'),
    monthlyStatement: t.exposeBoolean('monthlyStatement', {
      description: "Last month's statement arrives on WhatsApp as a PDF on the 1st.",
    }),
    reminderHour: t.exposeInt('reminderHour', { nullable: true }),
    weekStartsOn: t.exposeInt('weekStartsOn', {
      nullable: true,
      description:
        'The first day of your week, ISO 1 Monday ... 7 Sunday; null follows your locale ' +
        '(localeWeekStartsOn). WEEK periods, the bot and the weekly digest all use it.',
    }),
    localeWeekStartsOn: t.int({
      description:
        'The first day of the week where your locale is from (CLDR week data), the default; ' +
        'Monday when the locale names no region.',
      resolve: (user) => localeWeekStart(user.locale),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    apiTokens: t.relation('apiTokens', {
      query: { where: { revokedAt: null }, orderBy: { createdAt: 'desc' } },
    }),
    sessions: t.relation('sessions', { query: { orderBy: { lastUsedAt: 'desc' } } }),
  }),
});

export const ApiTokenRef = builder.prismaNode('ApiToken', {
  id: { field: 'id' },
  findUnique: (id, context) => ownedWhere(context, id),
  nullable: true,
  authScopes: (token) => ({ owner: token.userId }),
  fields: (t) => ({
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', {
      description: 'The token’s first characters, to tell it apart.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.prismaObject('Session', {
  description: 'A signed-in browser. Its stored id (a hash of the cookie) is never exposed.',
  authScopes: (session) => ({ owner: session.userId }),
  fields: (t) => ({
    id: t.id({
      description: 'Names the session for revokeSession; the cookie cannot be derived from it.',
      resolve: (session, _args, context) => publicSessionId(context, session.id),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    userAgent: t.exposeString('userAgent', { nullable: true }),
    ipAddress: t.exposeString('ipAddress', { nullable: true }),
    current: t.boolean({
      resolve: (session, _args, context) => context.viewer?.session?.id === session.id,
    }),
  }),
});

/** Signs the user in: a new session, its cookie, and the rest of this request as them. */
export async function startSession(context: GraphQLContext, user: User): Promise<void> {
  const { token, session } = await createSession(context.prisma, user.id, context.now(), {
    userAgent: context.userAgent,
    ipAddress: context.ipAddress,
  });
  context.setCookie(sessionCookie(token, session.expiresAt, { secure: context.secureCookies }));
  context.viewer = { user, session, apiToken: null };
}

const email = z.string().trim().max(254);
const password = z.string().max(1024);

const RegisterInput = builder.inputType('RegisterInput', {
  fields: (t) => ({
    email: t.string({ required: true, validate: email }),
    password: t.string({ required: true, validate: password }),
    displayName: t.string({ validate: z.string().trim().min(1).max(100) }),
    currency: t.string(),
    timeZone: t.string(),
    // Any locale, as in Settings: its language picks the words (en, pt, es, id and hi have
    // their own; others read English) and its region how numbers, dates and weeks go.
    locale: t.string({ validate: z.string().refine(isLocale, 'must be a locale such as en-IN') }),
  }),
});

builder.mutationField('register', (t) =>
  t.prismaField({
    type: 'User',
    description: 'Makes an account with the default categories and signs it in (sets the cookie).',
    args: { input: t.arg({ type: RegisterInput, required: true }) },
    errors: { types: [ValidationError, ConflictError, RateLimitedError] },
    resolve: async (query, _root, { input }, context) => {
      if (context.ipAddress) {
        const limit = await consume(
          context.sql,
          `register:ip:${context.ipAddress}`,
          RATE_LIMITS.registerPerIp.limit,
          RATE_LIMITS.registerPerIp.windowMs,
          context.now(),
        );
        if (!limit.allowed) throw new RateLimitedError(limit.retryAfterMs);
      }
      let user;
      try {
        user = await createAccount(context.prisma, {
          email: input.email,
          password: input.password,
          displayName: input.displayName ?? undefined,
          currency: input.currency ?? undefined,
          timeZone: input.timeZone ?? undefined,
          locale: input.locale ?? undefined,
        });
      } catch (error) {
        if (!(error instanceof AccountError)) throw error;
        // This tells an existing email apart from a new one; see "Enumeration" in the README.
        if (error.fields.email === 'already has an account') {
          throw new ConflictError(
            'An account with this email already exists. Log in, or reset your password if you forgot it.',
            'email',
          );
        }
        throw new ValidationError(
          Object.entries(error.fields).map(([field, message]) => ({
            path: ['input', field],
            message,
          })),
          error.fields.password ?? 'Some fields need a change.',
        );
      }
      await startSession(context, user);
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
);

builder.mutationField('login', (t) =>
  t.prismaField({
    type: 'User',
    description:
      'Signs in with email and password and sets the session cookie. A wrong password and an ' +
      'unknown email give the same InvalidCredentialsError.',
    args: {
      email: t.arg.string({ required: true, validate: email }),
      password: t.arg.string({ required: true, validate: password }),
    },
    errors: { types: [InvalidCredentialsError, RateLimitedError] },
    resolve: async (query, _root, args, context) => {
      const result = await checkCredentials(
        context.prisma,
        { email: args.email, password: args.password, ipAddress: context.ipAddress },
        context.now(),
      );
      if (!result.ok) {
        if (result.reason === 'rate_limited') throw new RateLimitedError(result.retryAfterMs);
        throw new InvalidCredentialsError();
      }
      // A new sign-in replaces whatever session this browser had.
      if (context.viewer?.session)
        await invalidateSession(context.prisma, context.viewer.session.id);
      await startSession(context, result.user);
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id: result.user.id } });
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    description: 'Ends this session (or, with everywhere, every session) and clears the cookie.',
    args: { everywhere: t.arg.boolean({ defaultValue: false }) },
    resolve: async (_root, { everywhere }, context) => {
      const viewer = context.viewer;
      if (viewer?.session) {
        if (everywhere) await invalidateUserSessions(context.prisma, viewer.user.id);
        else await invalidateSession(context.prisma, viewer.session.id);
      }
      context.setCookie(blankSessionCookie({ secure: context.secureCookies }));
      context.viewer = null;
      return true;
    },
  }),
);

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in user, or null.',
    resolve: (query, _root, _args, context) => {
      if (!context.viewer) return null;
      // Signing in read the whole row already; only relations need another query.
      if (Object.keys(query).length === 0) return context.viewer.user;
      return context.prisma.user.findUnique({ ...query, where: { id: context.viewer.user.id } });
    },
  }),
);

builder.mutationField('changePassword', (t) =>
  t.withAuth({ browser: true }).prismaField({
    type: 'User',
    description: 'Needs the current password; signs out every other session.',
    args: {
      currentPassword: t.arg.string({ required: true, validate: password }),
      newPassword: t.arg.string({ required: true, validate: password }),
    },
    errors: { types: [InvalidCredentialsError, ValidationError, RateLimitedError] },
    resolve: async (query, _root, args, context) => {
      const result = await changePassword(
        context.prisma,
        {
          userId: context.viewer.user.id,
          currentPassword: args.currentPassword,
          newPassword: args.newPassword,
          keepSessionId: context.viewer.session.id,
        },
        context.now(),
      );
      if (!result.ok) {
        if (result.reason === 'invalid_credentials') throw new InvalidCredentialsError();
        if (result.reason === 'rate_limited') throw new RateLimitedError(result.retryAfterMs);
        throw new ValidationError(
          [{ path: ['newPassword'], message: result.problem }],
          result.problem,
        );
      }
      return context.prisma.user.findUniqueOrThrow({
        ...query,
        where: { id: context.viewer.user.id },
      });
    },
  }),
);

builder.mutationField('deleteAccount', (t) =>
  t.withAuth({ browser: true }).boolean({
    description:
      'Deletes the account and all its data for good. Needs the password. Refused while ' +
      'your balance in a shared book others still use is not zero; in such books your ' +
      'entries stay, shown as a former member’s, so the others’ balances do not change.',
    args: { password: t.arg.string({ required: true, validate: password }) },
    errors: {
      types: [InvalidCredentialsError, RateLimitedError, UnsettledBalanceError],
      directResult: false,
      dataField: { name: 'deleted' },
    },
    resolve: async (_root, args, context) => {
      const result = await deleteAccount(
        context.prisma,
        { userId: context.viewer.user.id, password: args.password },
        context.now(),
        leaveBooksForDeletion,
      ).catch((error: unknown) => {
        if (error instanceof BookRefusal && error.reason === 'UNSETTLED_BOOKS') {
          throw unsettledBooksError(context, error.books);
        }
        throw error;
      });
      if (!result.ok) {
        if (result.reason === 'rate_limited') throw new RateLimitedError(result.retryAfterMs);
        throw new InvalidCredentialsError();
      }
      context.setCookie(blankSessionCookie({ secure: context.secureCookies }));
      return true;
    },
  }),
);

const hour = z
  .number()
  .int()
  .min(0, 'must be an hour from 0 to 23')
  .max(23, 'must be an hour from 0 to 23')
  .nullish();

const SettingsInput = builder.inputType('SettingsInput', {
  description: 'Only the fields given change; null clears the nullable ones.',
  fields: (t) => ({
    displayName: t.string({ validate: z.string().trim().min(1).max(100).nullish() }),
    currency: t.string({
      validate: currency.nullish(),
    }),
    timeZone: t.string({
      validate: z
        .string()
        .refine(isTimeZone, 'must be an IANA time zone such as Asia/Kolkata')
        .nullish(),
    }),
    locale: t.string({
      validate: z.string().refine(isLocale, 'must be a locale such as en-IN').nullish(),
    }),
    confirmAboveMinor: t.field({
      type: 'MinorUnits',
      validate: amount.nullish(),
    }),
    dailyDigestHour: t.int({ validate: hour }),
    weeklyDigest: t.boolean(),
    monthlyStatement: t.boolean(),
    reminderHour: t.int({ validate: hour }),
    weekStartsOn: t.int({
      description: '1 Monday ... 7 Sunday; null follows the locale.',
      validate: z
        .number()
        .int('must be from 1 (Monday) to 7 (Sunday)')
        .min(1, 'must be from 1 (Monday) to 7 (Sunday)')
        .max(7, 'must be from 1 (Monday) to 7 (Sunday)')
        .nullish(),
    }),
  }),
});

/** The first day of the month `now` falls in, in `timeZone`, as a date. */
const thisMonth = (timeZone: string, now: Date) =>
  new Date(`${localDateOf(now, timeZone).slice(0, 7)}-01T00:00:00Z`);

builder.mutationField('updateSettings', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: 'User',
    args: { input: t.arg({ type: SettingsInput, required: true }) },
    errors: { types: [ValidationError] },
    resolve: (query, _root, { input }, context) => {
      const notNull = <T>(value: T | null | undefined) => (value === null ? undefined : value);
      return context.prisma.user.update({
        ...query,
        where: { id: context.viewer.user.id },
        data: {
          displayName: notNull(input.displayName),
          currency: notNull(input.currency),
          timeZone: notNull(input.timeZone),
          locale: notNull(input.locale),
          weeklyDigest: notNull(input.weeklyDigest),
          monthlyStatement: notNull(input.monthlyStatement),
          // Turned on now, it starts with next month's 1st rather than sending last
          // month's statement at once.
          ...(input.monthlyStatement && !context.viewer.user.monthlyStatement
            ? { monthlyStatementOn: thisMonth(context.viewer.user.timeZone, context.now()) }
            : {}),
          confirmAboveMinor: input.confirmAboveMinor,
          dailyDigestHour: input.dailyDigestHour,
          reminderHour: input.reminderHour,
          weekStartsOn: input.weekStartsOn,
        },
      });
    },
  }),
);

interface CreatedApiToken {
  token: string;
  apiToken: ApiToken;
}

const ApiTokenCreatedRef = builder.objectRef<CreatedApiToken>('ApiTokenCreated').implement({
  fields: (t) => ({
    token: t.exposeString('token', {
      description: 'The secret, shown this once: send it as "Authorization: Bearer <token>".',
    }),
    apiToken: t.field({ type: ApiTokenRef, resolve: (created) => created.apiToken }),
  }),
});

builder.mutationField('createApiToken', (t) =>
  t.withAuth({ browser: true }).field({
    type: ApiTokenCreatedRef,
    description: 'A personal token for scripts. Only a signed-in browser can make one.',
    args: {
      name: t.arg.string({ required: true, validate: z.string().trim().min(1).max(100) }),
      expiresAt: t.arg({ type: 'DateTime' }),
    },
    errors: { types: [ValidationError] },
    resolve: async (_root, args, context) => {
      const now = context.now();
      if (args.expiresAt && args.expiresAt.getTime() <= now.getTime()) {
        throw new ValidationError([{ path: ['expiresAt'], message: 'must be in the future' }]);
      }
      return createApiToken(
        context.prisma,
        context.viewer.user.id,
        { name: args.name, expiresAt: args.expiresAt },
        now,
      );
    },
  }),
);

builder.mutationField('revokeApiToken', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: 'ApiToken',
    args: { id: t.arg.globalID({ required: true, for: ApiTokenRef }) },
    errors: { types: [NotFoundError] },
    resolve: async (query, _root, { id }, context) => {
      const where = ownedWhere(context, id.id);
      const revoked = await revokeApiToken(context.prisma, where.userId, where.id, context.now());
      if (!revoked) throw new NotFoundError('API token', id.id);
      return context.prisma.apiToken.findUniqueOrThrow({ ...query, where });
    },
  }),
);
