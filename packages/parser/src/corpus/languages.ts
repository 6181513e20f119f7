// The language corpora: messages as people write them in Portuguese (Brazil), Spanish
// (Mexico), Indonesian and Hindi (Devanagari and Roman script), one file per language.
// They were written before the parser learned these languages, so a share of them may
// stay unread; the test reports that share per language instead of failing on each.

import { currencyExponent, minorToDecimal } from '@spendline/ledger';
import type { ParseResult } from '../types.ts';
import { contexts, corpusToday, type ContextName } from './contexts.ts';
import es from './languages/es.json' with { type: 'json' };
import hiDeva from './languages/hi-deva.json' with { type: 'json' };
import hiLatn from './languages/hi-latn.json' with { type: 'json' };
import id from './languages/id.json' with { type: 'json' };
import ptBr from './languages/pt-br.json' with { type: 'json' };

/**
 * One message and what it must give: an expense (amount in major units, currency when
 * not the context's, category name or null for none, date when one is written) or a
 * command of a type. Notes are not judged: what to keep of a sentence is a matter of
 * taste, the amount, date and category are not.
 */
export interface LanguageEntry {
  text: string;
  context: ContextName;
  amount?: string;
  currency?: string;
  category?: string | null;
  date?: string;
  command?: { type: string };
}

export const languages: Record<string, readonly LanguageEntry[]> = {
  'pt-BR': ptBr as LanguageEntry[],
  es: es as LanguageEntry[],
  id: id as LanguageEntry[],
  'hi (Devanagari)': hiDeva as LanguageEntry[],
  'hi (Roman)': hiLatn as LanguageEntry[],
};

/** "45.9" BRL -> "45.90": the corpus writes amounts naturally. */
function canonical(amount: string, currency: string): string {
  const exponent = currencyExponent(currency);
  const [whole = '0', fraction = ''] = amount.split('.');
  return minorToDecimal(BigInt(whole + fraction.padEnd(exponent, '0')), currency);
}

/** Why the result is wrong for the entry, or null when it is right. */
export function mismatch(entry: LanguageEntry, result: ParseResult): string | null {
  if (entry.command !== undefined) {
    if (result.kind === 'command' && result.command.type === entry.command.type) return null;
    return `expected the ${entry.command.type} command`;
  }
  if (result.kind !== 'expenses') return `expected an expense, got ${result.kind}`;
  if (result.expenses.length !== 1) return `expected one expense, got ${result.expenses.length}`;
  const [expense] = result.expenses;
  if (expense === undefined) return 'no expense';
  const currency = entry.currency ?? contexts[entry.context].currency;
  const amount = minorToDecimal(expense.amountMinor, expense.currency);
  if (expense.currency !== currency || amount !== canonical(entry.amount ?? '', currency)) {
    return `amount ${amount} ${expense.currency}`;
  }
  const date = entry.date ?? corpusToday;
  if (expense.occurredOn !== date || expense.dateExplicit !== (entry.date !== undefined)) {
    return `date ${expense.occurredOn}${expense.dateExplicit ? '' : ' (implicit)'}`;
  }
  const category = expense.category;
  const name = category.status === 'matched' ? category.name : null;
  const expected = entry.category ?? null;
  if (expected === null ? category.status !== 'none' : name !== expected) {
    return `category ${name ?? category.status}`;
  }
  return null;
}
