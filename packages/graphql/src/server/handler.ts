import type { IncomingMessage, ServerResponse } from 'node:http';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { proxyTrust, type Config } from '@spendline/config';
import type { PrismaClient, SqlDatabase } from '@spendline/db';
import { requestId, type Logger } from '@spendline/log';
import { createYoga, maskError as yogaMaskError, type YogaServerInstance } from 'graphql-yoga';
import { authenticate } from './authenticate.ts';
import type { GraphQLContext, SandboxChatSettings } from '../schema/context.ts';
import { useCookieCsrfProtection } from './csrf.ts';
import { renderGraphiQL, useGraphiQLAssets } from './graphiql.ts';
import { isIntendedError } from './graphql-errors.ts';
import { useRequestIdErrors } from './mask-errors.ts';
import { createOtpMessageQueue, type QueueOtpMessage } from '../schema/whatsapp/otp-message.ts';
import { createInProcessExpenseEvents, type ExpenseEvents } from '@spendline/entries';
import { useQueryCost } from './query-cost.ts';
import type { TemplateStatusSource } from '../schema/operator/template-status.ts';
import { schema } from '../schema/schema.ts';
import type { ReadReceipt } from '../schema/attachments/receipt-scan.ts';
import { useBodyLimits } from './body-limits.ts';

export const GRAPHQL_PATH = '/graphql';

/**
 * GraphQL Armor's recommended depth, alias, directive and token limits, and our own cost
 * model (query-cost.ts): generous for the dashboard, tight for abuse.
 */
export const QUERY_LIMITS = {
  maxDepth: 6,
  maxAliases: 15,
  // A query may read about 5,000 objects: 12 pages of 100 expenses with their amounts and
  // categories, but not every category's 200 latest expenses.
  maxCost: 5000,
  maxDirectives: 50,
  maxTokens: 1000,
  // Room for importExpenses' 2,000 rows; the token and cost limits bound the work a
  // query can ask for, whatever its variables weigh.
  maxBodyBytes: 1_000_000,
  // A multipart upload: a voice note at Meta's 16 MB audio limit, and the form around it.
  maxUploadBodyBytes: 16 * 1024 * 1024 + 64 * 1024,
} as const;

export interface GraphQLHandlerOptions {
  prisma: PrismaClient;
  /** The same database's statements: the reads that Prisma's models would make slow. */
  sql: SqlDatabase;
  logger: Logger;
  config: Pick<Config, 'NODE_ENV' | 'PUBLIC_URL' | 'CSRF_TRUSTED_ORIGINS' | 'SECRET_KEY'>;
  /** The clock; tests pin it. */
  now?: () => Date;
  /**
   * Addresses and CIDR ranges of the proxies (the web app) whose X-Forwarded-For,
   * X-Forwarded-Host and X-Forwarded-Proto are believed (TRUSTED_PROXIES). Anyone else's
   * are ignored, or a client could dodge the per-IP rate limits. None by default.
   */
  trustedProxies?: readonly string[];
  /** Live updates; in-process by default (one replica). */
  events?: ExpenseEvents;
  /**
   * Queues the WhatsApp message carrying an OTP. By default an outbox row: text inside
   * the 24-hour window, the `otpTemplateName` authentication template outside it.
   */
  queueOtpMessage?: QueueOtpMessage;
  /** The approved copy-code authentication template; `spendline_otp` by default. */
  otpTemplateName?: string | undefined;
  /**
   * Turns on sandboxChat / sandboxSend: pass it only in sandbox mode (no access token).
   * Ignored when NODE_ENV is production.
   */
  sandboxChat?: SandboxChatSettings | undefined;
  /**
   * The message templates' approval at Meta for the operator page (createTemplateStatus).
   * Without it the page says the api runs in sandbox mode.
   */
  templateStatus?: TemplateStatusSource | undefined;
  /** Reads receipt photos for scanReceipt (the api's OCR threads); without it, refused. */
  readReceipt?: ReadReceipt | undefined;
}

export interface NodeServerContext {
  req: IncomingMessage;
  res: ServerResponse;
}

export type GraphQLHandler = YogaServerInstance<NodeServerContext, GraphQLContext>;

function firstValue(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
}

/**
 * The GraphQL endpoint (and GraphiQL for browsers) at /graphql: a Node request
 * listener for node:http, or a fetch handler (`handler.fetch`).
 */
export function createGraphQLHandler(options: GraphQLHandlerOptions): GraphQLHandler {
  const { prisma, sql, logger, config } = options;
  const now = options.now ?? (() => new Date());
  const secureCookies = config.NODE_ENV === 'production';
  const events = options.events ?? createInProcessExpenseEvents();
  const trustedOrigins = [config.PUBLIC_URL, ...config.CSRF_TRUSTED_ORIGINS].map(
    (origin) => new URL(origin).origin,
  );
  const sandboxChat = config.NODE_ENV === 'production' ? null : (options.sandboxChat ?? null);
  if (options.sandboxChat && !sandboxChat) {
    logger.warn('sandbox chat requested in production: left off');
  }
  const queueOtpMessage =
    options.queueOtpMessage ?? createOtpMessageQueue({ templateName: options.otpTemplateName });
  const templateStatus =
    options.templateStatus ?? (() => Promise.resolve({ kind: 'sandbox' } as const));
  const proxies = proxyTrust(options.trustedProxies ?? []);
  /** The host the browser spoke to: the web app's, when its proxy tells us. */
  const publicHost = (url: URL, req: IncomingMessage | undefined): string => {
    const forwarded = req && proxies.trusts(req.socket.remoteAddress);
    return (forwarded && firstValue(req.headers['x-forwarded-host'])) || url.host;
  };
  const cookiesFor = new WeakMap<Request, string[]>();
  const idFor = new WeakMap<Request, string>();

  return createYoga<NodeServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    graphiql: { title: 'Spendline GraphQL', defaultQuery: '{\n  me {\n    email\n  }\n}\n' },
    renderGraphiQL,
    // The two limits below replace yoga's single one.
    maxRequestBodySize: false,
    batching: false,
    // The dashboard (PUBLIC_URL) and trusted origins may call with cookies; no one else.
    cors: {
      origin: trustedOrigins,
      credentials: true,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', 'x-graphql-yoga-csrf', 'x-request-id'],
      exposedHeaders: ['x-request-id'],
    },
    logging: {
      debug: () => {},
      info: () => {},
      warn: (...args: unknown[]) => logger.warn({ detail: args }, 'graphql'),
      error: (...args: unknown[]) => logger.error({ detail: args }, 'graphql'),
    },
    // Errors outside a resolver (e.g. the database down while authenticating).
    maskedErrors: {
      isDev: false,
      maskError: (error, message) => {
        if (isIntendedError(error)) return error as Error;
        logger.error({ err: error }, 'unexpected error in the graphql handler');
        return yogaMaskError(error, message, false);
      },
    },
    plugins: [
      useBodyLimits({
        json: QUERY_LIMITS.maxBodyBytes,
        multipart: QUERY_LIMITS.maxUploadBodyBytes,
        mayUpload: async (request) =>
          (await authenticate(prisma, request.headers, now(), secureCookies)).viewer !== null,
      }),
      maxTokensPlugin({ n: QUERY_LIMITS.maxTokens }),
      maxDepthPlugin({ n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true }),
      maxAliasesPlugin({ n: QUERY_LIMITS.maxAliases }),
      maxDirectivesPlugin({ n: QUERY_LIMITS.maxDirectives }),
      useQueryCost({
        maxCost: QUERY_LIMITS.maxCost,
        anonymousIntrospection: config.NODE_ENV !== 'production',
      }),
      useCookieCsrfProtection(trustedOrigins, (url, serverContext) =>
        publicHost(url, serverContext.req),
      ),
      useGraphiQLAssets(),
      useRequestIdErrors(),
      {
        onResponse({ request, response }) {
          const id = idFor.get(request);
          if (id && !response.headers.has('x-request-id')) response.headers.set('x-request-id', id);
          // Answers are one viewer's data: no cache may keep them.
          if (!response.headers.has('cache-control'))
            response.headers.set('cache-control', 'no-store');
          for (const cookie of cookiesFor.get(request) ?? []) {
            response.headers.append('set-cookie', cookie);
          }
        },
      },
    ],
    context: async ({ request, req, res }) => {
      // The api server may have named the request already; its logs and ours then agree.
      const assigned = res?.getHeader('x-request-id');
      const id = requestId(
        typeof assigned === 'string'
          ? assigned
          : (request.headers.get('x-request-id') ?? undefined),
      );
      idFor.set(request, id);
      const cookies: string[] = [];
      cookiesFor.set(request, cookies);
      const auth = await authenticate(prisma, request.headers, now(), secureCookies);
      cookies.push(...auth.cookies);
      return {
        prisma,
        sql,
        viewer: auth.viewer,
        requestId: id,
        logger: logger.child({ requestId: id }),
        now,
        ipAddress: proxies.clientAddress(
          req?.socket.remoteAddress,
          req?.headers['x-forwarded-for'],
        ),
        userAgent: request.headers.get('user-agent') ?? undefined,
        secureCookies,
        setCookie: (value) => cookies.push(value),
        secretKey: config.SECRET_KEY,
        events,
        queueOtpMessage,
        sandboxChat,
        templateStatus,
        readReceipt: options.readReceipt ?? null,
      };
    },
  });
}
