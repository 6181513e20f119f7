import { pgConfigFromUrl, sql } from '@spendline/db';
import pg from 'pg';
import {
  createInProcessExpenseEvents,
  EXPENSE_EVENT_KINDS,
  type ExpenseAddedEvent,
  type ExpenseEvents,
} from './events.ts';

export const EXPENSE_EVENTS_CHANNEL = 'spendline_expense_events';

export interface ExpenseEventsHandle {
  events: ExpenseEvents;
  /** Stops listening and closes the connection (a no-op in-process). */
  close(): Promise<void>;
}

export interface PostgresExpenseEventsOptions {
  /** NOTIFY channel; every replica of one deployment must use the same one. */
  channel?: string;
  /** Connection and payload problems; publishing never throws into the resolver. */
  onError?: (error: unknown) => void;
  /** Wait before reconnecting a dropped listener. */
  reconnectDelayMs?: number;
}

/** Only what the subscription needs crosses the wire: ids and kind, never the expense. */
function parsePayload(payload: string | undefined): ExpenseAddedEvent | null {
  if (!payload) return null;
  const value = JSON.parse(payload) as { u?: unknown; e?: unknown; k?: unknown };
  if (typeof value.u !== 'string' || typeof value.e !== 'string') return null;
  const kind = EXPENSE_EVENT_KINDS.find((k) => k === value.k);
  // A kind this replica does not know (a newer replica's) is not guessed at.
  if (value.k !== undefined && !kind) return null;
  return { userId: value.u, expenseId: value.e, kind: kind ?? 'added' };
}

/**
 * Expense events shared by every replica on one PostgreSQL database: publish is a NOTIFY,
 * and each replica's dedicated connection LISTENs and hands what arrives to its own
 * subscribers. Publishers' own notifications come back to them too, so local and remote
 * subscribers are served by the same path (and see events in the same order).
 */
export async function createPostgresExpenseEvents(
  databaseUrl: string,
  options: PostgresExpenseEventsOptions = {},
): Promise<ExpenseEventsHandle> {
  const channel = options.channel ?? EXPENSE_EVENTS_CHANNEL;
  // Interpolated into LISTEN, which takes no parameters: only plain identifiers.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`bad channel name: ${channel}`);
  const onError = options.onError ?? ((error) => console.error('expense events:', error));
  const reconnectDelayMs = options.reconnectDelayMs ?? 1000;
  // `?schema=` selects tables, not channels (those are database-wide): drop it for pg.
  const { connectionString } = pgConfigFromUrl(databaseUrl);
  const local = createInProcessExpenseEvents();
  let client: pg.Client | null = null;
  let closed = false;
  let reconnectTimer: NodeJS.Timeout | undefined;

  async function connect(): Promise<pg.Client> {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel !== channel) return;
      try {
        const event = parsePayload(message.payload);
        if (event) local.publish(event);
      } catch (error) {
        onError(error);
      }
    });
    next.on('error', (error) => {
      onError(error);
      // Notifications sent while we are away are lost; dashboards refetch on reconnect.
      if (client === next) client = null;
      void next.end().catch(() => {});
      scheduleReconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    return next;
  }

  function scheduleReconnect() {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      connect().then(
        (next) => {
          if (closed) void next.end();
          else client = next;
        },
        (error: unknown) => {
          onError(error);
          scheduleReconnect();
        },
      );
    }, reconnectDelayMs);
  }

  client = await connect();

  const payloadOf = (event: ExpenseAddedEvent) =>
    JSON.stringify({ u: event.userId, e: event.expenseId, k: event.kind });

  return {
    events: {
      publish(event) {
        const payload = payloadOf(event);
        if (!client) {
          onError(new Error('expense event dropped: not connected to PostgreSQL'));
          return;
        }
        client.query('SELECT pg_notify($1, $2)', [channel, payload]).catch(onError);
      },
      async publishInTransaction(tx, events) {
        const payloads = [events].flat().map(payloadOf);
        if (payloads.length === 0) return;
        await tx.execute(sql`
          SELECT pg_notify(${channel}, p) FROM unnest(${payloads}::text[]) WITH ORDINALITY AS n(p, i)
          ORDER BY i`);
      },
      subscribe: (userId) => local.subscribe(userId),
    },
    async close() {
      closed = true;
      clearTimeout(reconnectTimer);
      const current = client;
      client = null;
      await current?.end();
    },
  };
}

/**
 * Events for the database in use: across replicas through LISTEN/NOTIFY when there is a
 * PostgreSQL URL, in-process for the embedded PGlite (one process by construction).
 */
export async function createExpenseEvents(
  databaseUrl: string | undefined,
  options: PostgresExpenseEventsOptions = {},
): Promise<ExpenseEventsHandle> {
  if (databaseUrl) return createPostgresExpenseEvents(databaseUrl, options);
  return { events: createInProcessExpenseEvents(), close: async () => {} };
}
