// The corpus: realistic messages with the intent each must produce, kept as JSON data
// (one file per theme) and read by the corpus test and the benchmark.

import { currencyExponent, minorToDecimal } from '@spendline/ledger';
import type { CategoryResolution, Command, EditChange, ParseResult } from '../types.ts';
import amounts from './amounts.json' with { type: 'json' };
import basics from './basics.json' with { type: 'json' };
import categoryWords from './category-words.json' with { type: 'json' };
import commands from './commands.json' with { type: 'json' };
import { contexts, corpusToday, type ContextName } from './contexts.ts';
import dates from './dates.json' with { type: 'json' };
import hinglish from './hinglish.json' with { type: 'json' };
import multi from './multi.json' with { type: 'json' };
import otherLocales from './other-locales.json' with { type: 'json' };
import unknown from './unknown.json' with { type: 'json' };
import wordOrder from './word-order.json' with { type: 'json' };

/** A category as the corpus writes it: a name, the ranked candidates, or the unmatched words. */
export type CategorySpec = string | { ambiguous: string[] } | { none: string[] } | null;

export interface ExpectedExpense {
  /** Major units as a decimal string: "1200.50". */
  amount: string;
  /** Defaults to the context's currency. */
  currency?: string;
  category: CategorySpec;
  /** Checked only when given. */
  via?: string;
  /** Defaults to "". */
  note?: string;
  /** YYYY-MM-DD; when given the date must also be explicit. Defaults to today, implicit. */
  date?: string;
}

export interface CorpusEntry extends Partial<ExpectedExpense> {
  text: string;
  context?: ContextName;
  expenses?: ExpectedExpense[];
  /**
   * `type` and the fields that matter for it: `which` (week), `year` and `month`,
   * `category` (a CategorySpec), `count`, `amount` (and `currency`) for budget; editLast
   * gives exactly one of `amount` (and `currency`), `category` or `note`.
   */
  command?: Record<string, unknown>;
  unknown?: string;
  /** The file it came from. */
  file: string;
}

const files: Record<string, unknown> = {
  'basics.json': basics,
  'word-order.json': wordOrder,
  'amounts.json': amounts,
  'dates.json': dates,
  'multi.json': multi,
  'category-words.json': categoryWords,
  'hinglish.json': hinglish,
  'commands.json': commands,
  'unknown.json': unknown,
  'other-locales.json': otherLocales,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entriesOf(file: string, data: unknown): CorpusEntry[] {
  if (!Array.isArray(data)) throw new TypeError(`${file} is not an array`);
  return data.map((raw: unknown, i) => {
    if (!isRecord(raw) || typeof raw.text !== 'string') {
      throw new TypeError(`${file}[${i}] has no text`);
    }
    const kinds = ['amount', 'expenses', 'command', 'unknown'].filter((key) => key in raw);
    if (kinds.length !== 1) throw new TypeError(`${file}[${i}] must expect exactly one outcome`);
    if (
      raw.context !== undefined &&
      !(typeof raw.context === 'string' && raw.context in contexts)
    ) {
      throw new TypeError(`${file}[${i}] names an unknown context`);
    }
    return { ...(raw as Omit<CorpusEntry, 'file'>), file };
  });
}

export const corpus: readonly CorpusEntry[] = Object.entries(files).flatMap(([file, data]) =>
  entriesOf(file, data),
);

export function contextOf(entry: CorpusEntry) {
  return contexts[entry.context ?? 'india'];
}

/** "120.5" INR -> "120.50", so the corpus may write amounts naturally. */
function canonicalAmount(amount: string, currency: string): string {
  const exponent = currencyExponent(currency);
  const [whole = '0', fraction = ''] = amount.split('.');
  if (fraction.length > exponent) throw new RangeError(`${amount} has too many decimals`);
  return minorToDecimal(BigInt(whole + fraction.padEnd(exponent, '0')), currency);
}

function specOf(resolution: CategoryResolution): CategorySpec {
  if (resolution.status === 'matched') return resolution.name;
  if (resolution.status === 'ambiguous') {
    return { ambiguous: resolution.candidates.map((candidate) => candidate.name) };
  }
  return { none: resolution.words };
}

/** An edit as the corpus writes it: `amount` (and `currency`), `category` or `note`. */
function editSummary(change: EditChange, expected: Record<string, unknown>) {
  switch (change.field) {
    case 'amount':
      return {
        amount: minorToDecimal(change.amountMinor, change.currency),
        ...('currency' in expected ? { currency: change.currency } : {}),
      };
    case 'category':
      return { category: specOf(change.category) };
    case 'note':
      return { note: change.note };
  }
}

function commandSummary(command: Command, expected: Record<string, unknown>) {
  switch (command.type) {
    case 'week':
      return { type: command.type, which: command.which };
    case 'month':
      return { type: command.type, year: command.year, month: command.month };
    case 'category':
      return { type: command.type, category: specOf(command.category) };
    case 'last':
      return { type: command.type, count: command.count };
    case 'editLast':
      return { type: command.type, ...editSummary(command.change, expected) };
    case 'budget':
      return {
        type: command.type,
        category: command.category === null ? null : specOf(command.category),
        amount:
          command.amountMinor === null
            ? null
            : minorToDecimal(command.amountMinor, command.currency),
      };
    default:
      return { type: command.type };
  }
}

function expectedItems(entry: CorpusEntry): ExpectedExpense[] {
  if (entry.expenses !== undefined) return entry.expenses;
  const { amount = '', currency, category = null, via, note, date } = entry;
  return [{ amount, currency, category, via, note, date }];
}

/** What the entry expects, with every default filled in. */
export function expectation(entry: CorpusEntry): unknown {
  const context = contextOf(entry);
  if (entry.unknown !== undefined) return { kind: 'unknown', reason: entry.unknown };
  if (entry.command !== undefined) {
    const command: Record<string, unknown> = { ...entry.command };
    if (typeof command.amount === 'string') {
      const currency = typeof command.currency === 'string' ? command.currency : context.currency;
      command.amount = canonicalAmount(command.amount, currency);
    }
    return { kind: 'command', command };
  }
  return {
    kind: 'expenses',
    expenses: expectedItems(entry).map((item) => {
      const currency = item.currency ?? context.currency;
      return {
        amount: canonicalAmount(item.amount, currency),
        currency,
        category: item.category,
        ...(item.via === undefined ? {} : { via: item.via }),
        note: item.note ?? '',
        date: item.date ?? corpusToday,
        explicit: item.date !== undefined,
      };
    }),
  };
}

/** The parts of a result the corpus speaks about, in the corpus's own terms. */
export function outcome(result: ParseResult, entry: CorpusEntry): unknown {
  if (result.kind === 'unknown') return { kind: 'unknown', reason: result.reason };
  if (result.kind === 'command') {
    return { kind: 'command', command: commandSummary(result.command, entry.command ?? {}) };
  }
  const items = expectedItems(entry);
  return {
    kind: 'expenses',
    expenses: result.expenses.map((expense, i) => ({
      amount: minorToDecimal(expense.amountMinor, expense.currency),
      currency: expense.currency,
      category: specOf(expense.category),
      ...(items[i]?.via === undefined || expense.category.status !== 'matched'
        ? {}
        : { via: expense.category.via }),
      note: expense.note,
      date: expense.occurredOn,
      explicit: expense.dateExplicit,
    })),
  };
}

/** "50 food" -> 'reads "50 food" as 50.00 INR in Food' and the like, for test names. */
export function describeEntry(entry: CorpusEntry): string {
  const quoted = JSON.stringify(entry.text);
  if (entry.unknown !== undefined) return `refuses ${quoted} as ${entry.unknown}`;
  if (entry.command !== undefined)
    return `reads ${quoted} as the ${String(entry.command.type)} command`;
  const items = expectedItems(entry);
  const context = contextOf(entry);
  const described = items.map((item) => {
    const category =
      typeof item.category === 'string'
        ? `in ${item.category}`
        : item.category === null || 'none' in item.category
          ? 'without a category'
          : `as ${item.category.ambiguous.join(' or ')}`;
    return `${item.amount} ${item.currency ?? context.currency} ${category}`;
  });
  return `reads ${quoted} as ${described.join(', ')}`;
}
