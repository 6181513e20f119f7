import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { CSV_OPTIONS } from './csv-options.ts';

/**
 * The records of a CSV file as arrays of cells, streamed: a file of any size is read
 * in constant memory. Commas, semicolons or tabs; a byte-order mark and blank lines are
 * skipped; rows may have more or fewer cells than the header.
 */
export function csvRecords(input: Readable): AsyncIterable<string[]> {
  return input.pipe(parse({ ...CSV_OPTIONS, delimiter: [...CSV_OPTIONS.delimiter] }));
}
