import { formatMoney, minorToDecimal } from '@spendline/ledger';
import { builder } from './builder.ts';

export interface MoneyShape {
  minor: bigint;
  currency: string;
  /** The viewer's locale, for `formatted`. */
  locale: string;
}

export const MoneyRef = builder.objectRef<MoneyShape>('Money').implement({
  description: 'An exact amount: minor units plus currency, never a float.',
  fields: (t) => ({
    amountMinor: t.field({ type: 'MinorUnits', resolve: (m) => m.minor }),
    currency: t.exposeString('currency', { description: 'ISO-4217 code.' }),
    amount: t.string({
      description: 'The amount as a decimal string in major units, e.g. "120.50".',
      resolve: (m) => minorToDecimal(m.minor, m.currency),
    }),
    formatted: t.string({
      description: 'Ready to show, in the user’s locale, e.g. "₹120.50".',
      resolve: (m) => formatMoney(m.minor, m.currency, m.locale),
    }),
  }),
});

export function money(minor: bigint, currency: string, locale: string): MoneyShape {
  return { minor, currency, locale };
}
