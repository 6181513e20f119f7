import type { z } from 'zod';
import { Prisma } from '../generated/prisma/client.ts';

/**
 * A statement: SQL text with its values bound apart, built with the `sql` tag and its
 * helpers (join, raw, empty). They are Prisma's, so the same fragments (the column maps
 * among them) also serve code that still runs raw SQL inside a Prisma transaction.
 */
export type Statement = Prisma.Sql;
export const sql = Prisma.sql;
export const join = Prisma.join;
export const raw = Prisma.raw;
export const empty = Prisma.empty;

/** What runs statements: the database itself, or one transaction. */
export interface Queries {
  /** The rows a statement returns, of the shape its select list gives them. */
  rows<Row>(statement: Statement): Promise<Row[]>;
  /**
   * The rows, each checked against a schema: for values the database holds as JSON,
   * whose shape the column type does not vouch for.
   */
  rowsOf<Schema extends z.ZodType>(
    statement: Statement,
    schema: Schema,
  ): Promise<z.output<Schema>[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  execute(statement: Statement): Promise<number>;
}

export interface TransactionOptions {
  /**
   * The transaction is rolled back when its work has not finished by then, and any
   * statement it tries afterwards fails (default 5 s).
   */
  timeoutMs?: number;
}

/** The database: statements on a pooled connection each, or a transaction on one. */
export interface SqlDatabase extends Queries {
  /**
   * Runs work in a transaction on one connection: committed when work resolves, rolled
   * back when it throws (the error is passed on) or runs out of time.
   */
  transaction<T>(work: (tx: Queries) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

export class TransactionTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`the transaction did not finish within ${timeoutMs} ms and was rolled back`);
    this.name = 'TransactionTimeoutError';
  }
}

export const DEFAULT_TRANSACTION_TIMEOUT_MS = 5_000;
