export {
  DEFAULT_TRANSACTION_TIMEOUT_MS,
  empty,
  join,
  raw,
  sql,
  TransactionTimeoutError,
  type Queries,
  type SqlDatabase,
  type Statement,
  type TransactionOptions,
} from './queries.ts';
export { TransactionClosedError } from './runner.ts';
export { postgresDatabase } from './postgres.ts';
export { pgliteDatabase } from './pglite.ts';
export { prismaQueries } from './prisma.ts';
