// Statements and actions: "today", "this week", "show last month", "january 2026",
// "summary", "category food", "categories", "help", "undo", "edit last 150",
// "edit last category food", "edit last note dinner", "delete last", "last 5",
// "budget food 5000". A message is a command only when all of it fits one; "today 50 tea"
// is an expense.

import { readAmount } from './amount.ts';
import { civilDate, daysInMonth, dayNumber, isoDate, weekday } from './calendar.ts';
import { resolveCategory, type CategoryWord } from './categories.ts';
import type { Prepared } from './context.ts';
import { languageCommand } from './language.ts';
import { checkAmount } from './limits.ts';
import type { Token } from './tokenize.ts';
import type { Command, CommandType, DateRange, EditChange, ParseResult } from './types.ts';
import { MONTHS, wordSet } from './words.ts';

// prettier-ignore
const FILLERS = new Set([
  'show', 'me', 'my', 'the', 'please', 'pls', 'plz', 'kindly', 'see', 'view', 'get', 'give',
  'list', 'display', 'check', 'tell', 'send', 'what', 'whats', 'was', 'is', 'are', 'did',
  'do', 'i', 'for', 'of', 'all', 'so', 'far', 'till', 'now', 'until', 'this', 'current',
  'how', 'much', 'to', 'kitna', 'kya', 'hua', 'ka', 'ki', 'ke', 'mera', 'mere', 'meri',
  'batao', 'dikhao', 'hai', 'a', 'an', 'in', 'on', 'set', 'new', 'per', 'limit', 'be',
  'o', 'os', 'as', 'do', 'da', 'de', 'el', 'la', 'los', 'las', 'este', 'esta', 'esse',
  'essa', 'meu', 'minha', 'meus', 'mi', 'mis', 'ver', 'mostrar', 'mostra', 'quanto',
  'cuanto', 'cuánto', 'gastei', 'gasté', 'por', 'favor', 'ini', 'saya', 'lihat', 'is',
  'ye', 'yeh', 'इस', 'का', 'की', 'के', 'मेरा', 'मेरे', 'दिखाओ', 'बताओ', 'कितना', 'है',
].map((word) => word.normalize('NFKC')));

const SHOW = new Set(['show', 'see', 'view', 'display', 'check', 'dikhao']);

/** Ask for a month's statement as a PDF: "statement", "statement november", "pdf". */
const STATEMENT = new Set(['statement', 'statements', 'pdf']);

/** Alone they ask for the summary; next to a period they only decorate it. */
// prettier-ignore
const SUMMARY = new Set([
  'summary', 'stats', 'statistics', 'report', 'overview', 'total', 'totals',
  'expenses', 'expense', 'spending', 'spent', 'spend', 'spends', 'kharcha', 'hisaab',
  'hisab', 'breakdown', 'transactions', 'resumo', 'resumen', 'ringkasan', 'rekap',
  'laporan', 'gastos', 'pengeluaran', 'हिसाब', 'खर्चा', 'खर्च',
].map((word) => word.normalize('NFKC')));

// prettier-ignore
const HELP = new Set([
  'help', 'menu', 'commands', 'command', 'hi', 'hello', 'hey', 'hii', 'hiii', 'namaste',
  'start', 'options', 'guide', 'usage', 'use', 'work', 'works', 'madad', 'ajuda', 'ayuda',
  'bantuan', 'tolong', 'oi', 'olá', 'ola', 'hola', 'halo', 'मदद', 'नमस्ते',
].map((word) => word.normalize('NFKC')));

// Thanks and acknowledgements: answered in kind, not as a message not understood.
// prettier-ignore
const THANKS = wordSet([
  'thanks', 'thank', 'you', 'u', 'thx', 'thnx', 'thanx', 'ty', 'tq', 'tysm', 'obrigado',
  'obrigada', 'valeu', 'gracias', 'terima', 'kasih', 'makasih', 'shukriya', 'dhanyavad',
  'dhanyawad', 'धन्यवाद', 'शुक्रिया',
]);
// prettier-ignore
const OK = wordSet([
  'ok', 'okay', 'okk', 'k', 'cool', 'great', 'nice', 'fine', 'alright', 'perfect', 'awesome',
  'good', 'done', 'got', 'it', 'noted', 'sure', 'lot', 'very', 'vale', 'bueno', 'muchas',
  'beleza', 'certo', 'oke', 'sip', 'siap', 'theek', 'thik', 'accha', 'acha', 'ठीक', 'अच्छा',
  'बहुत',
]);
const SMALL_TALK: ReadonlySet<string> = new Set([...THANKS, ...OK]);

// prettier-ignore
const TODAY = wordSet(['today', 'aaj', 'daily', 'hoje', 'hoy', 'hari', 'आज']);
const YESTERDAY = wordSet(['yesterday', 'kal', 'yday', 'ontem', 'ayer', 'kemarin', 'कल']);
// prettier-ignore
const WEEK = wordSet([
  'week', 'weekly', 'hafta', 'hafte', 'semana', 'minggu', 'pekan', 'हफ्ता', 'हफ़्ता', 'हफ्ते',
  'हफ़्ते', 'सप्ताह',
]);
// prettier-ignore
const MONTH = wordSet([
  'month', 'monthly', 'mahina', 'mahine', 'mês', 'mes', 'bulan', 'महीना', 'महीने',
]);
const PREVIOUS = wordSet(['last', 'prev', 'previous', 'pichle', 'pichla', 'past', 'पिछले', 'पिछला']);
/** Said after the period: "semana passada", "mes pasado", "minggu lalu". */
const PREVIOUS_AFTER = new Set(['passada', 'passado', 'pasada', 'pasado', 'lalu', 'kemarin']);
const CATEGORY = wordSet(['category', 'cat', 'categoria', 'categoría', 'kategori', 'श्रेणी']);
// prettier-ignore
const CATEGORIES = wordSet([
  'categories', 'cats', 'categorias', 'categorías', 'श्रेणियाँ', 'श्रेणियां',
]);
// "हटाओ" ("take it off") is how the Hindi help says undo.
// prettier-ignore
const UNDO = wordSet([
  'undo', 'oops', 'desfazer', 'deshacer', 'batal', 'batalkan', 'हटाओ', 'hatao',
]);
// prettier-ignore
const DELETE = wordSet([
  'delete', 'del', 'remove', 'cancel', 'apagar', 'excluir', 'borrar', 'eliminar', 'hapus',
]);
// prettier-ignore
const EDIT = wordSet([
  'edit', 'change', 'update', 'correct', 'modify', 'editar', 'corrigir', 'corregir', 'cambiar',
  'ubah',
]);
/**
 * Hindi puts the verb after what it acts on: "आखिरी हटाओ" deletes the last entry (alone,
 * "हटाओ" is undo), "aakhri badlo 150" edits it.
 */
// prettier-ignore
const HINDI_LAST = wordSet([
  'आखिरी', 'आख़िरी', 'आखरी', 'अंतिम', 'aakhri', 'akhri', 'aakhiri', 'akhiri', 'aakhari',
  'akhari', 'aakhir',
]);
// prettier-ignore
const HINDI_DELETE = wordSet(['हटाओ', 'हटा', 'मिटाओ', 'मिटा', 'hatao', 'hata', 'mitao', 'mita']);
// prettier-ignore
const HINDI_EDIT = wordSet([
  'बदलो', 'बदल', 'बदलें', 'बदलिए', 'सुधारो', 'badlo', 'badal', 'badlein', 'badlen', 'sudharo',
]);
const NOTE = new Set(['note', 'notes']);
/** What may stand between "note" and the note itself: "note: dinner", "note - dinner". */
const NOTE_LEAD = new Set([' ', '\t', '\r', '\n', ':', '-', '=', ',', '\u2013', '\u2014']);
/** A note needs something besides punctuation: "edit last note!" names none. */
const NOTE_CONTENT = /[^\p{P}\s]/u;
// prettier-ignore
const LAST = wordSet([
  'last', 'recent', 'latest', 'history', 'últimos', 'ultimos', 'últimas', 'terakhir', 'आखिरी',
  'आख़िरी', 'आखरी', 'पिछले', 'aakhri', 'akhri', 'aakhiri', 'akhiri', 'pichhle', 'pichle',
]);
/** Said after the count: "5 terakhir". */
const LAST_AFTER = wordSet(['terakhir']);
// prettier-ignore
const BUDGET = wordSet([
  'budget', 'budgets', 'orçamento', 'orcamento', 'presupuesto', 'anggaran', 'बजट',
]);
// prettier-ignore
const STOP = wordSet([
  'stop', 'unsubscribe', 'off', 'disable', 'band', 'bandh', 'parar', 'detener', 'desactivar',
  'matikan', 'berhenti', 'बंद',
]);
// Plurals only where the singular asks for the summary ("resumo", "ringkasan").
// prettier-ignore
const DIGESTS = wordSet([
  'digest', 'digests', 'reminder', 'reminders', 'summaries', 'notifications', 'resumos',
  'lembretes', 'resúmenes', 'resumenes', 'recordatorios', 'pengingat', 'सारांश', 'रिमाइंडर',
]);
/** Words that open a correction of the last amount: "actually 350", "make it 350". */
// prettier-ignore
const CORRECTION = wordSet([
  'actually', 'correction', 'sorry', 'make', 'meant', 'wait', 'verdade', 'corrigindo',
  'desculpa', 'realidad', 'perdón', 'perdon', 'maksudnya', 'ralat', 'matlab',
]);
const CORRECTION_LEAD = wordSet(['na', 'en']);
// prettier-ignore
const CORRECTION_GLUE = wordSet([
  'was', 'is', 'be', 'should', 'i', 'mean', 'meant', 'no', 'foi', 'era', 'fue', 'tadi',
]);
/** What may follow "delete", "undo" or "edit" without changing their meaning. */
// prettier-ignore
const TARGET = wordSet([
  'last', 'that', 'it', 'entry', 'one', 'previous', 'prev', 'recent', 'latest', 'amount',
  'item', 'record', 'último', 'ultimo', 'última', 'ultima', 'terakhir', 'वाला', 'वाली', 'wala',
  'wali', 'वाले', 'wale', 'दो', 'को', 'ko', ...HINDI_LAST,
]);
// prettier-ignore
const ENTRIES = wordSet([
  'entries', 'entry', 'items', 'ones', 'records', 'transactions', 'lançamentos', 'registros',
  'movimientos', 'catatan', 'transaksi', 'एंट्री',
]);
// prettier-ignore
const BUDGET_FILLERS = wordSet([
  'month', 'monthly', 'mahina', 'mensal', 'mensual', 'bulanan', 'mês', 'mes', 'bulan', 'महीना',
  'मासिक',
]);

const DEFAULT_LAST = 5;
const MAX_LAST = 100;
// Commands are short; anything longer is not one, whatever its words.
const MAX_COMMAND_TOKENS = 12;

function command(value: Command): ParseResult {
  return { kind: 'command', command: value };
}

function unrecognized(type: CommandType, detail: string): ParseResult {
  return { kind: 'unknown', reason: 'unrecognized_command', command: type, detail };
}

function range(from: number, to: number): DateRange {
  return { from: isoDate(from), to: isoDate(to) };
}

function monthCommand(year: number, month: number): Command {
  const first = dayNumber(year, month, 1);
  return { type: 'month', year, month, range: range(first, first + daysInMonth(year, month) - 1) };
}

function isWord(token: Token | undefined, set: ReadonlySet<string>): boolean {
  return token?.kind === 'word' && set.has(token.key);
}

function allWords(tokens: readonly Token[], set: ReadonlySet<string>): boolean {
  return tokens.every((token) => isWord(token, set));
}

function onlyWords(tokens: readonly Token[]): boolean {
  return tokens.every((token) => token.kind === 'word');
}

function period(core: readonly Token[], prepared: Prepared): Command | null {
  const { today } = prepared.calendar;
  const [first, second] = core;
  if (core.length === 1 && isWord(first, TODAY))
    return { type: 'today', range: range(today, today) };
  if (core.length === 1 && isWord(first, YESTERDAY)) {
    return { type: 'yesterday', range: range(today - 1, today - 1) };
  }
  const before = core.length === 2 && isWord(first, PREVIOUS);
  const after = core.length === 2 && isWord(second, PREVIOUS_AFTER);
  const previous = before || after;
  const unit = before ? second : after ? first : core.length === 1 ? first : undefined;
  if (isWord(unit, WEEK)) {
    // weekday() counts Sunday as 0, ISO as 7.
    const start =
      today - ((weekday(today) - (prepared.weekStart % 7) + 7) % 7) - (previous ? 7 : 0);
    return { type: 'week', which: previous ? 'last' : 'this', range: range(start, start + 6) };
  }
  const now = civilDate(today);
  if (isWord(unit, MONTH)) {
    if (!previous) return monthCommand(now.year, now.month);
    return now.month === 1 ? monthCommand(now.year - 1, 12) : monthCommand(now.year, now.month - 1);
  }
  const month = first?.kind === 'word' ? MONTHS.get(first.key) : undefined;
  if (month === undefined || core.length > 2) return null;
  if (second === undefined) {
    // The latest such month that has begun: "december" in November is last December.
    return monthCommand(month <= now.month ? now.year : now.year - 1, month);
  }
  if (second.kind === 'number' && /^(?:19|20)\d\d$/.test(second.text)) {
    return monthCommand(Number(second.text), month);
  }
  return null;
}

function categoryWords(tokens: readonly Token[]): CategoryWord[] {
  return tokens.map((token) => ({
    key: token.key,
    hashtag: token.kind === 'hashtag',
    afterConjunction: false,
  }));
}

const EDIT_USAGE =
  'Say "edit last" with the new amount, category or note, e.g. "edit last 150", ' +
  '"edit last category food", "edit last note dinner".';

const DELETE_USAGE = 'Only the last entry can be deleted by message: "delete last".';

function edit(change: EditChange): ParseResult {
  return command({ type: 'editLast', change });
}

/**
 * The new category, its words resolved like an expense's. Words that name no category
 * are a change only after the keyword ("edit last category pets"); "edit last abc" is
 * more likely a botched amount than a category.
 */
function categoryEdit(tokens: readonly Token[], named: boolean, prepared: Prepared): ParseResult {
  if (tokens.length === 0 || !tokens.every((t) => t.kind === 'word' || t.kind === 'hashtag')) {
    return unrecognized('editLast', EDIT_USAGE);
  }
  const words = categoryWords(tokens);
  const category = resolveCategory(prepared.index, words, prepared.translations).resolution;
  if (!named && category.status === 'none') return unrecognized('editLast', EDIT_USAGE);
  return edit({ field: 'category', category, words: words.map((w) => w.key) });
}

/** "edit last 150", "edit last category food", "edit last to food", "edit last petrol". */
function editLast(rest: readonly Token[], prepared: Prepared): ParseResult {
  const tokens = rest.filter((token) => !isWord(token, TARGET));
  const [first] = tokens;
  if (first === undefined) return unrecognized('editLast', EDIT_USAGE);
  if (isWord(first, CATEGORY)) return categoryEdit(tokens.slice(1), true, prepared);
  if (tokens.length > 1 && isWord(tokens[tokens.length - 1], CATEGORY)) {
    return categoryEdit(tokens.slice(0, -1), true, prepared);
  }
  return amountEdit(tokens, prepared) ?? categoryEdit(tokens, false, prepared);
}

/** The tokens as a new amount for the last entry, or null when they are not one amount. */
function amountEdit(tokens: readonly Token[], prepared: Prepared): ParseResult | null {
  const taken = new Uint8Array(tokens.length);
  const amount = readAmount(tokens, 0, tokens.length, taken, prepared.amounts);
  if (amount === null || amount.end !== tokens.length) return null;
  const text = tokens.map((token) => token.text).join(' ');
  const checked = checkAmount(amount, text, prepared);
  if (checked.kind === 'unknown') return checked;
  return edit({ field: 'amount', amountMinor: checked.amountMinor, currency: checked.currency });
}

/**
 * "actually 350", "make it 350", "sorry, it was 350": a new amount for the last entry, said
 * as a correction. Null unless the rest is an amount and nothing else.
 */
function correction(rest: readonly Token[], prepared: Prepared): ParseResult | null {
  const tokens = rest.filter((token) => !isWord(token, TARGET) && !isWord(token, CORRECTION_GLUE));
  return tokens.length === 0 ? null : amountEdit(tokens, prepared);
}

/** "last 5", "last 5 entries", "5 terakhir": the count, or null when it is none. */
function lastCount(count: Token, others: readonly Token[]): ParseResult | null {
  if (count.kind !== 'number' || !/^\d{1,6}$/.test(count.text) || !allWords(others, ENTRIES)) {
    return null;
  }
  const n = Number(count.text);
  return n > 0 ? command({ type: 'last', count: Math.min(n, MAX_LAST) }) : null;
}

function skippable(token: Token | undefined): boolean {
  return isWord(token, FILLERS) || isWord(token, SUMMARY);
}

/**
 * "edit last note dinner with team", "change last note to Birthday gift for Mom": the note
 * is the rest of the message as typed (fillers, case and spacing kept), so it is read
 * from the source, and it may run longer than a command. Null when the message does not
 * start like this.
 */
function noteEdit(content: readonly Token[], source: string): ParseResult | null {
  let i = 0;
  while (i < MAX_COMMAND_TOKENS && skippable(content[i])) i++;
  if (!isWord(content[i], EDIT)) return null;
  i++;
  while (i < MAX_COMMAND_TOKENS && (skippable(content[i]) || isWord(content[i], TARGET))) i++;
  const keyword = content[i];
  if (keyword === undefined || !isWord(keyword, NOTE)) return null;
  const to = content[i + 1];
  let start = to?.kind === 'word' && to.key === 'to' ? to.end : keyword.end;
  while (start < source.length && NOTE_LEAD.has(source.charAt(start))) start++;
  const note = source.slice(start).trim();
  if (!NOTE_CONTENT.test(note)) return unrecognized('editLast', EDIT_USAGE);
  return edit({ field: 'note', note });
}

function budget(core: readonly Token[], prepared: Prepared): ParseResult {
  const rest = core.filter((token) => !isWord(token, BUDGET) && !isWord(token, BUDGET_FILLERS));
  const taken = new Uint8Array(rest.length);
  let amountMinor: bigint | null = null;
  let currency = prepared.currency;
  const words: Token[] = [];
  for (let i = 0; i < rest.length;) {
    const amount =
      amountMinor === null ? readAmount(rest, i, rest.length, taken, prepared.amounts) : null;
    if (amount !== null) {
      const text = rest
        .slice(amount.start, amount.end)
        .map((token) => token.text)
        .join(' ');
      const checked = checkAmount(amount, text, prepared);
      if (checked.kind === 'unknown') return checked;
      amountMinor = checked.amountMinor;
      currency = checked.currency;
      i = amount.end;
      continue;
    }
    const token = rest[i];
    if (token?.kind === 'word' || token?.kind === 'hashtag') words.push(token);
    i++;
  }
  const category =
    words.length === 0
      ? null
      : resolveCategory(prepared.index, categoryWords(words), prepared.translations).resolution;
  return command({ type: 'budget', category, amountMinor, currency });
}

/**
 * "statement", "my statement for last month", "statement november 2025": this month's
 * statement unless a month is named. Null when no statement word is in the message.
 */
function statement(content: readonly Token[], prepared: Prepared): ParseResult | null {
  if (!content.some((token) => isWord(token, STATEMENT))) return null;
  const core = content.filter((token) => !isWord(token, STATEMENT) && !skippable(token));
  const now = civilDate(prepared.calendar.today);
  const found = core.length === 0 ? monthCommand(now.year, now.month) : period(core, prepared);
  if (found?.type !== 'month') {
    return unrecognized(
      'statement',
      'Statements are by month: say "statement" for this month or "statement november".',
    );
  }
  return command({ type: 'statement', year: found.year, month: found.month, range: found.range });
}

/** The command the whole message asks for; an unknown result for a botched one; else null. */
export function matchCommand(
  source: string,
  tokens: readonly Token[],
  prepared: Prepared,
): ParseResult | null {
  const content = tokens.filter((token) => token.kind !== 'break');
  if (content.length === 0) return null;
  const note = noteEdit(content, source);
  if (note !== null) return note;
  if (content.length > MAX_COMMAND_TOKENS) return null;
  const language = languageCommand(content);
  if (language !== null) return command({ type: 'language', language });
  const asked = statement(content, prepared);
  if (asked !== null) return asked;

  let summary = false;
  let show = false;
  const core: Token[] = [];
  for (const token of content) {
    if (token.kind === 'word') {
      if (SUMMARY.has(token.key)) {
        summary = true;
        continue;
      }
      if (SHOW.has(token.key)) show = true;
      if (FILLERS.has(token.key)) continue;
    }
    core.push(token);
  }
  if (core.length === 0) return summary ? command({ type: 'summary' }) : null;

  const found = period(core, prepared);
  if (found !== null) return command(found);

  const [first] = core;
  const rest = core.slice(1);
  if (allWords(core, HELP)) return command({ type: 'help' });
  if (allWords(core, SMALL_TALK)) {
    const thanks = core.some((token) => isWord(token, THANKS));
    return command({ type: 'smallTalk', kind: thanks ? 'thanks' : 'ok' });
  }
  // Before the category forms, so that "edit last food category" is an edit.
  if (isWord(first, EDIT)) return editLast(rest, prepared);
  // "move it to groceries", "move last to food"; "move 500 to savings" is no edit.
  if (first?.kind === 'word' && first.key === 'move' && isWord(rest[0], TARGET)) {
    return editLast(rest, prepared);
  }
  // "na verdade 350", "en realidad 350": the correction word after its preposition.
  const opening = isWord(first, CORRECTION_LEAD) && isWord(rest[0], CORRECTION) ? 1 : 0;
  const corrected = isWord(opening ? rest[0] : first, CORRECTION)
    ? correction(rest.slice(opening), prepared)
    : null;
  if (corrected !== null) return corrected;

  if (isWord(first, CATEGORIES) && rest.length === 0) return command({ type: 'categories' });
  if (isWord(first, CATEGORY) || isWord(first, CATEGORIES)) {
    if (rest.length === 0) return command({ type: 'categories' });
    if (rest.every((token) => token.kind === 'word' || token.kind === 'hashtag')) {
      const words = categoryWords(rest);
      const category = resolveCategory(prepared.index, words, prepared.translations).resolution;
      return command({ type: 'category', words: words.map((w) => w.key), category });
    }
  }
  const last = core[core.length - 1];
  if (core.length > 1 && isWord(last, CATEGORY) && onlyWords(core.slice(0, -1))) {
    const words = categoryWords(core.slice(0, -1));
    const category = resolveCategory(prepared.index, words, prepared.translations).resolution;
    return command({ type: 'category', words: words.map((w) => w.key), category });
  }

  // "stop digests", "digests off", "stop reminders"; a bare "STOP" or "unsubscribe" is
  // how people opt out of a business's messages on WhatsApp, and means the same.
  if (
    (core.length === 1 && isWord(first, STOP)) ||
    (core.length === 2 && core.some((t) => isWord(t, STOP)) && core.some((t) => isWord(t, DIGESTS)))
  )
    return command({ type: 'stopDigests' });

  // Hindi order: "आखिरी हटाओ", "aakhri badlo 150", "आखिरी 150 बदलो".
  if (isWord(first, HINDI_LAST)) {
    const verb = core.findIndex((t) => isWord(t, HINDI_EDIT) || isWord(t, HINDI_DELETE));
    if (verb > 0) {
      const others = core.filter((_, i) => i !== verb);
      if (isWord(core[verb], HINDI_EDIT)) return editLast(others, prepared);
      if (allWords(others, TARGET)) return command({ type: 'deleteLast' });
      return unrecognized('deleteLast', DELETE_USAGE);
    }
  }
  if (isWord(first, UNDO)) {
    if (allWords(rest, TARGET)) return command({ type: 'undo' });
    return unrecognized('undo', 'Say "undo" alone to take back the last entry.');
  }
  if (isWord(first, DELETE)) {
    if (allWords(rest, TARGET)) return command({ type: 'deleteLast' });
    return unrecognized('deleteLast', DELETE_USAGE);
  }

  if (isWord(first, LAST)) {
    const [count, ...others] = rest;
    if (count === undefined) return command({ type: 'last', count: DEFAULT_LAST });
    const listed = lastCount(count, others);
    if (listed !== null) return listed;
    if (allWords(rest, ENTRIES)) return command({ type: 'last', count: DEFAULT_LAST });
  }
  if (core.length > 1 && isWord(last, LAST_AFTER)) {
    const listed = lastCount(first!, core.slice(1, -1));
    if (listed !== null) return listed;
  }

  if (core.some((token) => isWord(token, BUDGET))) return budget(core, prepared);

  if (show && onlyWords(core)) {
    const words = categoryWords(core);
    const category = resolveCategory(prepared.index, words, prepared.translations).resolution;
    if (category.status === 'matched') {
      return command({ type: 'category', words: words.map((w) => w.key), category });
    }
  }
  return null;
}
