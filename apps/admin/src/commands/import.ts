import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  CsvError,
  csvRecords,
  FIELDS,
  guessMapping,
  ImportError,
  importRows,
  type Field,
  type Mapping,
} from '@spendline/transfer';
import { InputError, optionalString, requireString, UsageError, type Command } from '../cli.ts';

/** Text that is no CSV, or a file that vanished while read: said in words, exit code 1. */
function unreadable(file: string, error: unknown): unknown {
  const fromFileSystem = error instanceof Error && 'syscall' in error;
  if (!(error instanceof CsvError) && !fromFileSystem) return error;
  return new InputError(`${file} could not be read as CSV: ${error.message}`);
}

/** "--map amount=Debit,note=Narration": columns by header name, over the guessed ones. */
function mappingFrom(headers: string[], map: string | undefined): Mapping {
  const mapping = guessMapping(headers);
  for (const pair of map ? map.split(',') : []) {
    const [field, column = ''] = pair.split('=').map((part) => part.trim());
    if (!FIELDS.includes(field as Field))
      throw new UsageError(`--map: "${field}" is not one of ${FIELDS.join(', ')}`);
    const index = headers.findIndex((h) => h.toLowerCase() === column.toLowerCase());
    if (index < 0) throw new UsageError(`--map: the file has no column "${column}"`);
    mapping[field as Field] = index;
  }
  return mapping;
}

export const importCommand: Command = {
  summary: "import a CSV file of entries into a user's account",
  usage:
    'import FILE --user EMAIL [--map field=Column,...]   (fields: date, amount, currency, category, note, kind)',
  options: { user: { type: 'string' }, map: { type: 'string' } },
  positionals: ['file'],
  async run(values, { database, out, progress }) {
    const file = requireString(values, 'file');
    const email = requireString(values, 'user');
    const found = await stat(file).catch(() => null);
    if (!found?.isFile()) throw new UsageError(`cannot read ${file}: no such file`);
    const { size } = found;
    const db = await database();
    const user = await db.prisma.user.findUnique({ where: { email: email.toLowerCase() } });
    if (!user) throw new UsageError(`no account for ${email}`);

    const input = createReadStream(file);
    const records = csvRecords(input)[Symbol.asyncIterator]();
    const header = await records.next().catch((error: unknown) => {
      throw unreadable(file, error);
    });
    if (header.done) throw new UsageError(`${file} is empty`);
    const headers = header.value;
    const mapping = mappingFrom(headers, optionalString(values, 'map'));
    const used = Object.entries(mapping).map(([field, i]) => `${field}=${headers[i]}`);
    out(`Columns: ${used.join(', ')}`);

    // Progress by bytes read: known from the start, unlike the number of rows.
    const bar = progress(size);
    try {
      const result = await importRows(db.sql, {
        userId: user.id,
        rows: { [Symbol.asyncIterator]: () => records },
        mapping,
        onProgress: (p) => bar.update(input.bytesRead, p),
      });
      bar.update(size, result);
      bar.stop();
      out(
        `Imported ${result.imported} of ${result.read} rows for ${user.email}: ` +
          `${result.duplicates} already recorded, ${result.failed} unreadable.`,
      );
      for (const { line, problem } of result.problems) out(`  line ${line}: ${problem}`);
      if (result.failed > result.problems.length)
        out(`  ...and ${result.failed - result.problems.length} more`);
    } catch (error) {
      bar.stop();
      if (error instanceof ImportError) throw new UsageError(error.message);
      throw unreadable(file, error);
    }
  },
};
