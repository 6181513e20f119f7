import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { CSV_OPTIONS } from './csv-options.ts';

/** What csv-parse throws for text it cannot read as CSV. */
export { CsvError } from 'csv-parse';

/**
 * The records of a CSV file as arrays of cells, streamed: a file of any size is read
 * in constant memory. Commas, semicolons or tabs; a byte-order mark and blank lines are
 * skipped; rows may have more or fewer cells than the header.
 */
export function csvRecords(input: Readable): AsyncIterable<string[]> {
  const parser = parse({ ...CSV_OPTIONS, delimiter: [...CSV_OPTIONS.delimiter] });
  // pipe() leaves a read error (a folder, a vanished file) unhandled: the reader of the
  // records gets it instead.
  input.once('error', (error) => parser.destroy(error));
  return input.pipe(parser);
}
