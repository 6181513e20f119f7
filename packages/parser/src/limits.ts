// Turning a read amount into minor units of its currency, or the reason it cannot be
// recorded: zero or negative, more decimals than the currency has, or absurdly large.

import { currencyExponent } from '@spendline/ledger';
import type { AmountCandidate } from './amount.ts';
import type { Prepared } from './context.ts';
import { toMinor } from './numeral.ts';
import type { UnknownResult } from './types.ts';

export type Checked = { kind: 'ok'; amountMinor: bigint; currency: string } | UnknownResult;

export function checkAmount(
  amount: AmountCandidate,
  text: string,
  prepared: Prepared,
  currency: string = amount.currency ?? prepared.currency,
): Checked {
  const exponent = currencyExponent(currency);
  const limitMinor = prepared.maxMajor * 10n ** BigInt(exponent);
  const tooLarge: UnknownResult = {
    kind: 'unknown',
    reason: 'amount_too_large',
    text,
    currency,
    limitMinor,
    detail: 'That amount is more than any single expense could be, so nothing was saved.',
  };
  if (amount.value === 'huge') return tooLarge;
  const minor = amount.value === 'invalid' ? null : toMinor(amount.value, exponent);
  if (minor === null) {
    return {
      kind: 'unknown',
      reason: 'invalid_amount',
      text,
      currency,
      detail:
        amount.value === 'invalid'
          ? "I can't read its amount for certain, so nothing was saved. Write the amount in plain digits, like 1500 or 1,500.50."
          : `${currency} amounts have at most ${exponent} decimal places.`,
    };
  }
  if (minor <= 0n) {
    return {
      kind: 'unknown',
      reason: 'non_positive_amount',
      text,
      detail: 'An expense needs an amount above zero.',
    };
  }
  if (minor > limitMinor) return tooLarge;
  return { kind: 'ok', amountMinor: minor, currency };
}
