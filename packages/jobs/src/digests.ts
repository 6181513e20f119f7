import { dailyDigest, reminderText, weeklyDigest } from '@spendline/bot';
import {
  raw,
  sql,
  userColumns,
  type Queries,
  type SqlDatabase,
  type Statement,
  type User,
} from '@spendline/db';
import { localeWeekStart, periodRange } from '@spendline/ledger';
import { NOTICE_TEMPLATE, queueNotice } from '@spendline/whatsapp/store';
import { drain, type Round } from './claims.ts';

type Tx = Queries;

export type DigestKind = 'daily' | 'weekly' | 'reminder';

/** The hour of the first day of the person's week the weekly digest goes out. */
const WEEKLY_HOUR = 9;

interface Due {
  /** Whether the user opted in and their local time has reached the kind's moment. */
  due: (local: Statement, week: Statement) => Statement;
  /** The date column that says it was handled, and the local date it is set to. */
  column: Statement;
  since: (local: Statement, week: Statement) => Statement;
}

/** The first day of the week of each locale (CLDR, known to JavaScript only), for SQL. */
interface LocaleWeeks {
  locales: string[];
  firstDays: number[];
}

const NO_LOCALES: LocaleWeeks = { locales: [], firstDays: [] };

/** The locales of weekly-digest users who follow their locale's week, read once a round. */
async function localeWeeks(tx: Tx): Promise<LocaleWeeks> {
  const rows = await tx.rows<{ locale: string }>(sql`
    SELECT DISTINCT locale FROM users WHERE weekly_digest AND week_starts_on IS NULL`);
  const locales = rows.map((row) => row.locale);
  return { locales, firstDays: locales.map(localeWeekStart) };
}

/**
 * The first day (a date) of the user's week that `local` is in: their own first day or
 * their locale's. Null for a locale the round did not read yet, so that user waits for
 * the next round rather than get a digest on the wrong day.
 */
function weekStart(local: Statement, weeks: LocaleWeeks): Statement {
  const firstDay = sql`COALESCE(u.week_starts_on, (
    SELECT w.first_day FROM unnest(${weeks.locales}::text[], ${weeks.firstDays}::int[])
      AS w(locale, first_day)
    WHERE w.locale = u.locale))`;
  return sql`(${local}::date - ((EXTRACT(ISODOW FROM ${local})::int - ${firstDay} + 7) % 7))`;
}

// `local` is the user's wall-clock time now (timestamp without zone), so hours and
// dates are theirs: a day skipped or doubled by DST still gives one send.
const KINDS: Record<DigestKind, Due> = {
  daily: {
    due: (local) =>
      sql`u.daily_digest_hour IS NOT NULL AND EXTRACT(HOUR FROM ${local}) >= u.daily_digest_hour`,
    column: raw('daily_digest_on'),
    since: (local) => sql`${local}::date`,
  },
  weekly: {
    due: (local, week) =>
      sql`u.weekly_digest AND ${local} >= ${week} + make_interval(hours => ${WEEKLY_HOUR})`,
    column: raw('weekly_digest_on'),
    since: (_local, week) => week,
  },
  reminder: {
    due: (local) =>
      sql`u.reminder_hour IS NOT NULL AND EXTRACT(HOUR FROM ${local}) >= u.reminder_hour`,
    column: raw('reminder_on'),
    since: (local) => sql`${local}::date`,
  },
};

/**
 * Takes one linked user whose `kind` is due and not yet handled for this day (or week),
 * locking their row so another replica passes over them, and marks it handled.
 */
async function claimOne(
  tx: Tx,
  kind: DigestKind,
  now: Date,
  skip: string[],
  weeks: LocaleWeeks,
): Promise<User | undefined> {
  const { due, column, since } = KINDS[kind];
  const local = sql`(${now.toISOString()}::timestamptz AT TIME ZONE u.time_zone)`;
  const week = kind === 'weekly' ? weekStart(local, weeks) : sql`NULL`;
  const [user] = await tx.rows<User>(sql`
    UPDATE users u SET ${column} = ${since(local, week)}
    WHERE u.id = (
      SELECT u.id FROM users u
      WHERE ${due(local, week)}
        AND (u.${column} IS NULL OR u.${column} < ${since(local, week)})
        AND EXISTS (SELECT 1 FROM whatsapp_links l WHERE l.user_id = u.id AND l.active)
        AND NOT (u.id = ANY(${skip}::uuid[]))
      LIMIT 1
      FOR UPDATE OF u SKIP LOCKED)
    RETURNING ${userColumns('u')}`);
  return user;
}

/** Builds and queues one user's digest or reminder; a reminder only on an empty day. */
async function send(tx: Tx, kind: DigestKind, user: User, now: Date): Promise<number> {
  const input = { tx, user, now };
  let text: string;
  if (kind === 'reminder') {
    const { start } = periodRange('TODAY', now, user.timeZone);
    const [today] = await tx.rows<{ recorded: boolean }>(sql`
      SELECT EXISTS (
        SELECT 1 FROM expenses
        WHERE user_id = ${user.id}::uuid AND deleted_at IS NULL
          AND created_at >= ${start.toISOString()}::timestamptz
      ) AS recorded`);
    if (today?.recorded) return 0;
    text = reminderText(user.locale);
  } else {
    text = kind === 'daily' ? await dailyDigest(input) : await weeklyDigest(input);
  }
  const sent = await queueNotice(tx, {
    userId: user.id,
    locale: user.locale,
    now,
    text,
    template: { name: NOTICE_TEMPLATE, parameters: [text] },
  });
  return sent ? 1 : 0;
}

/**
 * Sends every `kind` that is due at `now`: each opted-in user once a day (the weekly
 * digest once a week, from 09:00 on the first day of their week), at their hour in their
 * zone, or as soon as a scheduler runs after it when none ran at that hour. Safe on
 * every replica.
 */
export async function runDueDigests(
  db: SqlDatabase,
  kind: DigestKind,
  now: Date,
  stopping?: AbortSignal,
): Promise<Round> {
  const weeks = kind === 'weekly' ? await localeWeeks(db) : NO_LOCALES;
  return drain(
    db,
    (tx, skip) => claimOne(tx, kind, now, skip, weeks),
    (tx, user) => send(tx, kind, user, now),
    stopping,
  );
}
