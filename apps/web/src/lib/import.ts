// The import page's rules shared by the browser and the server: the upload limit, the
// column fields, and how a file's rows travel to the api (only the mapped columns, in
// batches that fit one request) and add up to one summary.
import type { Field, Mapping } from '@spendline/transfer/rows';
import type { Translate } from './api-words.ts';
import { graphql, type ResultOf } from './graphql/graphql.ts';

export type { Field, Mapping };

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Rows per importExpenses call from the browser: progress moves often enough. */
export const BATCH_ROWS = 1000;
/** The most the api takes in one call (the server-side import sends these). */
export const MAX_BATCH_ROWS = 2000;
// Under the api's 1 MB request body, with room for the query and JSON's escapes.
const BATCH_BYTES = 800_000;
// The import keeps 500 characters of a note and 50 of a category: more only weighs.
const MAX_CELL = 500;
/** Unreadable lines listed in a summary; the count covers the rest. */
export const MAX_PROBLEMS = 100;

/** The form's order (the catalog names each field). */
export const FIELDS: readonly Field[] = ['date', 'amount', 'kind', 'category', 'note', 'currency'];

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function tooLarge(t: Translate, bytes: number): string {
  return t('import.tooLarge', { size: megabytes(bytes), max: megabytes(MAX_UPLOAD_BYTES) });
}

/** The rows cut down to the mapped columns, and the mapping that reads them so. */
export function compact(
  rows: string[][],
  mapping: Mapping,
): { rows: string[][]; mapping: Mapping } {
  const used = Object.entries(mapping).filter(
    (entry): entry is [Field, number] => entry[1] !== undefined,
  );
  return {
    rows: rows.map((row) => used.map(([, index]) => (row[index] ?? '').slice(0, MAX_CELL))),
    mapping: Object.fromEntries(used.map(([field], i) => [field, i])),
  };
}

export type PreviewRow = { line: number } & (
  | {
      date: string;
      kind: 'EXPENSE' | 'INCOME';
      amount: string;
      category: string | null;
      note: string | null;
    }
  | { problem: string }
);

export interface ImportPreview {
  fileName: string;
  headers: string[];
  mapping: Mapping;
  /** What the mapping lacks for an import to run. */
  missing: string[];
  total: number;
  readable: number;
  /** The first rows as the import will read them. */
  rows: PreviewRow[];
  /** Unreadable rows after those, the first few of them. */
  problems: PreviewRow[];
  unreadable: number;
}

export interface Batch {
  rows: string[][];
  /** The file line of rows[0], the header being line 1. */
  firstLine: number;
}

/** Consecutive batches of at most `maxRows` rows and about 800 kB of JSON each. */
export function* batches(rows: string[][], maxRows = BATCH_ROWS): Generator<Batch> {
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = 0;
    while (end < rows.length && end - start < maxRows) {
      bytes += JSON.stringify(rows[end]).length + 1;
      if (bytes > BATCH_BYTES && end > start) break;
      end += 1;
    }
    yield { rows: rows.slice(start, end), firstLine: start + 2 };
    start = end;
  }
}

/** What one importExpenses call did. Unmasked: the import adds these up. */
export const ImportBatchFields = graphql(`
  fragment ImportBatchFields on ExpenseImport @_unmask {
    __typename
    startedAt
    read
    imported
    duplicates
    failed
    problems {
      line
      message
    }
  }
`);

export type ImportBatch = ResultOf<typeof ImportBatchFields>;
type ImportProblem = ImportBatch['problems'][number];

export interface ImportSummary {
  /** Data rows in the file. */
  total: number;
  read: number;
  imported: number;
  /** Rows recorded before the import began. */
  duplicates: number;
  failed: number;
  problems: ImportProblem[];
  /** Why the import stopped before the end; null when it read every row. */
  stopped: string | null;
}

export function emptySummary(total: number): ImportSummary {
  return { total, read: 0, imported: 0, duplicates: 0, failed: 0, problems: [], stopped: null };
}

export function addBatch(summary: ImportSummary, batch: ImportBatch): ImportSummary {
  return {
    ...summary,
    read: summary.read + batch.read,
    imported: summary.imported + batch.imported,
    duplicates: summary.duplicates + batch.duplicates,
    failed: summary.failed + batch.failed,
    problems: [...summary.problems, ...batch.problems].slice(0, MAX_PROBLEMS),
  };
}

export interface BatchInput {
  rows: string[][];
  mapping: Mapping;
  /** From the first call's answer, so later calls continue the same import. */
  startedAt?: string | undefined;
  firstLine: number;
}

export type SendBatch = (input: BatchInput) => Promise<ImportBatch | { stopped: string }>;

/**
 * The rows through `send` batch after batch as one import; stops at the first batch
 * that did nothing and says why in the summary.
 */
export async function runBatches(
  rows: string[][],
  mapping: Mapping,
  options: { send: SendBatch; maxRows: number; onProgress?: (summary: ImportSummary) => void },
): Promise<ImportSummary> {
  const sent = compact(rows, mapping);
  let summary = emptySummary(rows.length);
  let startedAt: string | undefined;
  for (const batch of batches(sent.rows, options.maxRows)) {
    const result = await options.send({ ...batch, mapping: sent.mapping, startedAt });
    if ('stopped' in result) return { ...summary, stopped: result.stopped };
    startedAt ??= result.startedAt;
    summary = addBatch(summary, result);
    options.onProgress?.(summary);
  }
  return summary;
}
