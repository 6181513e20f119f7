// Numbers as typed, read exactly: a bigint of digits and a count of decimal places.
// "12.50" is { units: 1250n, scale: 2 }; no step ever goes through a float.

export interface Decimal {
  units: bigint;
  scale: number;
}

/** Not a number people write ("1,2,3"), or more digits than any amount could have. */
export type Numeral = Decimal | 'invalid' | 'huge';

// 10^15 major units overflows every limit; longer digit strings are not worth a BigInt.
const MAX_DIGITS = 24;

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** 1,200 / 120,000 / 1,200,000 and Indian 1,20,000 / 12,34,567 (the last group is 3). */
function validGrouping(intPart: string, mark: string): boolean {
  const groups = intPart.split(mark);
  const first = groups[0] ?? '';
  if (!isDigits(first) || first.length > 3) return false;
  let western = true;
  let indian = mark === ',' && groups.length >= 3 && first.length <= 2;
  for (let g = 1; g < groups.length; g++) {
    const group = groups[g] ?? '';
    if (!isDigits(group)) return false;
    const last = g === groups.length - 1;
    if (group.length !== 3) western = false;
    if (group.length !== (last ? 3 : 2)) indian = false;
  }
  return western || indian;
}

/**
 * Reads "1,200.50", "1.200,50", "1 200", "1'200", "12,50", "1,20,000".
 *
 * Which mark is the decimal one is decided by the pattern, not the locale:
 * - both "." and "," present: the last one is decimal, the other groups;
 * - one mark, repeated: it groups ("1,20,000", "1.200.000");
 * - one mark once: decimal, except between 1-3 digits and exactly three ("1,200",
 *   "1.200"), which groups thousands, since no currency but a few in the Gulf has three
 *   decimals. For those (`threeDecimalMark`, the locale's decimal mark when the currency
 *   has three decimals) the tie goes to the decimal reading. "0.500" is always decimal,
 *   and so is a "." before a multiplier (`scaled`): "1.234k" is 1234.
 * - spaces and apostrophes only ever group; a mark after them is decimal ("1 200,50").
 */
export function parseNumeral(
  text: string,
  threeDecimalMark: string | null,
  scaled = false,
): Numeral {
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  let other = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '.') {
      dots++;
      lastDot = i;
    } else if (ch === ',') {
      commas++;
      lastComma = i;
    } else if (ch === ' ' || ch === "'") {
      if (other !== '' && other !== ch) return 'invalid';
      other = ch;
    }
  }

  let decimalAt = -1;
  let groupMark = other;
  if (dots > 0 && commas > 0) {
    const last = Math.max(lastDot, lastComma);
    const decimalMark = last === lastDot ? '.' : ',';
    if ((decimalMark === '.' ? dots : commas) !== 1 || other !== '') return 'invalid';
    decimalAt = last;
    groupMark = decimalMark === '.' ? ',' : '.';
  } else if (dots > 0 || commas > 0) {
    const mark = dots > 0 ? '.' : ',';
    const at = dots > 0 ? lastDot : lastComma;
    if (dots + commas > 1) {
      if (other !== '') return 'invalid';
      groupMark = mark;
    } else {
      const intPart = text.slice(0, at);
      const groupsThousands =
        other === '' &&
        text.length - at - 1 === 3 &&
        intPart.length <= 3 &&
        intPart !== '0' &&
        threeDecimalMark !== mark &&
        !(scaled && mark === '.');
      if (groupsThousands) groupMark = mark;
      else decimalAt = at;
    }
  }

  const intPart = decimalAt >= 0 ? text.slice(0, decimalAt) : text;
  const fraction = decimalAt >= 0 ? text.slice(decimalAt + 1) : '';
  if (decimalAt >= 0 && !isDigits(fraction)) return 'invalid';
  let digits = intPart;
  if (groupMark !== '') {
    if (!validGrouping(intPart, groupMark)) return 'invalid';
    digits = intPart.replaceAll(groupMark, '');
  } else if (!isDigits(intPart)) {
    return 'invalid';
  }
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  if (trimmed.length + fraction.length > MAX_DIGITS) return 'huge';
  return { units: BigInt(trimmed + fraction), scale: fraction.length };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.units, b.units, a.scale];
  if (a.scale > b.scale) return [a.units, b.units * 10n ** BigInt(a.scale - b.scale), a.scale];
  return [a.units * 10n ** BigInt(b.scale - a.scale), b.units, b.scale];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { units: x + y, scale };
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function negate(a: Decimal): Decimal {
  return { units: -a.units, scale: a.scale };
}

/** Times 10^power: "1.5" k -> 1500, "2.5" L -> 250000. */
export function shift(a: Decimal, power: number): Decimal {
  if (a.scale >= power) return { units: a.units, scale: a.scale - power };
  return { units: a.units * 10n ** BigInt(power - a.scale), scale: 0 };
}

/**
 * Minor units for a currency with `exponent` decimals, or null when that would need
 * rounding (12.345 rupees, 12.5 yen): a silently changed amount is worse than asking.
 */
export function toMinor(a: Decimal, exponent: number): bigint | null {
  if (a.scale <= exponent) return a.units * 10n ** BigInt(exponent - a.scale);
  const divisor = 10n ** BigInt(a.scale - exponent);
  if (a.units % divisor !== 0n) return null;
  return a.units / divisor;
}
