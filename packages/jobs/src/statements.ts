// The monthly statement for those who opted in: on the 1st, from 09:00 in their zone (or
// as soon as a scheduler runs after it), a request for the month before is recorded, and
// the statement sender draws and sends it (as the notice template outside the 24-hour
// window).
import { sql, type Queries, type SqlDatabase } from '@spendline/db';
import { requestStatement } from '@spendline/reports/requests';
import { drain, type Round } from './claims.ts';

type Tx = Queries;

/** The local hour of the 1st from which last month's statement goes out. */
const STATEMENT_HOUR = 9;

interface Due {
  id: string;
  /** The first day of the month before the user's current one. */
  month: string;
  recipient: string;
}

/** Takes one opted-in, linked user whose statement of last month is due, and marks it sent. */
async function claimOne(tx: Tx, now: Date, skip: string[]): Promise<Due | undefined> {
  const local = sql`(${now.toISOString()}::timestamptz AT TIME ZONE u.time_zone)`;
  const thisMonth = sql`date_trunc('month', ${local})::date`;
  const [due] = await tx.rows<Due>(sql`
    UPDATE users u SET monthly_statement_on = ${thisMonth}
    WHERE u.id = (
      SELECT u.id FROM users u
      WHERE u.monthly_statement
        AND ${local} >= date_trunc('month', ${local}) + make_interval(hours => ${STATEMENT_HOUR})
        AND (u.monthly_statement_on IS NULL OR u.monthly_statement_on < ${thisMonth})
        AND EXISTS (SELECT 1 FROM whatsapp_links l WHERE l.user_id = u.id AND l.active)
        AND NOT (u.id = ANY(${skip}::uuid[]))
      LIMIT 1
      FOR UPDATE OF u SKIP LOCKED)
    RETURNING u.id::text AS id,
      to_char((${thisMonth} - interval '1 month')::date, 'YYYY-MM-DD') AS month,
      (SELECT COALESCE(l.phone_number, l.bsuid) FROM whatsapp_links l
        WHERE l.user_id = u.id AND l.active ORDER BY l.created_at DESC LIMIT 1) AS recipient`);
  return due;
}

async function request(tx: Tx, due: Due): Promise<number> {
  await requestStatement(tx, {
    userId: due.id,
    conversationId: null,
    recipient: due.recipient,
    month: due.month,
  });
  return 1;
}

/** Records the statement request of every opted-in user whose 1st has come. */
export function runDueStatements(
  db: SqlDatabase,
  now: Date,
  stopping?: AbortSignal,
): Promise<Round> {
  return drain(
    db,
    (tx, skip) => claimOne(tx, now, skip),
    (tx, due) => request(tx, due),
    stopping,
  );
}
