import pg from 'pg';
import type { SqlDatabase } from './queries.ts';
import { boundedWork, queriesOver, type Run } from './runner.ts';
import { parameter, resultParsers } from './values.ts';

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    (format !== 'binary' && resultParsers[oid]) ||
    pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

type StatementName = (query: { sql: string }) => string | undefined;

function runOn(target: pg.Pool | pg.PoolClient, statementName: StatementName): Run {
  return async (text, values) => {
    const name = statementName({ sql: text });
    const result = await target.query({
      ...(name === undefined ? {} : { name }),
      text,
      values: values.map(parameter),
      types,
    });
    return { rows: result.rows, affectedRows: result.rowCount ?? 0 };
  };
}

/**
 * Statements over node-postgres's pool. statementName names the statements to
 * prepare; Prisma's adapter on the same pool must use the same naming, since a
 * connection's prepared statement keeps its name whichever of them prepared it.
 */
export function postgresDatabase(pool: pg.Pool, statementName: StatementName): SqlDatabase {
  return {
    ...queriesOver(runOn(pool, statementName)),
    async transaction(work, options = {}) {
      const client = await pool.connect();
      // The pool's connections are pipelined: the client keeps statements in order, and
      // those started at once go together instead of one round trip each.
      const run = runOn(client, statementName);
      // A connection whose rollback failed is in an unknown state: it is dropped.
      let broken: Error | undefined;
      try {
        // Not awaited: BEGIN goes with the work's first statement. It fails only with its
        // connection, which fails the statements behind it too; it is checked before COMMIT.
        const begun = run('BEGIN', []);
        begun.catch(() => undefined);
        const result = await boundedWork(run, work, options.timeoutMs);
        await begun;
        await run('COMMIT', []);
        return result;
      } catch (error) {
        await run('ROLLBACK', []).catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error('rollback failed');
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}
