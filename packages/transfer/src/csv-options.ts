// How Spendline reads a CSV file, apart from the parser itself, so a browser reading the
// same file (with csv-parse's browser build) gets exactly the records the server does.
import type { Options } from 'csv-parse';

/** Commas, semicolons or tabs; a byte-order mark and blank lines skipped; ragged rows kept. */
export const CSV_OPTIONS = {
  bom: true,
  delimiter: [',', ';', '\t'],
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  trim: true,
} as const satisfies Options;
