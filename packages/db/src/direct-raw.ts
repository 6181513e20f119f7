import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { Prisma, type PrismaClient } from './generated/prisma/client.ts';

type StatementName = (query: { sql: string }) => string | undefined;
type RawQuery = TemplateStringsArray | Prisma.Sql;

/** Where $transaction learns which pooled connection its BEGIN went to. */
interface Opening {
  client?: pg.PoolClient;
  released: boolean;
}
const opening = new AsyncLocalStorage<Opening>();

/**
 * The pool Prisma's adapter draws from, telling a transaction being opened (see
 * withDirectRaw) which connection it was given and when that connection goes back.
 */
export class TrackingPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(
    callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: () => void) => void,
  ): void;
  override connect(
    callback?: (
      err: Error | undefined,
      client: pg.PoolClient | undefined,
      done: () => void,
    ) => void,
  ): Promise<pg.PoolClient> | void {
    if (callback) {
      super.connect(callback);
      return;
    }
    const state = opening.getStore();
    // Only the transaction's own BEGIN connection: its first checkout.
    if (!state || state.client) return super.connect();
    return super.connect().then((client) => {
      state.client = client;
      // pg-pool gives every checkout a release of its own: this one ends with it.
      const release = client.release.bind(client);
      client.release = (err?: Error | boolean) => {
        state.released = true;
        release(err);
      };
      return client;
    });
  }
}

const INT8 = 20;
const INT8_ARRAY = 1016;
const NUMERIC = 1700;
const NUMERIC_ARRAY = 1231;
const DATE = 1082;
const DATE_ARRAY = 1182;
const TIMESTAMP = 1114;
const TIMESTAMP_ARRAY = 1115;

const utcDate = (text: string) => new Date(`${text}T00:00:00Z`);
const utcTimestamp = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);

/** An array literal's elements as text (nulls kept), each then through parse. */
const TEXT_ARRAY = 1009;
// Array types are missing from pg's TypeId list, though its parsers handle them.
const parserOf = pg.types.getTypeParser as (oid: number, format: 'text') => unknown;
const elements = parserOf(TEXT_ARRAY, 'text') as (text: string) => (string | null)[];
function arrayOf<T>(parse: (text: string) => T): (text: string) => (T | null)[] {
  return (text) => elements(text).map((item) => (item === null ? null : parse(item)));
}

/**
 * Results typed as Prisma's $queryRaw types them: int8 as bigint, numeric as Decimal,
 * date and timestamp (without zone) as UTC instants. The rest (int4, text, bool, uuid,
 * timestamptz, json) node-postgres already parses the same way.
 */
const parsers = new Map<number, (text: string) => unknown>([
  [INT8, (text) => BigInt(text)],
  [INT8_ARRAY, arrayOf((text) => BigInt(text))],
  [NUMERIC, (text) => new Prisma.Decimal(text)],
  [NUMERIC_ARRAY, arrayOf((text) => new Prisma.Decimal(text))],
  [DATE, utcDate],
  [DATE_ARRAY, arrayOf(utcDate)],
  [TIMESTAMP, utcTimestamp],
  [TIMESTAMP_ARRAY, arrayOf(utcTimestamp)],
]);
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    (format !== 'binary' && parsers.get(oid)) ||
    pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** Parameters as Prisma sends them: instants in UTC, decimals as text. */
function parameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Prisma.Decimal.isDecimal(value)) return value.toString();
  if (Array.isArray(value)) return value.map(parameter);
  return value;
}

interface Queryable {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
}

type RawMethods = Pick<PrismaClient, '$queryRaw' | '$executeRaw'>;

function rawMethods(target: () => Queryable, statementName: StatementName): RawMethods {
  async function run(query: RawQuery, values: unknown[]): Promise<pg.QueryResult> {
    const sql = 'raw' in query ? Prisma.sql(query, ...values) : query;
    const name = statementName({ sql: sql.text });
    return target().query({
      ...(name === undefined ? {} : { name }),
      text: sql.text,
      values: sql.values.map(parameter),
      types,
    });
  }
  // Typed as Prisma's: callers await these like its PrismaPromises.
  return {
    $queryRaw: ((query: RawQuery, ...values: unknown[]) =>
      run(query, values).then((result) => result.rows as unknown[])) as RawMethods['$queryRaw'],
    $executeRaw: ((query: RawQuery, ...values: unknown[]) =>
      run(query, values).then((result) => result.rowCount ?? 0)) as RawMethods['$executeRaw'],
  };
}

/** target, with the properties in overrides answered from there instead. */
function overriding<T extends object>(target: T, overrides: Partial<Record<keyof T, unknown>>): T {
  return new Proxy(target, {
    get: (object, property): unknown =>
      Object.hasOwn(overrides, property)
        ? overrides[property as keyof T]
        : Reflect.get(object, property, object),
  });
}

/**
 * One statement at a time on a connection: code that starts several at once (a
 * Promise.all over a transaction) gets them run in order, as a connection can only
 * run them in order anyway, instead of leaning on node-postgres's deprecated queue.
 */
function oneAtATime(target: () => Queryable): () => Queryable {
  let tail: Promise<unknown> = Promise.resolve();
  const queue: Queryable = {
    query(config) {
      const result = tail.then(() => target().query(config));
      tail = result.catch(() => undefined);
      return result;
    },
  };
  return () => queue;
}

/** A transaction client whose raw statements go straight to the transaction's connection. */
function directTransaction(
  tx: Prisma.TransactionClient,
  state: Opening,
  statementName: StatementName,
): Prisma.TransactionClient {
  return overriding(
    tx,
    rawMethods(
      oneAtATime(() => {
        // Prisma gives the connection back when the transaction ends or times out; a
        // statement after that must not run on whoever holds it next.
        if (!state.client || state.released) throw new Error('Transaction already closed');
        return state.client;
      }),
      statementName,
    ),
  );
}

/**
 * Prisma's client with its raw statements ($queryRaw, $executeRaw, also inside
 * interactive transactions) sent by node-postgres straight to the pool Prisma uses:
 * the same statements, parameters, prepared-statement names and result types, without
 * the query engine's per-statement cost (about 80 µs of CPU instead of 150-270 µs,
 * measured on this project's hot statements). Model queries still go through Prisma,
 * and so does the array form of $transaction, which takes Prisma's own queries only.
 */
export function withDirectRaw(
  prisma: PrismaClient,
  pool: TrackingPool,
  statementName: StatementName,
): PrismaClient {
  const transaction = ((work: unknown, options?: unknown) => {
    if (typeof work !== 'function') {
      return prisma.$transaction(work as never, options as never);
    }
    const state: Opening = { released: false };
    return opening.run(state, () =>
      prisma.$transaction(
        (tx) =>
          (work as (tx: Prisma.TransactionClient) => Promise<unknown>)(
            state.client ? directTransaction(tx, state, statementName) : tx,
          ),
        options as Parameters<PrismaClient['$transaction']>[1],
      ),
    );
  }) as PrismaClient['$transaction'];
  return overriding(prisma, {
    ...rawMethods(() => pool, statementName),
    $transaction: transaction,
  });
}
