// Saving expenses aimed at shared books: each through the books module with its split,
// a line under its confirmation with the shares, and a notice to the members who follow
// the book. The rest are recorded as the person's own, in one batch.
import {
  BookRefusal,
  bookMembers,
  membersToNotify,
  recordBookEntry,
  type RecordedShare,
  type SplitInput,
} from '@spendline/books';
import type { User } from '@spendline/db';
import {
  recordEntries,
  type EntryDraft,
  type Recorded,
  type RecordOptions,
} from '@spendline/entries';
import { formatMoney } from '@spendline/ledger';
import { tell } from '../book-notices.ts';
import { peopleOf } from '../book-people.ts';
import { bookReplies, type BookSay } from '../book-replies.ts';
import type { DraftBook, DraftExpense } from '../types.ts';
import type { EffectScope } from './scope.ts';

export interface RecordedWithBooks extends Recorded {
  /** The line under an expense's confirmation, by draft id: its book and shares. */
  bookLines: Map<string, string>;
}

function splitInput(book: DraftBook): SplitInput {
  const { split } = book;
  if (split === null) return { kind: 'equal' };
  const [only] = split.shares;
  if (split.how === 'for' && only && split.shares.length === 1) {
    return { kind: 'for', userId: only.userId };
  }
  if (split.how === 'ratio') {
    return {
      kind: 'weighted',
      weights: split.shares.map((s) => ({ userId: s.userId, weight: BigInt(s.weight) })),
    };
  }
  return { kind: 'equal', userIds: split.shares.map((s) => s.userId) };
}

/** "📒 Home · you ₹400.00, Rahul ₹400.00, Priya ₹400.00". */
async function sharesLine(
  scope: EffectScope,
  user: User,
  book: DraftBook,
  shares: readonly RecordedShare[],
  currency: string,
  say: BookSay,
): Promise<string> {
  const names = new Map(
    (await bookMembers(scope.tx, book.id)).map((m) => [m.userId, m.displayName]),
  );
  const parts = shares.map((s) =>
    say('share', {
      name: s.userId === user.id ? say('you') : (names.get(s.userId) ?? '?'),
      amount: formatMoney(s.shareMinor, currency, user.locale),
    }),
  );
  return say('savedIn', { book: book.name, shares: parts.join(', ') });
}

/** Tells the members who follow the book what was added, and their share of it. */
async function noticeMembers(
  scope: EffectScope,
  user: User,
  expense: DraftExpense,
  book: DraftBook,
  shares: readonly RecordedShare[],
): Promise<void> {
  const readers = await peopleOf(scope.tx, await membersToNotify(scope.tx, book.id, user.id));
  for (const reader of readers.values()) {
    const share = shares.find((s) => s.userId === reader.id);
    await tell(scope.tx, reader, scope.now, (say) =>
      say('addedNotice', {
        adder: user.displayName,
        amount: formatMoney(BigInt(expense.amountMinor), expense.currency, reader.locale),
        what: expense.category?.name ?? (expense.note || '…'),
        book: book.name,
        hasShare: share ? 'yes' : 'no',
        share: share ? formatMoney(share.shareMinor, expense.currency, reader.locale) : '',
      }),
    );
  }
}

/**
 * Records the drafts (`drafts[i]` is `expenses[i]` as an entry). One a book refuses (a
 * member left meanwhile) is kept as the person's own, and its line says so.
 */
export async function recordWithBooks(
  scope: EffectScope,
  user: User,
  expenses: readonly DraftExpense[],
  drafts: readonly EntryDraft[],
  options: RecordOptions,
): Promise<RecordedWithBooks> {
  const say = bookReplies(user.locale);
  const bookLines = new Map<string, string>();
  const own = expenses.flatMap((expense, i) => (expense.book ? [] : [drafts[i]!]));
  const ids: string[] = [];
  const alerts: Recorded['alerts'] = [];
  let totals: Recorded['totals'] = [];
  for (const [i, expense] of expenses.entries()) {
    const { book } = expense;
    if (!book) continue;
    try {
      const recorded = await recordBookEntry(
        scope.tx,
        user,
        book.id,
        drafts[i]!,
        splitInput(book),
        {
          ...options,
          source: 'WHATSAPP',
        },
      );
      // Each write sums the span again, this one included: the last sum is the day's.
      totals = recorded.totals;
      if (recorded.id === null) continue;
      ids.push(recorded.id);
      alerts.push(...recorded.alerts);
      bookLines.set(
        expense.id,
        await sharesLine(scope, user, book, recorded.shares, expense.currency, say),
      );
      await noticeMembers(scope, user, expense, book, recorded.shares);
    } catch (error) {
      if (!(error instanceof BookRefusal)) throw error;
      bookLines.set(expense.id, say('notInBook', { book: book.name }));
      own.push(drafts[i]!);
    }
  }
  if (own.length > 0) {
    const recorded = await recordEntries(scope.tx, user, own, 'WHATSAPP', options);
    ids.push(...recorded.ids);
    alerts.push(...recorded.alerts);
    totals = recorded.totals;
  }
  return { ids, alerts, totals, bookLines };
}
