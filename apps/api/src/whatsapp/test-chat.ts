// Test harness: the real api (webhook, inbox, bot, outbox, GraphQL) on a free port,
// the local Graph simulator standing in for Meta, and phones that chat over real HTTP.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SESSION_COOKIE_NAME } from '@spendline/auth';
import { loadConfig } from '@spendline/config';
import type { Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createInProcessExpenseEvents, type ExpenseEvents } from '@spendline/entries';
import { createGraphQLHandler } from '@spendline/graphql';
import { createLogger } from '@spendline/log';
import {
  signedWebhookRequest,
  startGraphSimulator,
  type GraphSimulator,
  type RecordedMessage,
  type SimulatedMediaMessage,
} from '@spendline/whatsapp/simulator';
import { createApiServer } from '../server.ts';
import { startWhatsAppChannel } from './channel.ts';

const appSecret = 'test-app-secret';
const phoneNumberId = '1234567890';

export interface Choice {
  id: string;
  title: string;
}

/** A bot message as a phone shows it: its text, and the buttons or list rows under it. */
export interface BotReply {
  text: string;
  buttons: Choice[];
  rows: Choice[];
  type: string;
}

function readReply(message: RecordedMessage): BotReply {
  const body = message.body as {
    type: string;
    text?: { body: string };
    interactive?: {
      body: { text: string };
      action: { buttons?: { reply: Choice }[]; sections?: { rows: Choice[] }[] };
    };
    template?: { components?: { parameters?: { text?: string }[] }[] };
  };
  const { interactive } = body;
  const templateText = body.template?.components
    ?.flatMap((c) => c.parameters ?? [])
    .map((p) => p.text ?? '');
  return {
    type: body.type,
    text: body.text?.body ?? interactive?.body.text ?? templateText?.join(' ') ?? '',
    buttons: interactive?.action.buttons?.map((b) => b.reply) ?? [],
    rows: interactive?.action.sections?.flatMap((s) => s.rows) ?? [],
  };
}

export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 20_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export class Phone {
  readonly number: string;
  private readonly app: ChatApp;
  private seen = 0;

  constructor(app: ChatApp, number: string) {
    this.app = app;
    this.number = number;
  }

  /** Everything the bot has sent this phone so far. */
  inbox(): BotReply[] {
    return this.app.simulator.messages.filter((m) => m.to === this.number).map(readReply);
  }

  /** Sends without waiting for the answer; resolves when the webhook said 200. */
  async send(options: {
    text?: string;
    buttonReply?: Choice;
    listReply?: Choice;
    media?: SimulatedMediaMessage;
    timestamp?: Date;
  }) {
    const request = signedWebhookRequest({
      appSecret,
      phoneNumberId,
      from: this.number,
      ...options,
    });
    const res = await fetch(this.app.webhookUrl, {
      method: 'POST',
      headers: request.headers,
      body: new Uint8Array(request.body),
    });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
  }

  /** Sends a message and returns the bot's one reply to it. */
  async say(text: string, timestamp?: Date): Promise<BotReply> {
    await this.send({ text, ...(timestamp ? { timestamp } : {}) });
    return this.next(`a reply to "${text}"`);
  }

  /** Sends a photo or voice note through the simulator's media store, as a phone uploads it. */
  async sendFile(
    type: 'image' | 'audio',
    bytes: Buffer,
    mimeType: string,
    caption?: string,
  ): Promise<BotReply> {
    const { id, sha256 } = this.app.simulator.media.add(bytes, mimeType);
    await this.send({ media: { type, id, mimeType, sha256, ...(caption ? { caption } : {}) } });
    return this.next(`a reply to the ${type}`);
  }

  /** Taps a button or list row of the last reply. */
  async tap(choice: Choice, kind: 'button' | 'list' = 'list', timestamp?: Date): Promise<BotReply> {
    await this.send({
      ...(kind === 'button' ? { buttonReply: choice } : { listReply: choice }),
      ...(timestamp ? { timestamp } : {}),
    });
    return this.next(`a reply to the choice "${choice.title}"`);
  }

  async next(what = 'a message'): Promise<BotReply> {
    await until(() => this.inbox().length > this.seen, what);
    return this.inbox()[this.seen++]!;
  }
}

let clients = 0;

/**
 * GraphQL as the dashboard calls it: a session cookie and the CSRF header. Each user
 * comes from an address of its own (through the trusted proxy header), as real users
 * do, so the per-address registration limit does not meet the test's many sign-ups.
 */
export class WebUser {
  private cookie = '';
  private readonly url: string;
  private readonly address = `203.0.113.${(clients = (clients % 250) + 1)}`;

  constructor(url: string) {
    this.url = url;
  }

  async gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-graphql-yoga-csrf': '1',
        'x-forwarded-for': this.address,
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    for (const header of res.headers.getSetCookie()) {
      if (header.startsWith(`${SESSION_COOKIE_NAME}=`)) this.cookie = header.split(';')[0]!;
    }
    const result = (await res.json()) as { data?: T; errors?: unknown[] };
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  }
}

export interface ChatApp {
  db: Database;
  /** What the bot announces for live dashboards. */
  events: ExpenseEvents;
  simulator: GraphSimulator;
  webhookUrl: string;
  graphqlUrl: string;
  phone(number: string): Phone;
  close(): Promise<void>;
}

export async function startChatApp(): Promise<ChatApp> {
  const db = await createTestDatabase();
  const simulator = await startGraphSimulator({ accessToken: 'test-token' });
  const logger = createLogger({ level: 'silent' });
  const config = loadConfig({
    env: {
      WEBHOOK_SECRET: appSecret,
      WHATSAPP_VERIFY_TOKEN: 'verify-me',
      WHATSAPP_ACCESS_TOKEN: 'test-token',
      WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
      WHATSAPP_API_URL: simulator.apiUrl,
    },
    envFile: undefined,
  });
  const events = createInProcessExpenseEvents();
  const channel = await startWhatsAppChannel({
    db: db.sql,
    config,
    logger,
    events,
    dispatchIntervalMs: 20,
  });
  const server = createApiServer({
    db,
    logger,
    graphql: createGraphQLHandler({
      prisma: db.prisma,
      sql: db.sql,
      logger,
      config,
      events,
      trustedProxies: config.TRUSTED_PROXIES,
    }),
    whatsapp: { channel, appSecret, verifyToken: 'verify-me' },
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app: ChatApp = {
    db,
    events,
    simulator,
    webhookUrl: `${origin}/whatsapp/webhook/`,
    graphqlUrl: `${origin}/graphql`,
    phone: (number) => new Phone(app, number),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await channel.stop();
      await simulator.close();
      await db.close();
    },
  };
  return app;
}
