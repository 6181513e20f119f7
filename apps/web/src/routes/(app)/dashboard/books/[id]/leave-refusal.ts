// Leaving is refused while the reader's balance is not zero: the sentence names each
// member to settle with and the amount, in the reader's language (the api's message is
// English).
import type { BooksTranslate } from '#lib/i18n/books-catalog.ts';
import { nameFormerMembers } from './former-members.ts';

export interface SettleWith {
  person: { name: string; former: boolean };
  amount: { formatted: string };
}

/** "Settle ₹600.00 with Asha and ₹200.00 with Ravi before leaving." */
export function leaveRefusal(
  people: readonly SettleWith[],
  t: BooksTranslate,
  locale: string,
): string {
  const named = nameFormerMembers(people, t('formerMember'));
  const parts = named.map(({ person, amount }) =>
    t('leaveUnsettledWith', { amount: amount.formatted, name: person.name }),
  );
  const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts);
  return t('leaveUnsettled', { people: list });
}
