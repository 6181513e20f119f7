// GET /dashboard/export/?format=json|xlsx: everything the account holds, as one JSON file
// or a workbook with a sheet per kind, streamed while the entries are paged through the
// api with the person's cookie. format=csv is the entries alone, from the expenses export.
import { PassThrough, Readable } from 'node:stream';
import { error, redirect } from '@sveltejs/kit';
import {
  AccountExportQuery,
  accountJson,
  ExportEntriesQuery,
  writeAccountXlsx,
} from '#lib/server/account-export.ts';
import { apiFor, loginPath } from '#lib/server/api.ts';
import { attachmentReader } from '#lib/server/attachment-bytes.ts';
import { pagesOf } from '#lib/server/export-rows.ts';
import type { RequestHandler } from './$types';

const TYPES = {
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const GET: RequestHandler = async (event) => {
  if (!event.locals.viewer) redirect(303, loginPath(event.url));
  const format = event.url.searchParams.get('format') ?? 'json';
  if (format === 'csv') redirect(303, '/dashboard/expenses/export/?format=csv');
  if (format !== 'json' && format !== 'xlsx') error(400, 'format must be json, xlsx or csv');
  const api = apiFor(event);
  const { me, ...rest } = await api.must(AccountExportQuery);
  // Signed out since the request began: the api answers no one rather than an error.
  if (!me) redirect(303, loginPath(event.url));
  const account = { me, ...rest };
  const entries = pagesOf(async (first, after) => {
    const { expenses } = await api.must(ExportEntriesQuery, { first, after });
    return expenses;
  });
  const now = new Date();
  const headers = {
    'content-type': TYPES[format],
    'content-disposition': `attachment; filename="spendline-account-${now.toISOString().slice(0, 10)}.${format}"`,
    'cache-control': 'no-store',
  };

  if (format === 'json') {
    const pieces = accountJson(account, entries, now, attachmentReader(event));
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await pieces.return(undefined);
      },
    });
    return new Response(body, { headers });
  }

  const output = new PassThrough();
  writeAccountXlsx(output, account, entries).catch((failure: unknown) => {
    const reason = failure instanceof Error ? failure : new Error(String(failure));
    console.error(`account export: ${reason.message}`);
    output.destroy(reason);
  });
  return new Response(Readable.toWeb(output) as ReadableStream<Uint8Array>, { headers });
};
