import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from '@spendline/config';
import { openDatabase } from '@spendline/db';
import { scheduledJobs, startScheduler } from '@spendline/jobs';
import { createLogger } from '@spendline/log';
import { createExpenseEvents, createGraphQLHandler } from '@spendline/graphql';
import { createApiServer } from './server.ts';
import { startWhatsAppChannel } from './whatsapp/channel.ts';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const logger = createLogger({ level: config.LOG_LEVEL, name: 'api' });

const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
// Replicas migrating at once are serialised by the schema engine's advisory lock.
const applied = await db.migrate();
logger.info({ engine: db.engine, applied }, 'database ready');

// Live updates: LISTEN/NOTIFY on PostgreSQL so every replica hears them; in-process on PGlite.
const expenseEvents = await createExpenseEvents(config.DATABASE_URL);
const channel = await startWhatsAppChannel({
  prisma: db.prisma,
  config,
  logger,
  events: expenseEvents.events,
});
logger.info({ sandbox: channel.sandbox }, 'whatsapp channel ready');
// Every replica runs one; the jobs' row locks make each piece of work happen once.
const scheduler = startScheduler({
  jobs: scheduledJobs(db.prisma, logger.child({ component: 'jobs' })),
  logger: logger.child({ component: 'scheduler' }),
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
  graphql: createGraphQLHandler({
    prisma: db.prisma,
    logger,
    config,
    trustProxy: true,
    events: expenseEvents.events,
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
server.listen(config.API_PORT, config.API_HOST);
await once(server, 'listening');
logger.info({ url: `http://localhost:${config.API_PORT}` }, 'api listening');

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  server.closeIdleConnections();
  await new Promise((resolve) => server.close(resolve));
  await scheduler.stop();
  await channel.stop();
  await expenseEvents.close();
  // PGlite must be closed cleanly or its directory needs recovery at the next start.
  await db.close();
  process.exit(0);
}
process.on('SIGTERM', (signal) => void stop(signal));
process.on('SIGINT', (signal) => void stop(signal));
