import { describe, expect, it } from 'vitest';
import type { AmountCandidate } from './amount.ts';
import { prepare } from './context.ts';
import { contexts } from './corpus/contexts.ts';
import { checkAmount } from './limits.ts';

function candidate(value: AmountCandidate['value'], currency: string | null = null) {
  return {
    start: 0,
    end: 1,
    value,
    currency,
    strength: 1,
    expression: false,
  } satisfies AmountCandidate;
}

describe('checkAmount', () => {
  const prepared = prepare(contexts.india);

  it('gives minor units in the currency’s own exponent', () => {
    expect(checkAmount(candidate({ units: 1205n, scale: 1 }), '120.5', prepared)).toEqual({
      kind: 'ok',
      amountMinor: 12050n,
      currency: 'INR',
    });
    expect(checkAmount(candidate({ units: 500n, scale: 0 }, 'JPY'), '¥500', prepared)).toEqual({
      kind: 'ok',
      amountMinor: 500n,
      currency: 'JPY',
    });
  });

  it('refuses amounts that would need rounding', () => {
    expect(
      checkAmount(candidate({ units: 125n, scale: 1 }, 'JPY'), '¥12.5', prepared),
    ).toMatchObject({ reason: 'invalid_amount', currency: 'JPY' });
  });

  it('refuses zero and negative amounts', () => {
    expect(checkAmount(candidate({ units: 0n, scale: 0 }), '0', prepared)).toMatchObject({
      reason: 'non_positive_amount',
    });
    expect(checkAmount(candidate({ units: -5n, scale: 0 }), '-5', prepared)).toMatchObject({
      reason: 'non_positive_amount',
    });
  });

  it('refuses amounts beyond the limit, which the context may set', () => {
    const billion = { units: 1_000_000_000n, scale: 0 };
    expect(checkAmount(candidate(billion), '100 crore', prepared)).toMatchObject({ kind: 'ok' });
    expect(
      checkAmount(candidate({ units: 1_000_000_001n, scale: 0 }), '...', prepared),
    ).toMatchObject({ reason: 'amount_too_large', limitMinor: 100_000_000_000n });
    const strict = prepare({ ...contexts.india, maxAmountMajor: 10_000n });
    expect(checkAmount(candidate({ units: 10_001n, scale: 0 }), '10001', strict)).toMatchObject({
      reason: 'amount_too_large',
      limitMinor: 1_000_000n,
    });
    expect(checkAmount(candidate('huge'), '9999…', prepared)).toMatchObject({
      reason: 'amount_too_large',
    });
  });
});
