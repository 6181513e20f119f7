import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { mappingProblems } from '@spendline/transfer/rows';
import { text } from '#lib/forms.ts';
import { MAX_UPLOAD_BYTES, tooLarge } from '#lib/import.ts';
import { missingText } from '#lib/import-words.ts';
import { apiFor } from '#lib/server/api.ts';
import { csvLine } from '#lib/server/export-rows.ts';
import { serverTranslator, type Translate } from '#lib/server/i18n.ts';
import {
  importAll,
  mappingFrom,
  previewOf,
  readCsv,
  type CsvTable,
} from '#lib/server/import-file.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = () => ({ maxBytes: MAX_UPLOAD_BYTES });

interface Upload {
  form: FormData;
  fileName: string;
  table: CsvTable;
}

const refused = (status: number, message: string): ActionFailure<{ message: string }> =>
  fail(status, { message });

/**
 * The posted file: the upload itself, or (once previewed without JavaScript) its text
 * sent back from the page, which keeps nothing between requests.
 */
async function upload(
  event: RequestEvent,
  t: Translate,
): Promise<Upload | ActionFailure<{ message: string }>> {
  let form: FormData;
  try {
    form = await event.request.formData();
  } catch (error) {
    // The server's own body limit, met while reading: only a file far too large gets here.
    if ((error as { status?: number }).status === 413) {
      const declared = Number(event.request.headers.get('content-length'));
      return refused(413, tooLarge(t, declared || MAX_UPLOAD_BYTES + 1));
    }
    return refused(400, t('import.notWhole'));
  }
  const file = form.get('file');
  const csv = form.get('csv');
  let bytes: Uint8Array;
  let fileName: string;
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_UPLOAD_BYTES) return refused(413, tooLarge(t, file.size));
    bytes = new Uint8Array(await file.arrayBuffer());
    fileName = file.name;
  } else if (typeof csv === 'string' && csv) {
    bytes = new TextEncoder().encode(csv);
    if (bytes.byteLength > MAX_UPLOAD_BYTES) return refused(413, tooLarge(t, bytes.byteLength));
    fileName = text(form, 'fileName') || t('import.yourFile');
  } else {
    return refused(400, t('import.chooseFile'));
  }
  const table = await readCsv(bytes, t);
  if ('problem' in table) return refused(400, table.problem);
  return { form, fileName, table };
}

export const actions: Actions = {
  preview: async (event) => {
    const viewer = event.locals.viewer;
    if (!viewer) redirect(303, '/login/');
    const t = await serverTranslator(event);
    const read = await upload(event, t);
    if (!('table' in read)) return read;
    const { form, fileName, table } = read;
    const preview = previewOf(fileName, table, mappingFrom(form, table.headers), viewer, t);
    // A page without JavaScript gets the file back to post with its choices; a script
    // keeps the file it was given.
    const enhanced = event.request.headers.get('x-sveltekit-action') === 'true';
    return { preview, csv: enhanced ? null : [table.headers, ...table.rows].map(csvLine).join('') };
  },
  import: async (event) => {
    if (!event.locals.viewer) redirect(303, '/login/');
    const t = await serverTranslator(event);
    const read = await upload(event, t);
    if (!('table' in read)) return read;
    const { form, fileName, table } = read;
    const mapping = mappingFrom(form, table.headers);
    const missing = mappingProblems(mapping);
    if (missing.length) return refused(400, missing.map((m) => missingText(t, m)).join(' '));
    return { fileName, summary: await importAll(apiFor(event), table, mapping, t) };
  },
};
