// "Add from receipt": the photo goes to the api as a multipart upload, is read there (the
// chat's own OCR and extraction) and kept as the person's file; what was read pre-fills
// the add form, which keeps the photo with the entry when it is saved.
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql, type ResultOf } from '#lib/graphql/graphql.ts';
import { today } from '#lib/zoned-time.ts';
import type { Translate } from './i18n.ts';
import type { Viewer } from './viewer.ts';

export const ScanReceiptMutation = graphql(
  `
    mutation ScanReceipt($file: File!) {
      scanReceipt(file: $file) {
        __typename
        ...TypedErrorFields
        ... on ScanReceiptSuccess {
          scan {
            kind
            merchant
            date
            category {
              id
            }
            amount {
              amount
              currency
              formatted
            }
            attachment {
              id
              url
            }
          }
        }
      }
    }
  `,
  [TypedErrorFields],
);

type Scan = NonNullable<
  Extract<ResultOf<typeof ScanReceiptMutation>['scanReceipt'], { __typename: 'ScanReceiptSuccess' }>
>['scan'];

/** Meta's image limit, which the api applies too: said here before the upload. */
export const MAX_RECEIPT_BYTES = 5 * 1024 * 1024;

export interface ScannedReceipt {
  /** The add form's fields, as a person would have typed them. */
  values: Record<string, string>;
  attachmentId: string;
  url: string;
  /** What to check before saving, in plain words. */
  message: string;
}

/** What the add form shows after a photo was read. */
export function scannedReceipt(
  scan: Scan,
  viewer: Pick<Viewer, 'currency' | 'timeZone'>,
  t: Translate,
): ScannedReceipt {
  const amount = scan.amount?.currency === viewer.currency ? scan.amount.amount : '';
  // A misread year can put the bill in the future, which the form refuses.
  const date = scan.date && scan.date <= today(viewer.timeZone) ? scan.date : '';
  const values = {
    kind: 'EXPENSE',
    amount,
    ...(date ? { date } : {}),
    ...(scan.category ? { category: scan.category.id } : {}),
    note: scan.merchant ?? '',
  };
  const attached = { values, attachmentId: scan.attachment.id, url: scan.attachment.url };
  if (scan.kind === 'PAYMENT_NOT_DONE') {
    return {
      ...attached,
      values: { ...values, amount: '' },
      message: t('receipt.notDone'),
    };
  }
  if (scan.kind === 'NOT_A_RECEIPT' || !scan.amount) {
    return {
      ...attached,
      message: t('receipt.noTotal'),
    };
  }
  if (!amount) {
    return {
      ...attached,
      message: t('receipt.otherCurrency', {
        amount: scan.amount.formatted,
        currency: viewer.currency,
      }),
    };
  }
  return {
    ...attached,
    message: scan.merchant
      ? t('receipt.readFrom', { amount: scan.amount.formatted, merchant: scan.merchant })
      : t('receipt.read', { amount: scan.amount.formatted }),
  };
}
