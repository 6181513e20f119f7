import {
  DEFAULT_TRANSACTION_TIMEOUT_MS,
  TransactionTimeoutError,
  type Queries,
  type Statement,
} from './queries.ts';

export interface Result {
  rows: unknown[];
  affectedRows: number;
}

/** Sends SQL text and its values to one engine, on a connection or a transaction. */
export type Run = (text: string, values: unknown[]) => Promise<Result>;

/** Queries over an engine's run: rows, rows checked by a schema, and changes. */
export function queriesOver(run: Run): Queries {
  const send = (statement: Statement) => run(statement.text, statement.values);
  return {
    rows: <Row>(statement: Statement) => send(statement).then((result) => result.rows as Row[]),
    rowsOf: (statement, schema) =>
      send(statement).then((result) => result.rows.map((row) => schema.parse(row))),
    execute: (statement) => send(statement).then((result) => result.affectedRows),
  };
}

/**
 * One statement at a time: code that starts several at once on a transaction (a
 * Promise.all) gets them run in order, for an engine whose connection does not queue
 * them itself.
 */
export function oneAtATime(run: Run): Run {
  let tail: Promise<unknown> = Promise.resolve();
  return (text, values) => {
    const result = tail.then(() => run(text, values));
    tail = result.catch(() => undefined);
    return result;
  };
}

export class TransactionClosedError extends Error {
  constructor() {
    super('the transaction has already ended');
    this.name = 'TransactionClosedError';
  }
}

/**
 * A transaction's work, bounded in time, with statements refused once it has ended:
 * work that outlives its transaction (a timed-out handler still running) must not
 * write outside it. `inOrder` keeps statements started at once in order, for an engine
 * whose connection does not (oneAtATime); each is checked when its turn comes, so one
 * queued behind a slow statement is refused if the transaction ended meanwhile.
 */
export async function boundedWork<T>(
  run: Run,
  work: (tx: Queries) => Promise<T>,
  timeoutMs = DEFAULT_TRANSACTION_TIMEOUT_MS,
  inOrder: (run: Run) => Run = (ordered) => ordered,
): Promise<T> {
  let open = true;
  const guarded: Run = (text, values) =>
    open ? run(text, values) : Promise.reject(new TransactionClosedError());
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TransactionTimeoutError(timeoutMs)), timeoutMs);
  });
  const working = work(queriesOver(inOrder(guarded)));
  // Whatever it does after a timeout is refused; its own failure then is not news.
  working.catch(() => undefined);
  try {
    return await Promise.race([working, expired]);
  } finally {
    open = false;
    clearTimeout(timer);
  }
}
