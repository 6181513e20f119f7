import { sql, type Queries, type Statement, type User } from '@spendline/db';
import {
  addDays,
  addMonths,
  daysBetween,
  daysSpan,
  formatMoney,
  localDateOf,
  periodRange,
  type DateSpan,
  type LocalDate,
} from '@spendline/ledger';
import {
  categoryTotals,
  currencyTotals,
  ratio,
  type CategoryTotal,
  type CurrencyTotal,
} from '@spendline/spending';
import { repliesFor } from './replies.ts';

type Tx = Queries;

/** The chat catalog in the user's language. */
export const wordsFor = (user: User) => repliesFor(user.locale).t;

export interface StatementInput {
  tx: Tx;
  user: User;
  now: Date;
}

// WhatsApp shows about 32 fixed-width characters on a phone before it wraps a line. A
// 16-character name, an amount like ₹12,345.00 and a share fit, and common names such as
// "Food & Dining", "Entertainment" or "Health & Fitness" are not cut.
export const NAME_WIDTH = 16;

/** An amount in the user's locale; snapshots carry amounts as decimal strings. */
export const money = (user: User, minor: bigint | string, currency: string) =>
  formatMoney(BigInt(minor), currency, user.locale);

/** "₹120.00 · Fuel", as confirmations, questions and undo name an expense. */
export const expenseLabel = (
  user: User,
  e: { amountMinor: bigint | string; currency: string },
  category: string | null | undefined,
) => `${money(user, e.amountMinor, e.currency)}${category ? ` · ${category}` : ''}`;

export function totalsText(user: User, totals: CurrencyTotal[]): string {
  if (totals.length === 0) return money(user, 0n, user.currency);
  return totals.map((t) => money(user, t.totalMinor, t.currency)).join(' + ');
}

// WhatsApp shows ``` blocks in a fixed-width font: the only way columns line up on a phone.
// The name column is followed by two spaces, the figures by one, to stay in a phone's width.
export function table(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  const pad = (cell: string, width: number, end: boolean) => {
    const missing = ' '.repeat(Math.max(0, width - [...cell].length));
    return end ? cell + missing : missing + cell;
  };
  const lines = rows.map((r) => {
    const [name = '', ...figures] = r.map((cell, i) => pad(cell, widths[i]!, i === 0));
    return [name, figures.join(' ')].join('  ').trimEnd();
  });
  return ['```', ...lines, '```'].join('\n');
}

/** A category's name for a table column: whole when it fits, else cut with an ellipsis. */
export const label = (text: string) => {
  const chars = [...text];
  return chars.length > NAME_WIDTH ? `${chars.slice(0, NAME_WIDTH - 1).join('')}…` : text;
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

function categoryRows(user: User, categories: CategoryTotal[]): string[][] {
  const t = wordsFor(user);
  return categories.map((c) => [
    label(c.name ?? t('uncategorised')),
    money(user, c.totalMinor, c.currency),
    percent(c.share),
  ]);
}

// Building a DateTimeFormat costs far more than formatting with one: one per locale.
function formatterCache(
  options: Intl.DateTimeFormatOptions,
): (locale: string) => Intl.DateTimeFormat {
  const byLocale = new Map<string, Intl.DateTimeFormat>();
  return (locale) => {
    let format = byLocale.get(locale);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
      byLocale.set(locale, format);
    }
    return format;
  };
}

const dayFormat = formatterCache({ weekday: 'short', day: 'numeric', month: 'short' });
const shortDayFormat = formatterCache({ day: 'numeric', month: 'short' });
const monthFormat = formatterCache({ month: 'long', year: 'numeric' });

/** "Mon, 23 Nov" in the user's locale; a calendar day, so formatted in UTC. */
export function dayLabel(date: LocalDate, locale: string): string {
  return dayFormat(locale).format(new Date(`${date}T12:00:00Z`));
}

/** "23 Nov", for lists of days. */
export function shortDayLabel(date: LocalDate, locale: string): string {
  return shortDayFormat(locale).format(new Date(`${date}T12:00:00Z`));
}

export function monthLabel(year: number, month: number, locale: string): string {
  return monthFormat(locale).format(new Date(Date.UTC(year, month - 1, 15)));
}

/**
 * Total and per-category lines for a span of local days. `showDays` names the first and
 * last day under the title, for spans such as a week whose edges depend on a setting.
 */
export async function periodStatement(
  { tx, user }: StatementInput,
  title: string,
  range: { from: LocalDate; to: LocalDate },
  { showDays = false }: { showDays?: boolean } = {},
): Promise<string> {
  const span = daysSpan(range.from, range.to, user.timeZone);
  const totals = await currencyTotals(tx, user.id, span);
  const income = await incomeLine({ tx, user }, span, totals);
  const days = showDays
    ? [`_${dayLabel(range.from, user.locale)} – ${dayLabel(range.to, user.locale)}_`]
    : [];
  if (totals.length === 0)
    return [
      wordsFor(user)(income.length ? 'periodNothingSpent' : 'periodNothing', { title }),
      ...days,
      ...income,
    ].join('\n');
  const categories = await categoryTotals(tx, user.id, span);
  return [
    `*${title}*: ${totalsText(user, totals)}`,
    ...days,
    ...income,
    table(categoryRows(user, categories)),
  ].join('\n');
}

/**
 * "Income ₹50,000.00 · net +₹38,000.00" when money came in over the span; nothing
 * otherwise, so statements of people who only track spending stay as they were.
 */
async function incomeLine(
  { tx, user }: Pick<StatementInput, 'tx' | 'user'>,
  span: Pick<DateSpan, 'start' | 'end'>,
  spent: CurrencyTotal[],
): Promise<string[]> {
  const income = await currencyTotals(tx, user.id, span, 'INCOME');
  if (income.length === 0) return [];
  const net = income.map((i) => {
    const minor = i.totalMinor - (spent.find((s) => s.currency === i.currency)?.totalMinor ?? 0n);
    return `${minor >= 0n ? '+' : '−'}${money(user, minor >= 0n ? minor : -minor, i.currency)}`;
  });
  return [wordsFor(user)('incomeLine', { income: totalsText(user, income), net: net.join(' + ') })];
}

function change(user: User, now: CurrencyTotal[], before: CurrencyTotal[]): string | null {
  const words = wordsFor(user);
  const parts = now.flatMap((t) => {
    const previous = before.find((b) => b.currency === t.currency)?.totalMinor ?? 0n;
    if (previous === 0n) return [];
    const delta = ratio(t.totalMinor - previous, previous);
    const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '=';
    const amount = money(user, previous, t.currency);
    return [words('changeVersus', { arrow, percent: percent(Math.abs(delta)), amount })];
  });
  return parts.length > 0 ? words('changeLastMonth', { changes: parts.join('; ') }) : null;
}

interface Entry {
  amountMinor: bigint;
  currency: string;
  occurredAt: Date;
  note: string | null;
  categoryName: string | null;
}

/** A user's expenses with their category's name, in one round trip. */
function entries(
  tx: Tx,
  userId: string,
  filter: Statement,
  order: Statement,
  limit: number,
): Promise<Entry[]> {
  return tx.rows<Entry>(sql`
    SELECT e.amount_minor AS "amountMinor", e.currency, e.occurred_at AS "occurredAt", e.note,
           c.name AS "categoryName"
    FROM expenses e LEFT JOIN categories c ON c.id = e.category_id
    WHERE e.user_id = ${userId}::uuid AND e.kind = 'EXPENSE' AND e.deleted_at IS NULL
      AND ${filter}
    ORDER BY ${order}
    LIMIT ${limit}`);
}

function topExpenses(tx: Tx, user: User, span: DateSpan, take: number): Promise<Entry[]> {
  return entries(
    tx,
    user.id,
    sql`e.occurred_at >= ${span.start.toISOString()}::timestamptz
           AND e.occurred_at < ${span.end.toISOString()}::timestamptz`,
    sql`e.amount_minor DESC, e.occurred_at DESC`,
    take,
  );
}

/** This month by category with shares, the change against last month to date, top three. */
export async function monthSummary(input: StatementInput): Promise<string> {
  const { tx, user, now } = input;
  const month = periodRange('MONTH', now, user.timeZone);
  const today = localDateOf(now, user.timeZone);
  const elapsed = daysBetween(month.firstDay, today);
  const lastMonthFirst = addMonths(month.firstDay, -1);
  // Month to date against the same days of last month (capped at its end).
  const sameDays = daysSpan(
    lastMonthFirst,
    [addDays(lastMonthFirst, elapsed), addDays(month.firstDay, -1)].sort()[0]!,
    user.timeZone,
  );
  const title = monthLabel(Number(today.slice(0, 4)), Number(today.slice(5, 7)), user.locale);
  const totals = await currencyTotals(tx, user.id, month);
  const income = await incomeLine(input, month, totals);
  const t = wordsFor(user);
  if (totals.length === 0)
    return income.length
      ? [t('monthNothingSpent', { title }), ...income].join('\n')
      : t('monthNothing', { title });
  const [categories, before, top] = [
    await categoryTotals(tx, user.id, month),
    await currencyTotals(tx, user.id, sameDays),
    await topExpenses(tx, user, month, 3),
  ];
  const comparison = change(user, totals, before);
  return [
    `*${title}*: ${totalsText(user, totals)}`,
    ...income,
    ...(comparison ? [comparison] : []),
    table(categoryRows(user, categories)),
    t('monthTop'),
    ...top.map(
      (e) =>
        `${money(user, e.amountMinor, e.currency)} · ${e.categoryName ?? t('uncategorised')} · ${dayLabel(localDateOf(e.occurredAt, user.timeZone), user.locale)}${e.note ? ` · ${e.note}` : ''}`,
    ),
  ].join('\n');
}

/** One category this month: its total, share of everything, and its latest entries. */
export async function categoryStatement(
  input: StatementInput,
  category: { id: string; name: string },
): Promise<string> {
  const { tx, user, now } = input;
  const month = periodRange('MONTH', now, user.timeZone);
  const totals = (await categoryTotals(tx, user.id, month)).filter(
    (c) => c.categoryId === category.id,
  );
  const latest = await entries(
    tx,
    user.id,
    sql`e.category_id = ${category.id}::uuid`,
    sql`e.occurred_at DESC`,
    5,
  );
  const { name } = category;
  const head =
    totals.length === 0
      ? wordsFor(user)('categoryMonthNothing', { name })
      : wordsFor(user)('categoryMonth', {
          name,
          totals: totals
            .map((t) => `${money(user, t.totalMinor, t.currency)} (${percent(t.share)})`)
            .join(' + '),
        });
  if (latest.length === 0) return head;
  return [head, ...latest.map((e) => entryLine(user, e))].join('\n');
}

function entryLine(
  user: User,
  e: { amountMinor: bigint; currency: string; occurredAt: Date; note: string | null },
  category?: string | null,
): string {
  const parts = [
    dayLabel(localDateOf(e.occurredAt, user.timeZone), user.locale),
    money(user, e.amountMinor, e.currency),
    ...(category !== undefined ? [category ?? wordsFor(user)('uncategorised')] : []),
    ...(e.note ? [e.note] : []),
  ];
  return `• ${parts.join(' · ')}`;
}

export async function lastExpenses(input: StatementInput, count: number): Promise<string> {
  const { tx, user } = input;
  const rows = await entries(
    tx,
    user.id,
    sql`true`,
    sql`e.occurred_at DESC, e.created_at DESC`,
    count,
  );
  const t = wordsFor(user);
  if (rows.length === 0) return t('lastNothing');
  return [
    t('lastTitle', { count: rows.length }),
    ...rows.map((e) => entryLine(user, e, e.categoryName)),
  ].join('\n');
}

export async function categoryList({ tx, user }: StatementInput): Promise<string> {
  const categories = await tx.rows<{ name: string; emoji: string | null; aliases: string[] }>(sql`
    SELECT c.name, c.emoji,
           ARRAY(SELECT a.alias FROM category_aliases a WHERE a.category_id = c.id
                  ORDER BY a.alias LIMIT 4) AS aliases
      FROM categories c
     WHERE c.user_id = ${user.id}::uuid AND c.archived_at IS NULL
     ORDER BY c.name`);
  return [
    wordsFor(user)('categoriesTitle'),
    ...categories.map(
      (c) =>
        `${c.emoji ?? '•'} ${c.name}${c.aliases.length > 0 ? ` (${c.aliases.join(', ')})` : ''}`,
    ),
  ].join('\n');
}
