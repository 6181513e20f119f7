import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isAllowedHost, type Config } from '@spendline/config';
import type { Database } from '@spendline/db';
import { GRAPHIQL_ASSETS_PATH } from '@spendline/graphql';
import { requestId, type Logger } from '@spendline/log';
import { checkHealth } from './health.ts';
import { sendJson } from './http.ts';
import { STATEMENTS_PATH } from './statements.ts';
import { ATTACHMENTS_PATH } from './attachments.ts';
import { metricsEndpoint } from './metrics/endpoint.ts';
import type { ApiMetrics } from './metrics/metrics.ts';
import { receiveNotification, verifySubscription } from './whatsapp/webhook.ts';
import { webhookOutcomeRecorder } from './whatsapp/webhook-outcomes.ts';
import type { WhatsAppChannel } from './whatsapp/channel.ts';
import { routingCheck } from './whatsapp/routing-check.ts';
import { listSandboxMessages } from './whatsapp/sandbox.ts';

export interface ApiDependencies {
  db: Database;
  logger: Logger;
  /** Host names requests may name (Host, X-Forwarded-Host); others get 400. Unset: any. */
  allowedHosts?: readonly string[];
  graphql?: (req: IncomingMessage, res: ServerResponse) => unknown;
  /** Served at /metrics, to loopback clients or with `Authorization: Bearer <metricsToken>`. */
  metrics?: ApiMetrics;
  /** METRICS_TOKEN. */
  metricsToken?: string | undefined;
  /** GET /statements/<month>.pdf (statementDownload). */
  statements?: Handler;
  /** GET /attachments/<id> (attachmentDownload). */
  attachments?: Handler;
  whatsapp?: {
    channel: Pick<WhatsAppChannel, 'processor'>;
    appSecret: string;
    verifyToken: string | undefined;
    /** Lists sandbox replies at /whatsapp/sandbox/messages (never in production). */
    sandboxPhoneNumberId?: string | undefined;
  };
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
type Routes = Record<string, Partial<Record<string, Handler>>>;

function routes({ db, logger, whatsapp, graphql, metrics }: ApiDependencies): Routes {
  const table: Routes = {
    '/healthz': {
      GET: async (_req, res) => {
        const health = await checkHealth(db);
        sendJson(res, health.status === 'ok' ? 200 : 503, health);
      },
    },
    // Answers whether or not the webhook is configured: it checks the way there.
    '/whatsapp/test/': { GET: routingCheck, POST: routingCheck },
    '/whatsapp/test': { GET: routingCheck, POST: routingCheck },
  };
  if (graphql) {
    const serve: Handler = async (req, res) => {
      await graphql(req, res);
    };
    table['/graphql'] = { GET: serve, POST: serve, OPTIONS: serve };
  }
  if (whatsapp) {
    const webhookLogger = logger.child({ component: 'webhook' });
    // For the operator page: when Meta last got through, and refused signatures.
    const outcomes = webhookOutcomeRecorder(db.sql, webhookLogger);
    const webhook = {
      GET: verifySubscription(whatsapp),
      POST: receiveNotification({
        db: db.sql,
        logger: webhookLogger,
        processor: whatsapp.channel.processor,
        appSecret: whatsapp.appSecret,
        verifyToken: whatsapp.verifyToken,
        onOutcome: (outcome) => {
          metrics?.webhook(outcome);
          outcomes.record(outcome);
        },
      }),
    };
    // The old system's path had the trailing slash; Meta apps are configured either way.
    table['/whatsapp/webhook/'] = webhook;
    table['/whatsapp/webhook'] = webhook;
    if (whatsapp.sandboxPhoneNumberId !== undefined) {
      table['/whatsapp/sandbox/messages'] = {
        GET: listSandboxMessages(db.prisma, whatsapp.sandboxPhoneNumberId),
      };
    }
  }
  return table;
}

/**
 * The hosts the api answers to: ALLOWED_HOSTS, PUBLIC_URL's, and the one the web app's
 * proxy calls it by (API_URL's, e.g. `api` under docker compose).
 */
export function apiAllowedHosts(
  config: Pick<Config, 'ALLOWED_HOSTS' | 'PUBLIC_URL' | 'API_URL'>,
): string[] {
  return [
    ...config.ALLOWED_HOSTS,
    new URL(config.PUBLIC_URL).hostname,
    new URL(config.API_URL).hostname,
  ];
}

/** Whether the Host, and the X-Forwarded-Host the web app's proxy adds, are allowed. */
function namesAllowedHost(req: IncomingMessage, allowed: readonly string[]): boolean {
  const forwarded = req.headers['x-forwarded-host'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return (
    isAllowedHost(req.headers.host, allowed) &&
    (forwarded === undefined || isAllowedHost(first, allowed))
  );
}

/** The api's HTTP server: request ids, one log line per request, JSON errors. */
export function createApiServer(deps: ApiDependencies): Server {
  const table = routes(deps);
  const metrics = deps.metrics && metricsEndpoint(deps.metrics, deps.metricsToken);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const id = requestId(req.headers['x-request-id']);
    const log = deps.logger.child({ requestId: id });
    const started = performance.now();
    res.setHeader('x-request-id', id);
    const path = new URL(req.url ?? '/', 'http://api.invalid').pathname;
    res.on('finish', () => {
      log.info(
        {
          method: req.method,
          path,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    });
    // Health probes (load balancers, orchestrators) call by address, not by name, and so do
    // scrapers; only one holding the token skips the check, which keeps a rebound DNS name
    // from reading loopback's metrics in a browser.
    const byAddress =
      path === '/healthz' || (path === '/metrics' && req.headers.authorization !== undefined);
    if (deps.allowedHosts && !byAddress && !namesAllowedHost(req, deps.allowedHosts)) {
      sendJson(res, 400, { error: 'bad_host' });
      return;
    }
    // GraphiQL's scripts and styles, served by the GraphQL handler.
    const methods =
      table[path] ??
      (path.startsWith(GRAPHIQL_ASSETS_PATH) ? table['/graphql'] : undefined) ??
      (deps.statements && path.startsWith(STATEMENTS_PATH)
        ? { GET: deps.statements }
        : undefined) ??
      (deps.attachments && path.startsWith(ATTACHMENTS_PATH)
        ? { GET: deps.attachments }
        : undefined);
    const handler = methods?.[req.method ?? 'GET'];
    try {
      if (metrics && path === '/metrics') await metrics(req, res);
      else if (handler) await handler(req, res);
      else if (methods) {
        res.setHeader('allow', Object.keys(methods).join(', '));
        sendJson(res, 405, { error: 'method_not_allowed' });
      } else sendJson(res, 404, { error: 'not_found' });
    } catch (error) {
      log.error({ err: error }, 'unhandled error');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal_error', requestId: id });
      else res.destroy();
    }
  };
  return createServer((req, res) => void handle(req, res));
}
