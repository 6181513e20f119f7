// "Add from receipt": a photo is kept as the viewer's file, not yet shown with any entry,
// and read by the same extraction the chat uses, so the dashboard can pre-fill its form.
// The file is attached when the entry is saved (createExpense's attachmentId).
import { sql } from '@spendline/db';
import { postgresAttachments } from '@spendline/entries';
import { builder } from '../builder.ts';
import { CategoryRef } from '../categories/categories.ts';
import { loadCategory } from '../categories/category-loader.ts';
import type { SignedInContext } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { money, MoneyRef } from '../money.ts';
import { AttachmentRef } from './attachments.ts';
import { IMAGE_UPLOAD, readUpload } from './uploads.ts';

/** What a photo was read as. */
export type ReceiptScanKind =
  'RECEIPT' | 'PAYMENT' | 'PAYMENT_NOT_DONE' | 'NOT_A_RECEIPT' | 'UNREADABLE';

export interface ReceiptScan {
  kind: ReceiptScanKind;
  amountMinor: bigint | null;
  currency: string | null;
  merchant: string | null;
  /** The bill's date, YYYY-MM-DD. */
  date: string | null;
}

/** The api's receipt reader (worker threads); tests may give their own. */
export type ReadReceipt = (bytes: Buffer) => Promise<ReceiptScan>;

const ReceiptScanKindRef = builder.enumType('ReceiptScanKind', {
  values: {
    RECEIPT: { description: 'A bill or receipt.' },
    PAYMENT: { description: 'A payment app’s screen of a payment that went through.' },
    PAYMENT_NOT_DONE: { description: 'A payment screen of a failed or pending payment.' },
    NOT_A_RECEIPT: { description: 'No receipt or payment could be seen in it.' },
  } as const,
});

interface ScanResult extends ReceiptScan {
  kind: Exclude<ReceiptScanKind, 'UNREADABLE'>;
  attachment: { id: string; mimeType: string; size: number };
  locale: string;
  categoryId: string | null;
}

/**
 * The category a word of the merchant's name was taught as (an alias from the chat, e.g.
 * "dmart" for Groceries), so a shop seen before files itself.
 */
async function categoryOf(context: SignedInContext, merchant: string | null) {
  const words = merchant?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  const [row] = await context.sql.rows<{ id: string }>(sql`
    SELECT c.id FROM category_aliases a JOIN categories c ON c.id = a.category_id
     WHERE a.user_id = ${context.viewer.user.id}::uuid AND a.alias = ANY(${words}::text[])
       AND c.archived_at IS NULL
     ORDER BY length(a.alias) DESC LIMIT 1`);
  return row?.id ?? null;
}

const ReceiptScanRef = builder.objectRef<ScanResult>('ReceiptScan').implement({
  description: 'What was read off a receipt photo, to check before saving it as an entry.',
  fields: (t) => ({
    kind: t.field({ type: ReceiptScanKindRef, resolve: (s) => s.kind }),
    amount: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'The amount paid, when one was found (never a subtotal or a tax line).',
      resolve: (s) =>
        s.amountMinor === null || !s.currency ? null : money(s.amountMinor, s.currency, s.locale),
    }),
    merchant: t.exposeString('merchant', { nullable: true }),
    date: t.field({
      type: 'Date',
      nullable: true,
      description: 'The date on the bill.',
      resolve: (s) => s.date,
    }),
    category: t.field({
      type: CategoryRef,
      nullable: true,
      description: 'Your category for this merchant, when a word of its name is an alias of one.',
      resolve: (s, _args, context) => (s.categoryId ? loadCategory(context, s.categoryId) : null),
    }),
    attachment: t.field({
      type: AttachmentRef,
      description: 'The photo, kept as yours: pass its id to createExpense to keep it.',
      resolve: (s) => s.attachment,
    }),
  }),
});

function readerOf(context: SignedInContext): ReadReceipt {
  if (!context.readReceipt) {
    throw new ValidationError(
      [{ path: ['file'], message: 'Reading receipts is not set up on this server.' }],
      'Reading receipts is not set up on this server.',
    );
  }
  return context.readReceipt;
}

builder.mutationField('scanReceipt', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: ReceiptScanRef,
    description:
      'Reads a receipt or payment screenshot (a JPEG, PNG or WebP of at most 5 MB, sent as a ' +
      'multipart upload) and keeps it as your file, not yet shown with an entry. The answer ' +
      'pre-fills an expense; pass `attachment.id` to createExpense to keep the photo with it.',
    args: { file: t.arg({ type: 'File', required: true }) },
    errors: { types: [ValidationError], directResult: false, dataField: { name: 'scan' } },
    resolve: async (_root, { file }, context) => {
      const read = readerOf(context);
      const upload = await readUpload(file, { field: 'file', ...IMAGE_UPLOAD });
      const scan = await read(upload.bytes);
      // Nothing to show with an entry: not kept.
      if (scan.kind === 'UNREADABLE') {
        throw new ValidationError([
          { path: ['file'], message: 'This image could not be read. Try another photo.' },
        ]);
      }
      const { user } = context.viewer;
      const kept = await context.sql.transaction((tx) =>
        postgresAttachments.put(tx, user.id, upload),
      );
      return {
        ...scan,
        kind: scan.kind,
        // A bill without a currency sign is in the viewer's own currency.
        currency: scan.amountMinor === null ? scan.currency : (scan.currency ?? user.currency),
        attachment: { id: kept.id, mimeType: upload.mimeType, size: kept.size },
        locale: user.locale,
        categoryId: await categoryOf(context, scan.merchant),
      };
    },
  }),
);
