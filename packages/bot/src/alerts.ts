// Forwarded bank and card alerts in the chat: what one becomes before anyone is asked (a
// payment waiting for Save, Change or Cancel, or a plain "nothing saved" and why), and the
// typed answers to those questions.
import { randomUUID } from 'node:crypto';
import { sql } from '@spendline/db';
import { localDateOf } from '@spendline/ledger';
import { payeeWord, readAlert, type AlertEntry, type Payee } from '@spendline/parser';
import type { ChatAccount } from './account.ts';
import { defaultBook } from './book-reading.ts';
import { candidates, parseFor, type Incoming } from './interpret.ts';
import type { BotContext, BotEvent, CategoryRef, DraftExpense, ReviewAnswer } from './types.ts';

const SAVE = new Set(['save', 'yes', 'y', 'ok', 'okay', 'haan', 'ha', 'sure']);
const CHANGE = new Set(['change', 'edit', 'fix', 'correct']);
const CANCEL = new Set(['cancel', 'no', 'n', 'nope', 'nahi', "don't", 'dont', 'skip']);
const KEEP = new Set(['keep', 'same', 'as is']);

const word = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');

/** The user's category a payee's words name (through names and learned aliases), if any. */
function categoryOfPayee(account: ChatAccount, payee: Payee | null): CategoryRef | null {
  if (!payee) return null;
  const handle = payee.handle ? payee.handle.slice(0, payee.handle.indexOf('@')) : '';
  const words = [payeeWord(payee), ...`${handle} ${payee.name}`.toLowerCase().split(/[^a-z0-9]+/)];
  for (const w of words.filter((w) => w.length >= 2)) {
    const found = account.categories.find((c) => c.nameKey === w || c.aliases.includes(w));
    if (found) return { id: found.id, name: found.name };
  }
  return null;
}

/** Whether this payment is already stored (live) or waiting in this chat for an answer. */
export async function seenBefore(incoming: Incoming, account: ChatAccount, reference: string) {
  if (incoming.context.queue.some((draft) => draft.alert?.reference === reference)) return true;
  const [row] = await incoming.tx.rows<{ id: string }>(sql`
    SELECT id FROM expenses
     WHERE user_id = ${account.user.id}::uuid AND reference = ${reference}
       AND deleted_at IS NULL`);
  return row !== undefined;
}

/** A payment read from an alert, a receipt or a payment screen, as a draft to review. */
export async function paymentDraft(
  incoming: Incoming,
  account: ChatAccount,
  alert: Pick<AlertEntry, 'kind' | 'amount' | 'date' | 'payee' | 'reference'>,
  evidence: Pick<NonNullable<DraftExpense['alert']>, 'from' | 'attachmentId'> = {},
): Promise<DraftExpense> {
  const { user } = account;
  const income = alert.kind === 'credit';
  const other = account.categories.find((c) => c.nameKey === 'other') ?? null;
  const fallback = other && { id: other.id, name: other.name };
  const category = income ? null : categoryOfPayee(account, alert.payee);
  const ranked = income
    ? []
    : await candidates(incoming.tx, user, { status: 'none', words: [] }, fallback);
  const today = localDateOf(incoming.at, user.timeZone);
  // A day after today is a misreading: the payment arrived today at the latest.
  const date = alert.date !== null && alert.date <= today ? alert.date : null;
  // Like a typed entry, spending goes to the book chosen with "use home".
  const book = income ? null : await defaultBook(incoming.tx, user);
  return {
    id: randomUUID(),
    messageId: incoming.messageId,
    ...(income ? { kind: 'INCOME' as const } : {}),
    amountMinor: alert.amount?.amountMinor.toString() ?? '0',
    currency: alert.amount?.currency ?? user.currency,
    occurredOn: date ?? today,
    dateExplicit: date !== null,
    note: alert.payee?.name ?? '',
    text: alert.payee?.name ?? 'bank message',
    category,
    word: alert.payee ? payeeWord(alert.payee) : null,
    // The category the payee names comes first when the user changes it.
    candidates: category ? [category, ...ranked.filter((c) => c.id !== category.id)] : ranked,
    newCategoryId: randomUUID(),
    other: income ? null : fallback,
    concerns: alert.amount ? ['review'] : ['amount', 'review'],
    alert: { payee: alert.payee?.name ?? null, reference: alert.reference, ...evidence },
    ...(book ? { book } : {}),
  };
}

/**
 * A forwarded alert as the machine's event, never an entry saved without asking; null
 * when the text is no alert.
 */
export async function alertEvent(
  incoming: Incoming,
  account: ChatAccount,
  text: string,
): Promise<BotEvent | null> {
  const reading = readAlert(text);
  if (reading === null) return null;
  const at = incoming.at.toISOString();
  if (reading.kind === 'none') return { type: 'NOT_AN_ENTRY', at, reason: reading.reason };
  const { reference } = reading;
  if (reference !== null && (await seenBefore(incoming, account, reference))) {
    return { type: 'NOT_AN_ENTRY', at, reason: 'duplicate', reference };
  }
  return { type: 'EXPENSES', at, expenses: [await paymentDraft(incoming, account, reading)] };
}

/** Just an amount ("450", "₹450", "rs 450.50"): anything more is a new message. */
function amountOnly(account: ChatAccount, text: string, now: Date) {
  const result = parseFor(account, text, now);
  if (result.kind !== 'expenses' || result.expenses.length !== 1) return null;
  const [expense] = result.expenses;
  if (!expense || expense.note !== '' || expense.category.status !== 'none') return null;
  if (expense.category.words.length > 0 || expense.dateExplicit) return null;
  return { amountMinor: expense.amountMinor.toString(), currency: expense.currency };
}

/** A typed answer to an alert's question (Save, Change, Cancel, or the amount asked for). */
export function alertAnswer(
  context: BotContext,
  account: ChatAccount,
  text: string,
  now: Date,
): BotEvent | null {
  const kind = context.question?.kind;
  if (kind !== 'review' && kind !== 'amount') return null;
  const at = now.toISOString();
  const typed = word(text);
  const answer = (answer: ReviewAnswer): BotEvent => ({ type: 'REVIEW_ANSWERED', at, answer });
  if (CANCEL.has(typed)) return answer('cancel');
  if (kind === 'review') {
    if (SAVE.has(typed)) return answer('save');
    return CHANGE.has(typed) ? answer('change') : null;
  }
  if (KEEP.has(typed)) return answer('keep');
  const amount = amountOnly(account, text, now);
  return amount ? { type: 'AMOUNT_GIVEN', at, ...amount } : null;
}
