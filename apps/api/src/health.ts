import { sql, type Database } from '@spendline/db';

export interface Health {
  status: 'ok' | 'degraded';
  database: {
    status: 'up' | 'down';
    engine: Database['engine'];
    latencyMs?: number;
    error?: string;
  };
}

const timeoutMs = 2_000;

/** Asks the database a trivial question; a hung database counts as down after two seconds. */
export async function checkHealth(db: Database): Promise<Health> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.sql.rows(sql`SELECT 1`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    const latencyMs = Math.round(performance.now() - started);
    return { status: 'ok', database: { status: 'up', engine: db.engine, latencyMs } };
  } catch (error) {
    // The reason helps an operator; it names no secret (no URL, no credentials).
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
    return { status: 'degraded', database: { status: 'down', engine: db.engine, error: reason } };
  } finally {
    clearTimeout(timer);
  }
}
