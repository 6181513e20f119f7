// The import page's server side: an uploaded CSV file read into rows, its preview under a
// column mapping (read by the same rules the api imports with), and the import itself
// as importExpenses calls.
import { Readable } from 'node:stream';
import { csvRecords } from '@spendline/transfer/csv';
import { FIELDS, guessMapping, mappingProblems, readRow } from '@spendline/transfer/rows';
import { codeText, errorText, type Translate } from '#lib/api-words.ts';
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import {
  ImportBatchFields,
  MAX_BATCH_ROWS,
  runBatches,
  type BatchInput,
  type ImportBatch,
  type ImportPreview,
  type ImportSummary,
  type Mapping,
  type PreviewRow,
} from '#lib/import.ts';
import { missingText, rowProblemText } from '#lib/import-words.ts';
import { formatMinor } from '#lib/money.ts';
import type { Api } from './api.ts';

const ImportExpensesMutation = graphql(
  `
    mutation ImportExpenses($input: ImportExpensesInput!) {
      importExpenses(input: $input) {
        __typename
        ...TypedErrorFields
        ...ImportBatchFields
      }
    }
  `,
  [TypedErrorFields, ImportBatchFields],
);

export interface CsvTable {
  headers: string[];
  rows: string[][];
}

/** The file's header and data rows, or what stops it from being read. */
export async function readCsv(
  bytes: Uint8Array,
  t: Translate,
): Promise<CsvTable | { problem: string }> {
  // Spreadsheets (XLSX is a zip) and PDFs hold zero bytes; text never does.
  if (bytes.includes(0)) return { problem: t('import.notCsv') };
  const records: string[][] = [];
  try {
    for await (const record of csvRecords(Readable.from([Buffer.from(bytes)]))) {
      records.push(record);
    }
  } catch (error) {
    // The parser's own words are for the log: people are told what to do instead.
    console.warn(`import: ${error instanceof Error ? error.message : String(error)}`);
    return { problem: t('import.notCsv') };
  }
  const [headers, ...rows] = records;
  if (!headers) return { problem: t('import.empty') };
  return { headers, rows };
}

/** The mapping the form chose, or the one the headers suggest on a first upload. */
export function mappingFrom(form: FormData, headers: string[]): Mapping {
  if (form.get('mapped') !== '1') return guessMapping(headers);
  const mapping: Mapping = {};
  for (const field of FIELDS) {
    const value = form.get(field);
    if (typeof value !== 'string' || value === '') continue;
    const index = Number(value);
    if (Number.isInteger(index) && index >= 0 && index < headers.length) mapping[field] = index;
  }
  return mapping;
}

const SHOWN_ROWS = 10;
const SHOWN_PROBLEMS = 5;

export function previewOf(
  fileName: string,
  table: CsvTable,
  mapping: Mapping,
  viewer: { currency: string; locale: string },
  t: Translate,
): ImportPreview {
  const rows: PreviewRow[] = [];
  const problems: PreviewRow[] = [];
  let unreadable = 0;
  table.rows.forEach((cells, i) => {
    const read = readRow(cells, mapping, viewer);
    const line = i + 2;
    if ('problem' in read) {
      unreadable += 1;
      if (i >= SHOWN_ROWS && problems.length < SHOWN_PROBLEMS)
        problems.push({ line, problem: rowProblemText(t, read.problem) });
    }
    if (i >= SHOWN_ROWS) return;
    if ('problem' in read) return rows.push({ line, problem: rowProblemText(t, read.problem) });
    const { row } = read;
    rows.push({
      line,
      date: row.date,
      kind: row.kind,
      amount: formatMinor(row.amountMinor.toString(), row.currency, viewer.locale),
      category: row.category,
      note: row.note,
    });
  });
  return {
    fileName,
    headers: table.headers,
    mapping,
    missing: mappingProblems(mapping).map((problem) => missingText(t, problem)),
    total: table.rows.length,
    readable: table.rows.length - unreadable,
    unreadable,
    rows,
    problems,
  };
}

const isCells = (row: unknown): row is string[] =>
  Array.isArray(row) && row.every((cell) => typeof cell === 'string');
const isIndex = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** A batch the page's script posted, checked; null when it is not one. */
export function batchInput(body: unknown): BatchInput | null {
  if (typeof body !== 'object' || body === null) return null;
  const { rows, mapping, startedAt, firstLine } = body as Record<string, unknown>;
  if (!Array.isArray(rows) || rows.length > MAX_BATCH_ROWS || !rows.every(isCells)) return null;
  if (typeof mapping !== 'object' || mapping === null) return null;
  const columns: Mapping = {};
  for (const field of FIELDS) {
    const index = (mapping as Record<string, unknown>)[field];
    if (index === undefined) continue;
    if (!isIndex(index)) return null;
    columns[field] = index;
  }
  if (mappingProblems(columns).length > 0) return null;
  if (startedAt !== undefined && typeof startedAt !== 'string') return null;
  if (!isIndex(firstLine) || firstLine < 1) return null;
  return { rows, mapping: columns, startedAt, firstLine };
}

/** One importExpenses call: what it did, or why nothing was done, for people. */
export async function sendBatch(
  api: Api,
  input: BatchInput,
  t: Translate,
): Promise<ImportBatch | { stopped: string }> {
  const stop = (why: string) => ({ stopped: `${why} ${t('import.keptSoFar')}` });
  const { date, amount } = input.mapping;
  // Every caller checks the mapping first (mappingProblems); the api needs both columns.
  if (date === undefined || amount === undefined) {
    return stop(
      mappingProblems(input.mapping)
        .map((m) => missingText(t, m))
        .join(' '),
    );
  }
  const { data, code, unauthenticated } = await api.run(ImportExpensesMutation, {
    input: { ...input, mapping: { ...input.mapping, date, amount } },
  });
  const result = data?.importExpenses;
  if (result?.__typename === 'ExpenseImport') {
    const problems = result.problems.map((p) => ({ ...p, message: rowProblemText(t, p.message) }));
    return { ...result, problems };
  }
  if (unauthenticated) return stop(t('import.signedOut'));
  if (result?.__typename === 'RateLimitedError')
    return stop(t('import.tooMany', { seconds: result.retryAfterSeconds ?? 60 }));
  if (result) return stop(errorText(t, result));
  return stop(codeText(t, code, t('import.notThrough')));
}

/** The whole file in calls of the most rows the api takes, one import throughout. */
export function importAll(
  api: Api,
  table: CsvTable,
  mapping: Mapping,
  t: Translate,
): Promise<ImportSummary> {
  return runBatches(table.rows, mapping, {
    send: (input) => sendBatch(api, input, t),
    maxRows: MAX_BATCH_ROWS,
  });
}
