import { newId, sql, userColumns, type SqlDatabase, type User } from '@spendline/db';
import {
  inTransaction,
  recordEntries,
  type Announcer,
  type ExpenseEvents,
} from '@spendline/entries';
import { daysSpan } from '@spendline/ledger';
import { mappingProblems, readRow, type ImportRow, type Mapping } from './rows.ts';

export interface ImportProblem {
  /** 1-based, counting the header as line 1. */
  line: number;
  problem: string;
}

export interface ImportProgress {
  /**
   * When the import began: rows recorded before it count as duplicates. Pass it back
   * as `startedAt` when the same import goes on in another call.
   */
  startedAt: Date;
  /** Data rows read so far. */
  read: number;
  imported: number;
  /** Rows already recorded before this import began (same day, amount, currency, kind, note). */
  duplicates: number;
  /** How many rows could not be read; the first MAX_PROBLEMS are in `problems`. */
  failed: number;
  problems: ImportProblem[];
}

export interface ImportOptions {
  userId: string;
  /** The data rows (after the header). */
  rows: AsyncIterable<string[]> | Iterable<string[]>;
  mapping: Mapping;
  /** Rows written per statement. */
  batchSize?: number;
  /**
   * When this import began, if an earlier call started it: the rows that call recorded
   * are then not duplicates of the file itself. Default (and at most): now.
   */
  startedAt?: Date;
  /** The line of the first row, counting the header as line 1: 2 unless a call goes on. */
  firstLine?: number;
  onProgress?: (progress: Readonly<ImportProgress>) => void;
  /** Where the imported entries are announced, for live dashboards. */
  events?: ExpenseEvents;
  /** The clock budget notices count the month on; default the system's. */
  now?: () => Date;
}

export class ImportError extends Error {
  override name = 'ImportError';
}

const MAX_PROBLEMS = 100;

interface Pending extends ImportRow {
  line: number;
  categoryId: string | null;
  /** The row's local day, for the check against entries recorded before the import. */
  day: { start: string; end: string };
  occurredAt: string;
}

/**
 * Imports a user's rows as entries (source IMPORT), in batches of one statement each,
 * so memory stays flat however long the file. A row already recorded before the import
 * began is skipped as a duplicate, which also makes an interrupted import safe to run
 * again; rows repeated within the file are all kept (two teas on one day are two teas),
 * also across calls that go on with one import through the first call's `startedAt`.
 * Categories are matched by name or alias, and created when the user has none so named.
 */
export async function importRows(
  db: SqlDatabase,
  {
    userId,
    rows,
    mapping,
    batchSize = 2000,
    onProgress,
    events,
    now: clock = () => new Date(),
    ...options
  }: ImportOptions,
): Promise<ImportProgress> {
  const missing = mappingProblems(mapping);
  if (missing.length > 0) throw new ImportError(missing.join(' '));
  const [user] = await db.rows<User>(
    sql`SELECT ${userColumns()} FROM users WHERE id = ${userId}::uuid`,
  );
  if (!user) throw new ImportError('No such user.');
  // The database's clock, the one that stamps created_at; a start in the future would
  // count this very import's earlier rows as recorded before it.
  const [{ now } = { now: new Date() }] = await db.rows<{ now: Date }>(sql`
    SELECT now() AS "now"`);
  const startedAt =
    options.startedAt && options.startedAt.getTime() < now.getTime() ? options.startedAt : now;
  const firstLine = options.firstLine ?? 2;
  const categories = await categoryIds(db, userId);
  const progress: ImportProgress = {
    startedAt,
    read: 0,
    imported: 0,
    duplicates: 0,
    failed: 0,
    problems: [],
  };
  let batch: Pending[] = [];

  const fail = (line: number, problem: string) => {
    progress.failed += 1;
    if (progress.problems.length < MAX_PROBLEMS) progress.problems.push({ line, problem });
  };
  const announce = inTransaction(events);
  const insert = async (rows: Pending[]) => {
    const imported = await insertBatch(db, user, rows, { startedAt, announce, now: clock() });
    progress.imported += imported;
    progress.duplicates += rows.length - imported;
  };

  const flush = async () => {
    if (batch.length === 0) return;
    try {
      await insert(batch);
    } catch {
      // A row the checks let through but the database refuses must not take the rest of
      // its batch down: the rows go in one by one, and the refused one is reported.
      for (const row of batch) {
        await insert([row]).catch(() => fail(row.line, 'this row could not be stored'));
      }
    }
    batch = [];
    onProgress?.(progress);
  };

  for await (const cells of rows) {
    progress.read += 1;
    const line = firstLine + progress.read - 1;
    const read = readRow(cells, mapping, { currency: user.currency, locale: user.locale });
    if ('problem' in read) {
      fail(line, read.problem);
      continue;
    }
    const { row } = read;
    let day: { start: Date; end: Date };
    let categoryId: string | null;
    try {
      day = daysSpan(row.date, row.date, user.timeZone);
      categoryId = row.category ? await categories(row.category) : null;
    } catch {
      fail(line, 'this row could not be stored');
      continue;
    }
    batch.push({
      ...row,
      line,
      categoryId,
      day: { start: day.start.toISOString(), end: day.end.toISOString() },
      // Midday keeps the entry on its date whatever the zone's DST does.
      occurredAt: new Date((day.start.getTime() + day.end.getTime()) / 2).toISOString(),
    });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  onProgress?.(progress);
  return progress;
}

/** A lookup from a category name in the file to the user's category id, creating it. */
async function categoryIds(
  db: SqlDatabase,
  userId: string,
): Promise<(name: string) => Promise<string>> {
  const known = new Map<string, string>();
  const existing = await db.rows<{ id: string; nameKey: string; aliases: string[] }>(sql`
    SELECT c.id, c.name_key AS "nameKey",
           ARRAY(SELECT a.alias FROM category_aliases a WHERE a.category_id = c.id) AS aliases
      FROM categories c WHERE c.user_id = ${userId}::uuid`);
  for (const c of existing) {
    known.set(c.nameKey, c.id);
    for (const alias of c.aliases) if (!known.has(alias)) known.set(alias, c.id);
  }
  return async (name) => {
    const key = name.trim().toLowerCase();
    const found = known.get(key);
    if (found) return found;
    const [created] = await db.rows<{ id: string }>(sql`
      INSERT INTO categories (id, user_id, name, name_key, updated_at)
      VALUES (${newId()}::uuid, ${userId}::uuid, ${name.trim()}, ${key}, now())
      ON CONFLICT (user_id, name_key) DO UPDATE SET name_key = EXCLUDED.name_key
      RETURNING id::text AS id`);
    known.set(key, created!.id);
    return created!.id;
  };
}

/**
 * Records the batch but for rows recorded before `startedAt`, in one transaction with the
 * budget notices its spending calls for; returns how many went in.
 */
async function insertBatch(
  db: SqlDatabase,
  user: User,
  batch: Pending[],
  { startedAt, announce, now }: { startedAt: Date; announce: Announcer; now: Date },
): Promise<number> {
  const { ids } = await db.transaction((tx) =>
    recordEntries(tx, user, batch, 'IMPORT', {
      now,
      announce,
      skipRecordedBefore: startedAt,
    }),
  );
  return ids.length;
}
