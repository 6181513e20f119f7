import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Database } from '@spendline/db';
import { requestId, type Logger } from '@spendline/log';
import { checkHealth } from './health.ts';
import { sendJson } from './http.ts';
import { receiveNotification, verifySubscription } from './whatsapp/webhook.ts';
import type { WhatsAppChannel } from './whatsapp/channel.ts';
import { listSandboxMessages } from './whatsapp/sandbox.ts';

export interface ApiDependencies {
  db: Database;
  logger: Logger;
  graphql?: (req: IncomingMessage, res: ServerResponse) => unknown;
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

function routes({ db, logger, whatsapp, graphql }: ApiDependencies): Routes {
  const table: Routes = {
    '/healthz': {
      GET: async (_req, res) => {
        const health = await checkHealth(db);
        sendJson(res, health.status === 'ok' ? 200 : 503, health);
      },
    },
  };
  if (graphql) {
    const serve: Handler = async (req, res) => {
      await graphql(req, res);
    };
    table['/graphql'] = { GET: serve, POST: serve, OPTIONS: serve };
  }
  if (whatsapp) {
    const webhook = {
      GET: verifySubscription(whatsapp),
      POST: receiveNotification({
        prisma: db.prisma,
        logger: logger.child({ component: 'webhook' }),
        processor: whatsapp.channel.processor,
        appSecret: whatsapp.appSecret,
        verifyToken: whatsapp.verifyToken,
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

/** The api's HTTP server: request ids, one log line per request, JSON errors. */
export function createApiServer(deps: ApiDependencies): Server {
  const table = routes(deps);
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
    const methods = table[path];
    const handler = methods?.[req.method ?? 'GET'];
    try {
      if (handler) await handler(req, res);
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
