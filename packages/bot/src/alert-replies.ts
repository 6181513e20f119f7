// What the bot says about forwarded bank and card alerts, in the user's language. Money
// and dates arrive formatted in the user's currency and locale.
import { chatTranslator, type ChatKey } from '@spendline/i18n';
import { LIMITS } from '@spendline/whatsapp';
import type { NothingSaved } from './types.ts';

const why: Record<Exclude<NothingSaved, 'duplicate'>, ChatKey> = {
  otp: 'alertNothingOtp',
  promotion: 'alertNothingPromotion',
  balance: 'alertNothingBalance',
  failed: 'alertNothingFailed',
  request: 'alertNothingRequest',
  reminder: 'alertNothingReminder',
  transfer: 'alertNothingTransfer',
  notice: 'alertNothingNotice',
};

const flag = (on: boolean) => (on ? 'yes' : 'no');

function build(tag: string) {
  const t = chatTranslator(tag);
  return {
    /** "Debit to swiggy@icici, Thu, 3 Dec" */
    label: (income: boolean, payee: string | null, date: string) =>
      payee
        ? t(income ? 'alertLabelCreditFrom' : 'alertLabelDebitTo', { payee, date })
        : t(income ? 'alertLabelCredit' : 'alertLabelDebit', { date }),
    review: (label: string, amount: string, category: string | null, reminder: boolean) =>
      category
        ? t('alertReview', { label, amount, category, reminder: flag(reminder) })
        : t('alertReviewUncategorised', { label, amount, reminder: flag(reminder) }),
    noAmount: (label: string, reminder: boolean) =>
      t('alertNoAmount', { label, reminder: flag(reminder) }),
    newAmount: (label: string, amount: string, reminder: boolean) =>
      t('alertNewAmount', { label, amount, reminder: flag(reminder) }),
    save: t('alertSave'),
    change: t('alertChange'),
    /** "Keep ₹450.00"; just "Keep it" when the amount is too long for a button. */
    keep: (amount: string) => {
      const title = t('alertKeep', { amount });
      return title.length <= LIMITS.buttonTitle ? title : t('alertKeepPlain');
    },
    cancel: t('alertCancel'),
    nothingSaved: (reason: Exclude<NothingSaved, 'duplicate'>) => t(why[reason]),
    duplicate: (entry: string | null, reference: string) =>
      entry ? t('alertDuplicate', { entry, reference }) : t('alertDuplicateUnknown', { reference }),
    waiting: (reference: string) => t('alertWaiting', { reference }),
  };
}

export type AlertReplies = ReturnType<typeof build>;

const byTag = new Map<string, AlertReplies>();

/** The alert replies in the language of a user's tag, built once per tag. */
export function alertRepliesFor(tag: string): AlertReplies {
  let replies = byTag.get(tag);
  if (!replies) {
    replies = build(tag);
    byTag.set(tag, replies);
  }
  return replies;
}
