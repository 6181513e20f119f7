// GET /dashboard/expenses/export/?format=csv|xlsx&<the page's filter>: the filtered
// expenses as a file, streamed while the api is paged through with the person's cookie.
import { Readable, PassThrough } from 'node:stream';
import { error, redirect } from '@sveltejs/kit';
import ExcelJS from 'exceljs';
import { knownCategory, readExpenseQuery, toVariables } from '#lib/expense-query.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import { apiFor, loginPath } from '#lib/server/api.ts';
import { csvLine, EXPORT_COLUMNS, entryCells, expensePages } from '#lib/server/export-rows.ts';
import type { RequestHandler } from './$types';

const CategoryIdsQuery = graphql(`
  query CategoryIds {
    categories(includeArchived: true) {
      id
    }
  }
`);

export const GET: RequestHandler = async (event) => {
  if (!event.locals.viewer) redirect(303, loginPath(event.url));
  const format = event.url.searchParams.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') error(400, 'format must be csv or xlsx');
  const api = apiFor(event);
  // A category that is none of the viewer's is left out, as on the page, rather than
  // failing the download halfway.
  const { categories } = await api.must(CategoryIdsQuery);
  const { query } = knownCategory(readExpenseQuery(event.url.searchParams), categories);
  const pages = expensePages(api, toVariables(query));
  const stamp = new Date().toISOString().slice(0, 10);
  const headers = {
    'content-disposition': `attachment; filename="spendline-expenses-${stamp}.${format}"`,
    'cache-control': 'no-store',
  };

  if (format === 'csv') {
    const encoder = new TextEncoder();
    let started = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!started) {
          started = true;
          // A byte-order mark so spreadsheet apps read the file as UTF-8 (₹, emoji).
          controller.enqueue(encoder.encode(`\uFEFF${csvLine(EXPORT_COLUMNS)}`));
          return;
        }
        const next = await pages.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(next.value.map((e) => csvLine(entryCells(e))).join('')));
      },
      async cancel() {
        await pages.return(undefined);
      },
    });
    return new Response(body, {
      headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' },
    });
  }

  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Expenses');
  sheet.columns = EXPORT_COLUMNS.map((header, index) => ({
    header,
    width: [12, 10, 12, 10, 18, 32, 12, 26][index] ?? 12,
  }));
  void (async () => {
    try {
      for await (const page of pages) {
        for (const expense of page) {
          const [date, kind, amount, ...rest] = entryCells(expense);
          // A number cell, so the spreadsheet can add the column up.
          sheet.addRow([date, kind, Number(amount), ...rest]).commit();
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (failure) {
      console.error(`export: ${failure instanceof Error ? failure.message : String(failure)}`);
      output.destroy(failure instanceof Error ? failure : new Error(String(failure)));
    }
  })();
  return new Response(Readable.toWeb(output) as ReadableStream<Uint8Array>, {
    headers: {
      ...headers,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  });
};
