// How an amount is shared among members, in minor units: the shares always sum exactly
// to the amount, so no paisa appears or vanishes in a book's balances.

/** The largest weight one member may carry ("2:1" has 2 and 1). */
export const MAX_WEIGHT = 1000n;

/**
 * Shares `amountMinor` in proportion to `weights` (all 1 for an equal split). Each share is
 * the exact proportion rounded down; the minor units left over go one at a time to the
 * members with the largest fractional part, ties to the earlier member, so the shares sum
 * to the amount and none is more than one unit from its exact proportion.
 */
export function splitAmount(amountMinor: bigint, weights: readonly bigint[]): bigint[] {
  if (amountMinor < 0n) throw new RangeError('The amount to split must not be negative.');
  if (weights.length === 0) throw new RangeError('A split needs at least one member.');
  if (weights.some((weight) => weight <= 0n || weight > MAX_WEIGHT))
    throw new RangeError(`Each weight must be from 1 to ${MAX_WEIGHT}.`);
  const total = weights.reduce((sum, weight) => sum + weight, 0n);
  const shares = weights.map((weight) => (amountMinor * weight) / total);
  // Same denominator for all, so the remainders order the fractional parts.
  const remainders = weights.map((weight) => (amountMinor * weight) % total);
  let left = amountMinor - shares.reduce((sum, share) => sum + share, 0n);
  const order = weights
    .map((_, index) => index)
    .sort((a, b) => {
      const diff = remainders[b]! - remainders[a]!;
      return diff === 0n ? a - b : diff > 0n ? 1 : -1;
    });
  for (const index of order) {
    if (left === 0n) break;
    shares[index]! += 1n;
    left -= 1n;
  }
  return shares;
}
