import { BookRefusal, type Unsettled } from '@spendline/books';
import { formatMoney } from '@spendline/ledger';
import { builder } from '../builder.ts';
import { viewerLocale, type GraphQLContext } from '../context.ts';
import { ErrorInterface } from '../error-types.ts';
import { ConflictError, NotFoundError, RateLimitedError, ValidationError } from '../errors.ts';
import { personIn } from './people.ts';

/** Leaving a book is refused while the member's balance there is not zero. */
export class UnsettledBalanceError extends Error {
  readonly unsettled: readonly (Unsettled & { name: string })[];
  constructor(message: string, unsettled: readonly (Unsettled & { name: string })[]) {
    super(message);
    this.name = 'UnsettledBalanceError';
    this.unsettled = unsettled;
  }
}

builder.objectType(UnsettledBalanceError, {
  name: 'UnsettledBalanceError',
  interfaces: [ErrorInterface],
  description: 'Settle up first: the message says with whom and how much.',
});

/**
 * A refusal of the books module as the error a client shows. A book the viewer is not in
 * is "not found", as for any row that is not theirs.
 */
export async function bookError(
  context: GraphQLContext,
  bookId: string | null,
  error: unknown,
): Promise<Error> {
  if (!(error instanceof BookRefusal)) return error instanceof Error ? error : new Error('failed');
  switch (error.reason) {
    case 'NOT_A_MEMBER':
      return new NotFoundError('Book', bookId);
    case 'INVALID_NAME':
      return ValidationError.field(
        'name',
        'must be 1 to 40 characters of plain text, and not “personal”',
      );
    case 'NAME_TAKEN':
      return new ConflictError('You already have a book with that name.', 'name');
    case 'INVALID_PHONE':
      return ValidationError.field(
        'phoneNumber',
        'must be a WhatsApp number with its country code, such as +919812300000',
      );
    case 'ALREADY_INVITED':
      return new ConflictError('That number is already invited to this book.', 'phoneNumber');
    case 'TOO_MANY_INVITES':
      return new RateLimitedError(error.retryAfterMs);
    case 'ALREADY_A_MEMBER':
      return new ConflictError('That number’s owner is already in this book.', 'phoneNumber');
    case 'NO_INVITATION':
      return new NotFoundError('Invitation', bookId);
    case 'INVALID_SPLIT':
      return ValidationError.field(
        'split',
        'must name members of this book, each once, with weights from 1 to 1000',
      );
    case 'INVALID_SETTLEMENT':
      return ValidationError.field(
        'input',
        'must be an amount above zero between you and another member of this book',
      );
    case 'UNSETTLED':
      return unsettledError(context, bookId!, error.unsettled);
  }
}

async function unsettledError(
  context: GraphQLContext,
  bookId: string,
  unsettled: readonly Unsettled[],
): Promise<UnsettledBalanceError> {
  const locale = viewerLocale(context);
  const named = await Promise.all(
    unsettled.map(async (u) => ({
      ...u,
      name: (await personIn(context, bookId, u.withUserId)).name,
    })),
  );
  const parts = named.map(
    (u) =>
      `${formatMoney(u.amountMinor < 0n ? -u.amountMinor : u.amountMinor, u.currency, locale)} with ${u.name}`,
  );
  return new UnsettledBalanceError(`Settle ${parts.join(' and ')} before leaving.`, named);
}
