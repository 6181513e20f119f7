// A photo's reading, back in the chat as a message of its own: a receipt or a payment
// screen becomes a payment to review (never saved without asking); anything else is
// answered in words. A voice note's transcript is read as if typed (interpret.ts).
import { localDateOf } from '@spendline/ledger';
import type { ReadingContent } from '@spendline/media/reading';
import type { ChatAccount } from './account.ts';
import { paymentDraft, seenBefore } from './alerts.ts';
import { parseFor, type Incoming } from './interpret.ts';
import type { BotEvent, DraftExpense } from './types.ts';

/**
 * What the caption says, read as a message: its amount, date and category win over the
 * photo's. The parser reads category words around an amount, so a caption without one
 * ("lunch with team") is read with a placeholder amount that is then ignored.
 */
function captionOf(account: ChatAccount, caption: string | undefined, now: Date) {
  if (!caption) return null;
  const read = (text: string) => parseFor(account, text, now);
  const own = read(caption);
  if (own.kind === 'expenses' && own.expenses.length === 1) {
    return { expense: own.expenses[0]!, hasAmount: true };
  }
  const placeholder = read(`1 ${caption}`);
  if (placeholder.kind === 'expenses' && placeholder.expenses.length === 1) {
    return { expense: placeholder.expenses[0]!, hasAmount: false };
  }
  return null;
}

function withCaption(draft: DraftExpense, caption: ReturnType<typeof captionOf>): DraftExpense {
  if (!caption) return draft;
  const { expense, hasAmount } = caption;
  const next: DraftExpense = { ...draft };
  if (hasAmount) {
    next.amountMinor = expense.amountMinor.toString();
    next.currency = expense.currency;
    next.concerns = draft.concerns.filter((concern) => concern !== 'amount');
  }
  if (expense.dateExplicit) [next.occurredOn, next.dateExplicit] = [expense.occurredOn, true];
  if (expense.note) next.note = expense.note;
  if (expense.category.status === 'matched') {
    const chosen = { id: expense.category.categoryId, name: expense.category.name };
    next.category = chosen;
    next.candidates = [chosen, ...draft.candidates.filter((c) => c.id !== chosen.id)];
  }
  return next;
}

export async function readingEvent(
  incoming: Incoming,
  account: ChatAccount,
  content: ReadingContent,
): Promise<BotEvent> {
  const at = incoming.at.toISOString();
  const { reading, media } = content;
  if (reading.kind === 'transcript') {
    throw new Error('a transcript is read as typed text, not here');
  }
  if (reading.kind !== 'receipt') return { type: 'MEDIA_NOT_SAVED', at, media, why: reading };
  if (content.duplicateOf) {
    return { type: 'MEDIA_NOT_SAVED', at, media, why: { kind: 'same-photo' } };
  }
  const { reference } = reading;
  if (reference !== null && (await seenBefore(incoming, account, reference))) {
    return { type: 'NOT_AN_ENTRY', at, reason: 'duplicate', reference };
  }
  const amountMinor = reading.amountMinor === null ? null : BigInt(reading.amountMinor);
  const today = localDateOf(incoming.at, account.user.timeZone);
  const draft = await paymentDraft(
    incoming,
    account,
    {
      kind: 'debit',
      amount:
        amountMinor === null || amountMinor <= 0n
          ? null
          : { amountMinor, currency: reading.currency ?? account.user.currency },
      // A bill dated after today is a misreading (paymentDraft drops it too).
      date: reading.date !== null && reading.date <= today ? reading.date : null,
      payee: reading.merchant ? { name: reading.merchant, handle: null } : null,
      reference,
    },
    {
      from: reading.payment ? 'payment' : 'receipt',
      ...(content.attachmentId ? { attachmentId: content.attachmentId } : {}),
    },
  );
  const expense = withCaption(draft, captionOf(account, content.caption, incoming.at));
  return { type: 'EXPENSES', at, expenses: [expense] };
}
