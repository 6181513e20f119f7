import type { Queries } from '@spendline/db';

/** Queries that count the statements asking for rows, for the group-commit tests. */
export function countingQueries(queries: Queries): { queries: Queries; statements: () => number } {
  let statements = 0;
  return {
    queries: {
      ...queries,
      rows: (statement) => {
        statements++;
        return queries.rows(statement);
      },
    },
    statements: () => statements,
  };
}
