import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { SqlDatabase } from './queries.ts';
import { boundedWork, oneAtATime, queriesOver, type Run } from './runner.ts';
import { parameter, resultParsers } from './values.ts';

function runOn(target: PGlite | Transaction): Run {
  return async (text, values) => {
    const result = await target.query(text, values.map(parameter), { parsers: resultParsers });
    return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
  };
}

/**
 * Statements over an embedded PGlite. Its transactions hold the database to
 * themselves (PGlite has one connection), so other statements wait for them.
 */
export function pgliteDatabase(pglite: PGlite): SqlDatabase {
  return {
    ...queriesOver(runOn(pglite)),
    transaction: (work, options = {}) =>
      pglite.transaction((tx) => boundedWork(runOn(tx), work, options.timeoutMs, oneAtATime)),
  };
}
