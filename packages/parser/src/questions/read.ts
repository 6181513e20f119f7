// parseQuestion(text, context): a question about one's own spending ("how much did I
// spend on food last month", "uber in november", "top 3 categories this month",
// "pichle mahine food pe kitna kharcha hua") read into a typed Question, or null when the
// message is not one. It is a separate pass from parse(): expenses never pay for it.

import { readAmount } from '../amount.ts';
import { resolveCategory } from '../categories.ts';
import { prepare, type Prepared } from '../context.ts';
import { checkAmount } from '../limits.ts';
import { normalize, tokenize, type Token } from '../tokenize.ts';
import type { ParseContext } from '../types.ts';
import { FILLERS, MONTHS, wordSet } from '../words.ts';
import { periodAt, thisMonth } from './periods.ts';
import type {
  Question,
  QuestionFilter,
  QuestionMeasure,
  QuestionPeriod,
  QuestionResult,
} from './types.ts';

// prettier-ignore
const ASKING = wordSet([
  'how', 'what', 'whats', 'which', 'when', 'where', 'did', 'have', 'kitna', 'kitne', 'kitni',
  'kya', 'kab', 'kaha', 'kahan', 'कितना', 'क्या', 'quanto', 'cuánto', 'cuanto', 'berapa',
]);
// prettier-ignore
const QUESTION_FILLERS = wordSet([
  ...FILLERS, 'how', 'much', 'what', 'whats', 'did', 'do', 'does', 'have', 'has', 'had',
  'am', 'are', 'be', 'been', 'money', 'order', 'ordered', 'orders', 'go', 'went', 'use', 'used',
  'take', 'took', 'there', 'any', 'so', 'far', 'till', 'now', 'until', 'tell', 'please',
  'pls', 'plz', 'kitna', 'kitne', 'kitni', 'kya', 'hua', 'hue', 'maine', 'mera', 'mere',
  'meri', 'batao', 'bata', 'paisa', 'paise', 'rupees', 'rs', 'kar', 'kari', 'kiye', 'total',
  'overall', 'altogether', 'all', 'in', 'during', 'spend', 'spent', 'spending', 'expense',
  'expenses', 'kharcha', 'मैंने', 'कितना', 'क्या', 'हुआ', 'this', 'that', 'we', 'you',
  'quanto', 'cuánto', 'cuanto', 'berapa', 'get', 'got', 'make', 'made', 'purchase',
  'purchases', 'buy', 'bought', 'payment', 'payments', 'ordering', 'eat', 'ate', 'per', 'were',
  'anything', 'something', 'stuff', 'spends', 'ride', 'rides', 'category', 'gaya', 'gayi',
  'pengeluaran', 'ini', 'itu', 'semua', 'este', 'esta', 'neste', 'nesta', 'isso', 'esto', 'eso',
  'इस', 'कुल', 'हुए',
]);
// Words that make a bare question one about money: "how much?", "what did I spend?".
// prettier-ignore
const SPENDING = wordSet([
  'much', 'spend', 'spent', 'spending', 'spends', 'expense', 'expenses', 'kharcha', 'money',
  'paisa', 'paise', 'rupees', 'rs', 'total', 'overall', 'altogether', 'purchase', 'purchases',
  'payment', 'payments', 'buy', 'bought', 'cost', 'paid', 'kitna', 'kitne', 'kitni', 'कितना',
  'quanto', 'cuánto', 'cuanto', 'berapa', 'gastei', 'gasté', 'gaste', 'gasto', 'gastos',
  'habis', 'pengeluaran', 'खर्च', 'kharch',
]);
const FOLLOW = wordSet(['and', 'aur', 'also', 'or', 'then']);
const ABOUT = wordSet(['about', 'abt', 'for']);
const ABOUT_LEAD = wordSet(['what', 'how', 'whats']);
const COMPARE = wordSet(['vs', 'versus', 'v', 'compare', 'compared', 'comparison', 'against']);
const MORE = wordSet(['more', 'next', 'aage']);
const ABOVE = wordSet(['over', 'above', 'exceeding', 'beyond', 'upar']);
const BELOW = wordSet(['under', 'below', 'beneath', 'neeche']);
const THAN_ABOVE = wordSet(['more', 'greater', 'bigger', 'higher', 'larger', 'costlier']);
const THAN_BELOW = wordSet(['less', 'smaller', 'lower', 'cheaper', 'fewer']);
const ZYADA = wordSet(['zyada', 'jyada', 'zyaada', 'adhik', 'upar']);
const KAM = wordSet(['kam', 'neeche']);
const COUNT = wordSet(['many', 'times', 'count', 'baar', 'often', 'number', 'frequently']);
const AVERAGE = wordSet(['average', 'avg', 'mean', 'daily', 'roz', 'rozana']);
const DAY = wordSet(['day', 'din', 'daily']);
// prettier-ignore
const BIGGEST = wordSet([
  'biggest', 'largest', 'highest', 'max', 'maximum', 'costliest', 'priciest', 'expensive',
  'sabse', 'bada', 'badi', 'bade', 'big', 'most',
]);
const TOP = wordSet(['top', 'categories', 'breakdown', 'categorywise', 'wise', 'where']);
// One word for "show them" in each language, as its replies suggest it.
// prettier-ignore
const SHOW_THEM = [
  'mostrar', 'mostra', 'mostre', 'muestra', 'muéstralos', 'muestralos', 'tampilkan',
  'tunjukkan', 'dikhao', 'दिखाओ',
];
// prettier-ignore
const LIST = wordSet([
  'list', 'show', 'entries', 'entry', 'transactions', 'items', 'which', 'lançamentos',
  'registros', 'catatan', ...SHOW_THEM,
]);
const THEM = wordSet(['them', 'those', 'these', 'ones', 'it', ...SHOW_THEM]);
const ANY = wordSet(['did', 'have', 'kya', 'any']);
const MAX_TOP = 20;
const DEFAULT_TOP = 3;
const MAX_QUESTION_LENGTH = 300;

/** Words worth a full read when a message also has a number: most expenses have none. */
// prettier-ignore
const TRIGGERS = wordSet([
  'between', 'from', 'last', 'past', 'pichle', 'top', 'than', 'over', 'above', 'under',
  'below', 'se', 'how', 'kitna', 'kitni', 'on', 'since', 'in', 'vs', 'compare', 'more', 'less',
]);

const keyOf = (token: Token | undefined) => (token?.kind === 'word' ? token.key : undefined);
const isIn = (token: Token | undefined, set: ReadonlySet<string>) => {
  const key = keyOf(token);
  return key !== undefined && set.has(key);
};

interface Threshold {
  measure: 'above' | 'below';
  amountMinor: bigint;
  currency: string;
  start: number;
  end: number;
}

function amountAt(tokens: readonly Token[], i: number, prepared: Prepared) {
  const found = readAmount(
    tokens,
    i,
    tokens.length,
    new Uint8Array(tokens.length),
    prepared.amounts,
  );
  if (found === null || found.start !== i) return null;
  const text = tokens
    .slice(found.start, found.end)
    .map((t) => t.text)
    .join(' ');
  const checked = checkAmount(found, text, prepared);
  return checked.kind === 'ok' ? { ...checked, end: found.end } : null;
}

/** "more than 1000", "over ₹500", "under 200", "1000 se zyada". */
function thresholdAt(tokens: readonly Token[], i: number, prepared: Prepared): Threshold | null {
  const token = tokens[i];
  let measure: Threshold['measure'] | null = null;
  let at = i + 1;
  if (isIn(token, THAN_ABOVE) || isIn(token, THAN_BELOW)) {
    if (keyOf(tokens[i + 1]) !== 'than') return null;
    measure = isIn(token, THAN_ABOVE) ? 'above' : 'below';
    at = i + 2;
  } else if (isIn(token, ABOVE) || token?.text === '>') measure = 'above';
  else if (isIn(token, BELOW) || token?.text === '<') measure = 'below';
  if (measure !== null) {
    const amount = amountAt(tokens, at, prepared);
    return (
      amount && {
        measure,
        amountMinor: amount.amountMinor,
        currency: amount.currency,
        start: i,
        end: amount.end,
      }
    );
  }
  const amount =
    token?.kind === 'number' || token?.kind === 'symbol' ? amountAt(tokens, i, prepared) : null;
  if (amount === null || keyOf(tokens[amount.end]) !== 'se') return null;
  const word = tokens[amount.end + 1];
  if (!isIn(word, ZYADA) && !isIn(word, KAM)) return null;
  return {
    measure: isIn(word, ZYADA) ? 'above' : 'below',
    amountMinor: amount.amountMinor,
    currency: amount.currency,
    start: i,
    end: amount.end + 2,
  };
}

const PUNCTUATION = /^[?!.,;:¿¡"'()]+$/;

function measureOf(
  words: readonly Token[],
  has: (set: ReadonlySet<string>) => boolean,
): QuestionMeasure | null {
  if (
    has(AVERAGE) ||
    keyOf(words.find((w, i) => keyOf(words[i - 1]) === 'per' && isIn(w, DAY))) !== undefined
  )
    return 'average';
  if (has(COUNT)) return 'count';
  if (has(BIGGEST)) return 'biggest';
  if (has(TOP)) return 'top';
  if (has(LIST) || has(THEM)) return 'list';
  if (isIn(words[0], ANY) && !words.some((w) => keyOf(w) === 'much')) return 'any';
  return null;
}

/** The category or the merchant/note word the leftover words name; undefined when unclear. */
function filterOf(
  words: readonly Token[],
  prepared: Prepared,
  context: ParseContext,
): QuestionFilter | null | undefined {
  if (words.length === 0) return null;
  const keys = words.map((w) => ({
    key: w.key,
    hashtag: w.kind === 'hashtag',
    afterConjunction: false,
  }));
  const { resolution, first, count } = resolveCategory(prepared.index, keys, prepared.translations);
  const rest = words.filter((_, i) => i < first || i >= first + count);
  if (resolution.status === 'matched') {
    if (rest.length > 0) return undefined;
    const own = context.categories.find((c) => c.id === resolution.categoryId);
    // An alias the person taught ("uber", "swiggy") asks about those entries, not the
    // whole category; a word of another language or a plural of the name means the category.
    const alias = own?.aliases.some((a) => a.toLowerCase() === resolution.word) ?? false;
    const nameKey = resolution.name.toLowerCase();
    const sameStem = nameKey.slice(0, 4) === resolution.word.slice(0, 4);
    if (resolution.via === 'alias' && alias && !sameStem)
      return { kind: 'word', word: resolution.word };
    return { kind: 'category', categoryId: resolution.categoryId, name: resolution.name };
  }
  if (resolution.status === 'ambiguous' || words.length > 2) return undefined;
  if (!words.every((w) => /^[\p{L}\p{N}]+$/u.test(w.key))) return undefined;
  return { kind: 'word', word: words.map((w) => w.key).join(' ') };
}

function example(
  filter: QuestionFilter | null | undefined,
  period: QuestionPeriod | null,
  measure: QuestionMeasure | null,
  context: ParseContext,
): string {
  const thing =
    filter?.kind === 'category'
      ? filter.name.toLowerCase()
      : filter?.kind === 'word'
        ? filter.word
        : (context.categories[0]?.name.toLowerCase() ?? 'food');
  const when = period?.label ?? 'this month';
  if (measure === 'count') return `how many times ${thing} ${when}`;
  if (measure === 'biggest') return `biggest expense ${when}`;
  if (measure === 'top') return `top 3 categories ${when}`;
  if (measure === 'average') return `average per day ${when}`;
  return `how much on ${thing} ${when}`;
}

export function parseQuestion(text: string, context: ParseContext): QuestionResult | null {
  if (text.length > MAX_QUESTION_LENGTH) return null;
  const prepared = prepare(context);
  const all = tokenize(normalize(text), prepared.locale.spaceGroups);
  const asked = all.some((t) => t.text.includes('?'));
  const tokens = all.filter((t) => t.kind !== 'break' && !PUNCTUATION.test(t.text));
  if (tokens.length === 0) return null;
  const trigger = (t: Token) => isIn(t, TRIGGERS) || MONTHS.has(keyOf(t) ?? '');
  if (tokens.some((t) => t.kind === 'number') && !tokens.some(trigger)) return null;
  if (tokens.length === 1 && isIn(tokens[0], MORE)) return { kind: 'more' };

  const used = new Uint8Array(tokens.length);
  const take = (start: number, end: number) => used.fill(1, start, end);
  let followUp = false;
  if (isIn(tokens[0], FOLLOW)) {
    followUp = true;
    take(0, 1);
  } else if (isIn(tokens[0], ABOUT_LEAD) && isIn(tokens[1], ABOUT)) {
    followUp = true;
    take(0, 2);
  }

  const periods: QuestionPeriod[] = [];
  let threshold: Threshold | null = null;
  let top: number | null = null;
  for (let i = 0; i < tokens.length;) {
    if (used[i] === 1) {
      i++;
      continue;
    }
    const found = periodAt(tokens, i, prepared);
    if (found !== null && found.end > i) {
      periods.push(found.period);
      take(found.start, found.end);
      i = found.end;
      continue;
    }
    const limit: Threshold | null = threshold === null ? thresholdAt(tokens, i, prepared) : null;
    if (limit !== null) {
      threshold = limit;
      take(limit.start, limit.end);
      i = limit.end;
      continue;
    }
    const next = tokens[i + 1];
    if (keyOf(tokens[i]) === 'top' && next?.kind === 'number' && /^\d{1,2}$/.test(next.text)) {
      top = Math.min(Math.max(Number(next.text), 1), MAX_TOP);
      take(i + 1, i + 2);
    }
    i++;
  }

  const rest = tokens.filter((_, i) => used[i] !== 1);
  const has = (set: ReadonlySet<string>) => rest.some((t) => isIn(t, set));
  const comparing = has(COMPARE);
  const measure: QuestionMeasure | null =
    threshold?.measure ?? (top !== null ? 'top' : measureOf(rest, has));
  const questionWord = has(ASKING);
  // "show them", "which ones": the entries behind the last answer.
  if (has(THEM) && measure === 'list') followUp = true;

  const MEASURE_WORDS = [
    COUNT,
    AVERAGE,
    BIGGEST,
    TOP,
    LIST,
    THEM,
    COMPARE,
    ABOVE,
    BELOW,
    THAN_ABOVE,
    THAN_BELOW,
  ];
  const content = rest.filter(
    (t) =>
      !isIn(t, QUESTION_FILLERS) &&
      !MEASURE_WORDS.some((set) => isIn(t, set)) &&
      keyOf(t) !== 'than' &&
      !(keyOf(t) === 'day' || keyOf(t) === 'din'),
  );
  const period = periods[0] ?? null;
  if (content.some((t) => t.kind !== 'word' && t.kind !== 'hashtag')) {
    return questionWord && !tokens.some((t) => t.kind === 'number' && used[tokens.indexOf(t)] !== 1)
      ? { kind: 'unclear', example: example(null, period, measure, context) }
      : null;
  }
  const signal =
    asked || questionWord || followUp || measure !== null || period !== null || comparing;
  if (!signal) return null;
  const filter = filterOf(content, prepared, context);
  // "what is this?", "how are you?", "where are you?": a question word alone says nothing
  // about spending.
  const onlyWhere =
    measure === 'top' && top === null && rest.every((t) => !isIn(t, TOP) || keyOf(t) === 'where');
  if (
    filter === null &&
    (measure === null || onlyWhere) &&
    period === null &&
    !followUp &&
    !comparing &&
    !rest.some((t) => isIn(t, SPENDING))
  ) {
    return null;
  }
  if (filter === undefined) {
    return asked || questionWord || measure !== null
      ? { kind: 'unclear', example: example(null, period, measure, context) }
      : null;
  }
  const question: Question = {
    measure,
    filter,
    period,
    compare: periods.length > 1 ? periods[1]! : null,
    top: measure === 'top' ? (top ?? DEFAULT_TOP) : null,
    thresholdMinor: threshold?.amountMinor ?? null,
    currency: threshold?.currency ?? prepared.currency,
    followUp,
    defaultPeriod: thisMonth(prepared),
  };
  return { kind: 'question', question };
}
