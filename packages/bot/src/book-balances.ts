// Balances as the chat shows them (who pays whom, the fewest transfers, per currency),
// and settling up with one member.
import {
  BookRefusal,
  bookBalances,
  findMemberBook,
  membersToNotify,
  settle,
  settleUpPlan,
  type BookMember,
  type MemberBook,
  type Transfer,
} from '@spendline/books';
import type { User } from '@spendline/db';
import { formatMoney } from '@spendline/ledger';
import type { BookCommand } from '@spendline/parser';
import { booksWithMembers, memberNamed, nameOf, noSuchBook, peopleOf } from './book-people.ts';
import { tell } from './book-notices.ts';
import type { BookSay } from './book-replies.ts';
import type { Tx } from './effects/scope.ts';

type Settle = Extract<BookCommand, { type: 'settle' }>;

/** The book's settle-up plan in lines from the reader's side: "Rahul owes you ₹400.00". */
export async function balancesText(tx: Tx, user: User, book: MemberBook, say: BookSay) {
  const plan = settleUpPlan(await bookBalances(tx, book.id));
  if (plan.length === 0) return say('allSettled', { book: book.name });
  const people = await peopleOf(
    tx,
    plan.flatMap((t) => [t.from, t.to]),
  );
  const name = (id: string) => nameOf(people.get(id), say);
  const lines = plan.map((t) => {
    const amount = formatMoney(t.amountMinor, t.currency, user.locale);
    if (t.from === user.id) return say('youOwe', { name: name(t.to), amount });
    if (t.to === user.id) return say('owesYou', { name: name(t.from), amount });
    return say('owes', { from: name(t.from), to: name(t.to), amount });
  });
  return [say('balancesTitle', { book: book.name }), ...lines].join('\n');
}

/** Who pays whom how much: the plan's transfer between the two, or the amount said. */
function payment(
  command: Settle,
  user: User,
  member: BookMember,
  plan: readonly Transfer[],
): { from: string; to: string; amountMinor: bigint; currency: string } | null {
  const between = plan.filter(
    (t) =>
      (t.from === user.id && t.to === member.userId) ||
      (t.from === member.userId && t.to === user.id),
  );
  const owed = between.find((t) => t.currency === command.currency) ?? null;
  if (command.amountMinor === null) {
    const whole = owed ?? between[0];
    return whole ? { ...whole } : null;
  }
  const { amountMinor, currency } = command;
  if (command.direction === 'toMe')
    return { from: member.userId, to: user.id, amountMinor, currency };
  // "settled 400 with rahul" pays down whichever way the debt runs; with none, the sender paid.
  if (owed && owed.to === user.id)
    return { from: member.userId, to: user.id, amountMinor, currency };
  return { from: user.id, to: member.userId, amountMinor, currency };
}

/** What settling answers, and the settlement recorded (for its Undo), if one was. */
export interface Settled {
  text: string;
  settlementId: string | null;
}

/** "settled 400 with rahul", "rahul paid me 400", "settled up with rahul in goa trip". */
export async function settleUp(
  tx: Tx,
  user: User,
  command: Settle,
  now: Date,
  say: BookSay,
): Promise<Settled> {
  const text = (words: string): Settled => ({ text: words, settlementId: null });
  const named = command.book === null ? null : await findMemberBook(tx, user.id, command.book);
  if (command.book !== null && named === null) {
    return text(await noSuchBook(tx, user, command.book, say));
  }
  const all = await booksWithMembers(tx, user.id);
  const books = named ? all.filter((b) => b.book.id === named.id) : all;
  const shared = books.flatMap(({ book, members }) => {
    const member = memberNamed(members, user, command.member);
    return member ? [{ book, member }] : [];
  });
  if (shared.length === 0) return text(say('noSuchMember', { name: command.member }));
  const chosen =
    shared.length === 1 ? shared[0]! : shared.find((s) => s.book.id === user.defaultBookId);
  if (!chosen) {
    return text(
      say('whichBook', {
        name: command.member,
        books: shared.map((s) => s.book.name).join(', '),
        book: shared[0]!.book.name,
      }),
    );
  }
  const { book, member } = chosen;
  const paid = payment(command, user, member, settleUpPlan(await bookBalances(tx, book.id)));
  if (!paid) return text(say('nothingToSettle', { name: member.displayName, book: book.name }));
  let settlementId: string;
  try {
    ({ id: settlementId } = await settle(tx, user.id, book.id, {
      fromUserId: paid.from,
      toUserId: paid.to,
      amountMinor: paid.amountMinor,
      currency: paid.currency,
      occurredAt: now,
    }));
  } catch (error) {
    if (error instanceof BookRefusal) return text(say('invalidSettlement'));
    throw error;
  }
  const byMe = paid.from === user.id;
  if ((await membersToNotify(tx, book.id, user.id)).includes(member.userId)) {
    const reader = (await peopleOf(tx, [member.userId])).get(member.userId);
    if (reader) {
      await tell(tx, reader, now, (theirs) =>
        theirs(byMe ? 'settleNoticePaid' : 'settleNoticeGot', {
          name: user.displayName,
          amount: formatMoney(paid.amountMinor, paid.currency, reader.locale),
          book: book.name,
        }),
      );
    }
  }
  const amount = formatMoney(paid.amountMinor, paid.currency, user.locale);
  const done = say(byMe ? 'settledPaid' : 'settledGot', {
    name: member.displayName,
    amount,
    book: book.name,
  });
  return { text: `${done}\n\n${await balancesText(tx, user, book, say)}`, settlementId };
}
