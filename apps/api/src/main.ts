import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, type Config } from '@spendline/config';
import { openDatabase } from '@spendline/db';
import { jobRunRecorder, scheduledJobs, startScheduler, type Scheduler } from '@spendline/jobs';
import { createLogger, stdoutDestination } from '@spendline/log';
import {
  createRenderPool,
  createStatementSender,
  type RenderPool,
  type StatementSender,
} from '@spendline/reports';
import { createMediaUploader } from '@spendline/whatsapp';
import { createExpenseEvents } from '@spendline/entries';
import { createGraphQLHandler, createTemplateStatus } from '@spendline/graphql';
import { trackConnections, type Connections } from './connections.ts';
import { createApiMetrics } from './metrics/metrics.ts';
import { apiAllowedHosts, createApiServer } from './server.ts';
import { createShutdown } from './shutdown.ts';
import { statementDownload } from './statements.ts';
import { attachmentDownload } from './attachments.ts';
import { createMediaReaders } from './media/readers.ts';
import { receiptScanner } from './media/receipt-scan.ts';
import { startWhatsAppChannel, type WhatsAppChannel } from './whatsapp/channel.ts';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
const config = configOrExit();
// Lines queue rather than block when stdout's reader is slow or gone, so a stop can finish.
const logs = stdoutDestination();
const logger = createLogger({ level: config.LOG_LEVEL, name: 'api', destination: logs });

const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });

// From here every stop must close the database (PGlite killed mid-write needs recovery),
// so signals are handled before anything else starts; start-up goes no further once a
// stop has begun, and the stop winds down whatever had started by then.
const running: {
  connections?: Connections;
  scheduler?: Scheduler;
  channel?: WhatsAppChannel;
  events?: { close(): Promise<void> };
  renderPool?: RenderPool;
  statements?: StatementSender;
} = {};
let stopping = false;
const stop = createShutdown({
  deadlineMs: config.SHUTDOWN_TIMEOUT * 1000,
  logger,
  async drain() {
    await Promise.all([
      running.connections?.drain(),
      running.scheduler?.stop(),
      running.statements?.stop(),
      running.channel?.stop({ sendGraceMs: Math.min(2000, (config.SHUTDOWN_TIMEOUT * 1000) / 4) }),
    ]);
    // The live-update connection (LISTEN on PostgreSQL) outlives the work that publishes.
    await Promise.all([running.events?.close(), running.renderPool?.close()]);
  },
  async cut() {
    running.connections?.closeAll();
    await running.channel?.abortSends();
  },
  closeDatabase: () => db.close(),
  flushLogs: (timeoutMs) => logs.flush(timeoutMs),
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    stopping = true;
    stop(signal);
  });
}

// Replicas migrating at once are serialised by the schema engine's advisory lock.
const applied = await db.migrate();
logger.info({ engine: db.engine, applied }, 'database ready');
if (!stopping) await startServices();

async function startServices(): Promise<void> {
  // Live updates: LISTEN/NOTIFY on PostgreSQL so every replica hears them; in-process on PGlite.
  const expenseEvents = (running.events = await createExpenseEvents(config.DATABASE_URL));
  if (stopping) return;
  const metrics = createApiMetrics({ db: db.sql, logger: logger.child({ component: 'metrics' }) });
  // One set of OCR threads for the chat's photos and the dashboard's "Add from receipt";
  // the channel closes it when it stops.
  const mediaReaders = createMediaReaders(config);
  const channel = (running.channel = await startWhatsAppChannel({
    db: db.sql,
    config,
    logger,
    events: expenseEvents.events,
    metrics,
    mediaReaders,
  }));
  logger.info({ sandbox: channel.sandbox }, 'whatsapp channel ready');
  if (stopping) return;
  // Statements are drawn on worker threads, never on this event loop.
  const renderPool = (running.renderPool = createRenderPool());
  // Statements asked for in the chat: drawn, uploaded and queued after the conversation's
  // transaction. The sandbox sends a link to the dashboard's download instead of a file.
  running.statements = createStatementSender({
    db: db.sql,
    pool: renderPool,
    ...(channel.sandbox
      ? {}
      : {
          upload: createMediaUploader({
            apiUrl: config.WHATSAPP_API_URL,
            phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID ?? '',
            accessToken: config.WHATSAPP_ACCESS_TOKEN ?? '',
          }),
        }),
    downloadUrl: (month) => new URL(`/dashboard/statement/${month}.pdf`, config.PUBLIC_URL).href,
    logger: logger.child({ component: 'statements' }),
    onQueued: () => channel.dispatcher.kick(),
  });
  running.statements.start();
  // Every replica runs one; the jobs' row locks make each piece of work happen once.
  const recordRun = jobRunRecorder(db.prisma);
  running.scheduler = startScheduler({
    jobs: scheduledJobs(db.sql, logger.child({ component: 'jobs' }), expenseEvents.events),
    logger: logger.child({ component: 'scheduler' }),
    record: (run) => {
      metrics.schedulerRun(run);
      return recordRun(run);
    },
  });
  // Sandbox mode outside production: the dashboard's chat simulator reads the bot's replies
  // and posts signed webhooks to this very server, as Meta would.
  const sandboxPhoneNumberId =
    channel.sandbox && config.NODE_ENV !== 'production'
      ? (config.WHATSAPP_PHONE_NUMBER_ID ?? 'sandbox')
      : undefined;
  function ownWebhookUrl(): string {
    const address = server.address() as AddressInfo;
    const host = ['0.0.0.0', '::'].includes(address.address)
      ? '127.0.0.1'
      : address.family === 'IPv6'
        ? `[${address.address}]`
        : address.address;
    return `http://${host}:${address.port}/whatsapp/webhook`;
  }
  const server = createApiServer({
    db,
    logger,
    statements: statementDownload({
      db,
      pool: renderPool,
      logger: logger.child({ component: 'statements' }),
      secureCookies: config.NODE_ENV === 'production',
    }),
    attachments: attachmentDownload({ db, secureCookies: config.NODE_ENV === 'production' }),
    allowedHosts: apiAllowedHosts(config),
    metrics,
    metricsToken: config.METRICS_TOKEN,
    graphql: createGraphQLHandler({
      prisma: db.prisma,
      sql: db.sql,
      logger,
      config,
      trustedProxies: config.TRUSTED_PROXIES,
      events: expenseEvents.events,
      // Asks Meta (WHATSAPP_API_URL) at most every 5 minutes; sandbox without a token.
      templateStatus: createTemplateStatus({ config, prisma: db.prisma }),
      readReceipt: receiptScanner(mediaReaders),
      sandboxChat:
        sandboxPhoneNumberId === undefined
          ? undefined
          : {
              webhookUrl: ownWebhookUrl,
              appSecret: config.WEBHOOK_SECRET,
              phoneNumberId: sandboxPhoneNumberId,
            },
    }),
    whatsapp: {
      channel,
      appSecret: config.WEBHOOK_SECRET,
      verifyToken: config.WHATSAPP_VERIFY_TOKEN,
      sandboxPhoneNumberId,
    },
  });
  running.connections = trackConnections(server);
  server.listen(config.API_PORT, config.API_HOST);
  await once(server, 'listening');
  logger.info({ url: `http://localhost:${config.API_PORT}` }, 'api listening');
}
