// The evidence kept with an entry (a receipt photo, a voice note): Expense.attachments,
// read for a whole page of entries in one query, and the address its bytes are served at.
import { createContextCache } from '@pothos/core';
import { postgresAttachments, type AttachmentSummary } from '@spendline/entries';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { ExpenseRef } from '../expenses/expenses.ts';
import { asUuid, NIL_UUID } from '../ids.ts';

/** Where the api serves an attachment's bytes to its owner (GET, cookie or token). */
export const ATTACHMENTS_PATH = '/attachments/';

export const AttachmentRef = builder
  .objectRef<Pick<AttachmentSummary, 'id' | 'mimeType' | 'size'>>('Attachment')
  .implement({
    description: 'A photo or voice note kept with an entry; its bytes are at `url`.',
    fields: (t) => ({
      id: t.exposeID('id'),
      mimeType: t.exposeString('mimeType'),
      size: t.exposeInt('size', { description: 'In bytes.' }),
      url: t.string({
        description: 'A path on this server that sends the file to its owner only.',
        resolve: (a) => `${ATTACHMENTS_PATH}${a.id}`,
      }),
    }),
  });

interface Batch {
  expenseIds: Set<string>;
  rows: Promise<Map<string, AttachmentSummary[]>>;
}

// The entries of one page ask for their files in the same tick: one query for all of them.
const openBatch = createContextCache((): { batch: Batch | null } => ({ batch: null }));

export function loadAttachments(
  context: GraphQLContext,
  expenseId: string,
): Promise<AttachmentSummary[]> {
  const state = openBatch(context);
  let batch = state.batch;
  if (!batch) {
    const expenseIds = new Set<string>();
    const rows = Promise.resolve().then(async () => {
      state.batch = null;
      const found = await postgresAttachments.listFor(
        context.sql,
        context.viewer?.user.id ?? NIL_UUID,
        [...expenseIds],
      );
      const byExpense = new Map<string, AttachmentSummary[]>();
      for (const row of found) {
        const list = byExpense.get(row.expenseId ?? '') ?? [];
        list.push(row);
        byExpense.set(row.expenseId ?? '', list);
      }
      return byExpense;
    });
    batch = { expenseIds, rows };
    state.batch = batch;
  }
  batch.expenseIds.add(asUuid(expenseId));
  return batch.rows.then((rows) => rows.get(expenseId) ?? []);
}

builder.objectField(ExpenseRef, 'attachments', (t) =>
  t.field({
    type: [AttachmentRef],
    description: 'The receipt photos and voice notes kept with this entry, oldest first.',
    // Counted as two by the query cost limit: a photo and a voice note at most, as a rule.
    extensions: { listSize: 2 },
    resolve: (expense, _args, context) => loadAttachments(context, expense.id),
  }),
);
