import type { Prisma, User } from '@spendline/db';
import {
  categoryTotals,
  currencyTotals,
  daysSpan,
  formatMoney,
  localDateOf,
  periodRange,
  type LocalDate,
} from '@spendline/ledger';
import { parse, type Command, type ParsedExpense } from '@spendline/parser';
import { replies } from './replies.ts';

type Tx = Prisma.TransactionClient;

/** One linked user's message, already known to be text. */
export interface ChatTurn {
  tx: Tx;
  user: User;
  text: string;
  inboundMessageId: string;
  now: Date;
}

// Noon keeps a back-dated expense on its day whatever the zone's DST does.
function occurredAt(expense: ParsedExpense, today: LocalDate, now: Date, timeZone: string): Date {
  if (expense.occurredOn === today) return now;
  const day = daysSpan(expense.occurredOn, expense.occurredOn, timeZone);
  return new Date((day.start.getTime() + day.end.getTime()) / 2);
}

// "Mon, 23 Nov" in the user's locale; the date is a calendar day, so format it in UTC.
function dayLabel(date: LocalDate, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

async function spentToday(tx: Tx, user: User, now: Date): Promise<string> {
  const totals = await currencyTotals(tx, user.id, periodRange('TODAY', now, user.timeZone));
  if (totals.length === 0) return formatMoney(0n, user.currency, user.locale);
  return totals.map((t) => formatMoney(t.totalMinor, t.currency, user.locale)).join(' + ');
}

async function saveExpenses(turn: ChatTurn, expenses: ParsedExpense[]): Promise<string> {
  const { tx, user, now } = turn;
  const today = localDateOf(now, user.timeZone);
  // Until the conversation can ask, an unclear category is filed under Other.
  const other = await tx.category.findFirst({
    where: { userId: user.id, nameKey: 'other', archivedAt: null },
  });
  const lines: string[] = [];
  for (const expense of expenses) {
    const category =
      expense.category.status === 'matched'
        ? { id: expense.category.categoryId, name: expense.category.name }
        : other;
    await tx.expense.create({
      data: {
        userId: user.id,
        amountMinor: expense.amountMinor,
        currency: expense.currency,
        occurredAt: occurredAt(expense, today, now, user.timeZone),
        note: expense.note || null,
        categoryId: category?.id ?? null,
        source: 'WHATSAPP',
        inboundMessageId: turn.inboundMessageId,
      },
    });
    lines.push(
      replies.saved(
        formatMoney(expense.amountMinor, expense.currency, user.locale),
        category?.name ?? null,
        expense.occurredOn === today ? null : dayLabel(expense.occurredOn, user.locale),
        expense.category.status !== 'matched',
      ),
    );
  }
  return [...lines, replies.todayTotal(await spentToday(tx, user, now))].join('\n');
}

async function statement(
  turn: ChatTurn,
  title: string,
  range: { from: LocalDate; to: LocalDate },
): Promise<string> {
  const { tx, user } = turn;
  const span = daysSpan(range.from, range.to, user.timeZone);
  const [totals, byCategory] = await Promise.all([
    currencyTotals(tx, user.id, span),
    categoryTotals(tx, user.id, span),
  ]);
  if (totals.length === 0) return replies.nothingSpent(title);
  const money = (minor: bigint, currency: string) => formatMoney(minor, currency, user.locale);
  return replies.statement(
    title,
    totals.map((t) => money(t.totalMinor, t.currency)).join(' + '),
    byCategory.map(
      (c) => `${c.emoji ?? '•'} ${c.name ?? 'Uncategorised'}: ${money(c.totalMinor, c.currency)}`,
    ),
  );
}

async function undoLast(turn: ChatTurn): Promise<string> {
  const { tx, user, now } = turn;
  const last = await tx.expense.findFirst({
    where: { userId: user.id, source: 'WHATSAPP', deletedAt: null },
    orderBy: { createdAt: 'desc' },
    include: { category: true },
  });
  if (!last) return replies.nothingToUndo;
  await tx.expense.update({ where: { id: last.id }, data: { deletedAt: now } });
  return replies.undone(
    formatMoney(last.amountMinor, last.currency, user.locale),
    last.category?.name ?? null,
  );
}

async function command(turn: ChatTurn, cmd: Command, dashboardUrl: string): Promise<string> {
  switch (cmd.type) {
    case 'today':
      return statement(turn, 'Today', cmd.range);
    case 'yesterday':
      return statement(turn, 'Yesterday', cmd.range);
    case 'week':
      return statement(turn, cmd.which === 'this' ? 'This week' : 'Last week', cmd.range);
    case 'month':
      return statement(
        turn,
        new Date(Date.UTC(cmd.year, cmd.month - 1, 15)).toLocaleString(turn.user.locale, {
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }),
        cmd.range,
      );
    case 'summary': {
      const month = periodRange('MONTH', turn.now, turn.user.timeZone);
      return statement(turn, 'This month', { from: month.firstDay, to: month.lastDay });
    }
    case 'categories': {
      const categories = await turn.tx.category.findMany({
        where: { userId: turn.user.id, archivedAt: null },
        orderBy: { name: 'asc' },
      });
      return replies.categories(categories.map((c) => `${c.emoji ?? '•'} ${c.name}`));
    }
    case 'undo':
    case 'deleteLast':
      return undoLast(turn);
    case 'help':
      return replies.help(dashboardUrl);
    default:
      return replies.notYet(dashboardUrl);
  }
}

/**
 * The chat of a linked user until the conversation machines arrive: a clear
 * expense is saved at once and confirmed with today's total; statements, categories,
 * help and undo answer directly; anything unclear gets the parser's reason.
 */
export async function answerLinkedUser(turn: ChatTurn, dashboardUrl: string): Promise<string> {
  const categories = await turn.tx.category.findMany({
    where: { userId: turn.user.id, archivedAt: null },
    select: { id: true, name: true, aliases: { select: { alias: true } } },
  });
  const result = parse(turn.text, {
    categories: categories.map((c) => ({
      id: c.id,
      name: c.name,
      aliases: c.aliases.map((a) => a.alias),
    })),
    currency: turn.user.currency,
    locale: turn.user.locale,
    timeZone: turn.user.timeZone,
    now: turn.now,
  });
  if (result.kind === 'expenses') return saveExpenses(turn, result.expenses);
  if (result.kind === 'command') return command(turn, result.command, dashboardUrl);
  return replies.notUnderstood(result.detail);
}
