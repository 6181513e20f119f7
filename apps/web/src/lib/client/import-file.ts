// The import page's script: the chosen file read in the browser by the same CSV rules as
// the server's preview, and its rows posted batch by batch to the page's endpoint.
import { CSV_OPTIONS } from '@spendline/transfer/csv-options';
import type { Translate } from '#lib/api-words.ts';
import type { BatchInput, ImportBatch, SendBatch } from '#lib/import.ts';

/** The file's data rows (the header left out). */
export async function readRows(file: File): Promise<string[][]> {
  // Loaded on the way to an import only: the parser is the page's largest piece.
  const { parse } = await import('csv-parse/browser/esm/sync');
  const records: string[][] = parse(await file.text(), {
    ...CSV_OPTIONS,
    delimiter: [...CSV_OPTIONS.delimiter],
  });
  return records.slice(1);
}

/** Posts batches to `url` (the page's rows endpoint); `t` words a lost connection. */
export function batchPoster(url: string, t: Translate): SendBatch {
  return async (input: BatchInput) => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await response.json()) as ImportBatch | { stopped: string };
    } catch {
      return { stopped: `${t('import.connectionLost')} ${t('import.keptSoFar')}` };
    }
  };
}
