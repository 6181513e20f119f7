export {
  databaseFromPglite,
  openDatabase,
  openPglite,
  pgConfigFromUrl,
  PLAN_PER_CALL,
  preparedStatementNames,
  type Database,
  type DatabaseOptions,
} from './client.ts';
export {
  createDefaultCategories,
  DEFAULT_CATEGORIES,
  type DefaultCategory,
} from './default-categories.ts';
export {
  categoryColumns,
  categoryFromRow,
  expenseColumns,
  modelColumns,
  userColumns,
  whatsAppLinkColumns,
} from './columns.ts';
export { newId } from './ids.ts';
export { DataDirInUseError } from './data-dir-lock.ts';
export { applyMigrations, diffMigrationsToSchema, readMigrationList } from './migrations.ts';
export { defaultDataDir } from './paths.ts';
export * from './generated/prisma/client.ts';
export { describeSchema } from './catalog.ts';
export {
  empty,
  join,
  prismaQueries,
  raw,
  sql,
  TransactionClosedError,
  TransactionTimeoutError,
  type Queries,
  type SqlDatabase,
  type Statement,
  type TransactionOptions,
} from './sql/index.ts';
