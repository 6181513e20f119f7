// What the bot says about forwarded bank and card alerts. Money and dates arrive
// formatted in the user's currency and locale.
import type { NothingSaved } from './types.ts';

const NOTHING = 'nothing saved.';

const why: Record<Exclude<NothingSaved, 'duplicate'>, string> = {
  otp: `That's a one-time password message, not a payment: ${NOTHING}`,
  promotion: `That's an offer from a bank or an app, not a payment: ${NOTHING}`,
  balance: `That's a balance update, not a payment: ${NOTHING}`,
  failed: `That payment failed, was declined or was reversed, so no money moved: ${NOTHING}`,
  request: `That's a request for money, not a payment: ${NOTHING} Forward the debit message once you pay.`,
  reminder: `That's a reminder of a payment due, not a payment: ${NOTHING} Forward the debit message once it is paid.`,
  transfer: `That moves money between your own accounts (a card bill, a wallet top-up), so it isn't spending: ${NOTHING}`,
  notice: `That bank message is about no payment: ${NOTHING}`,
};

export const alertReplies = {
  /** "Debit to swiggy@icici, Thu, 3 Dec" */
  label: (income: boolean, payee: string | null, date: string) =>
    `${income ? 'Credit' : 'Debit'}${payee ? ` ${income ? 'from' : 'to'} ${payee}` : ''}, ${date}`,
  review: (label: string, amount: string, category: string | null, reminder: boolean) =>
    `${reminder ? 'Still waiting: ' : ''}${label}: ${amount}${category ? ` · ${category}?` : '. Save it?'}`,
  noAmount: (label: string, reminder: boolean) =>
    `${reminder ? 'Still waiting: how' : `I couldn't find the amount in that bank message (${label}). How`} much was it? Send just the amount, e.g. 450.`,
  newAmount: (label: string, amount: string, reminder: boolean) =>
    `${reminder ? 'Still waiting: what' : 'What'} is the right amount for ${label} (read as ${amount})? Send just the amount, e.g. 450.`,
  save: 'Save',
  change: 'Change',
  keep: (amount: string) => `Keep ${amount}`,
  cancel: 'Cancel',
  nothingSaved: (reason: Exclude<NothingSaved, 'duplicate'>) => why[reason],
  duplicate: (entry: string | null, reference: string) =>
    `Already recorded: ${entry ?? 'that payment'} (ref ${reference}). Not saved again.`,
  waiting: (reference: string) =>
    `That payment (ref ${reference}) is already waiting for your answer.`,
};
