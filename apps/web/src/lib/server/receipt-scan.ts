// "Add from receipt": the photo goes to the api as a multipart upload, is read there (the
// chat's own OCR and extraction) and kept as the person's file; what was read pre-fills
// the add form, which keeps the photo with the entry when it is saved.
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql, type ResultOf } from '#lib/graphql/graphql.ts';
import { today } from '#lib/zoned-time.ts';
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
      message:
        'This payment did not go through (it failed or is still pending), so it is not an expense yet.',
    };
  }
  if (scan.kind === 'NOT_A_RECEIPT' || !scan.amount) {
    return {
      ...attached,
      message: 'No total could be read from this photo. Type the amount below.',
    };
  }
  if (!amount) {
    return {
      ...attached,
      message: `The receipt says ${scan.amount.formatted}, in another currency than yours. Type the amount in ${viewer.currency} below.`,
    };
  }
  return {
    ...attached,
    message: `Read ${scan.amount.formatted}${scan.merchant ? ` from ${scan.merchant}` : ''}. Check the details, then save.`,
  };
}
