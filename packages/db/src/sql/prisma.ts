import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Queries, Statement } from './queries.ts';

/**
 * Queries inside a Prisma transaction, for the code that mixes model queries with
 * statements shared with the hot path (which runs them on the sql database itself).
 */
export function prismaQueries(client: Prisma.TransactionClient | PrismaClient): Queries {
  return {
    rows: <Row>(statement: Statement) => client.$queryRaw<Row[]>(statement),
    rowsOf: async (statement, schema) =>
      (await client.$queryRaw<unknown[]>(statement)).map((row) => schema.parse(row)),
    execute: (statement) => client.$executeRaw(statement),
  };
}
