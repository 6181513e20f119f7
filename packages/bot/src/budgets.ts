import { sql } from '@spendline/db';
import { daysBetween, localDateOf, periodRange } from '@spendline/ledger';
import { budgetName, setBudget, summarize, type BudgetUse } from '@spendline/spending';
import type { Command } from '@spendline/parser';
import { repliesFor } from './replies.ts';
import { label, money, monthLabel, table, wordsFor, type StatementInput } from './statements.ts';

type BudgetCommand = Extract<Command, { type: 'budget' }>;

const BAR_WIDTH = 10;

/** A bar of BAR_WIDTH cells for a share of a budget, full from 100%. */
function bar(used: number): string {
  const filled = Math.min(BAR_WIDTH, Math.round(used * BAR_WIDTH));
  return '▓'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}

// Rounded down: 99.6% is not yet "100%", the alert's word for a budget used up.
const percent = (b: BudgetUse) => `${(b.spentMinor * 100n) / b.limitMinor}%`;

/** "₹4,100 of ₹5,000 · at this pace ₹12,300", or what is over. */
function useLine(input: StatementInput, b: BudgetUse): string {
  const t = wordsFor(input.user);
  const m = (minor: bigint) => money(input.user, minor, b.currency);
  const used = t('budgetUsed', { spent: m(b.spentMinor), limit: m(b.limitMinor) });
  if (b.spentMinor > b.limitMinor)
    return t('budgetOver', { used, over: m(b.spentMinor - b.limitMinor) });
  if (b.projectedMinor !== null && b.projectedMinor > b.limitMinor)
    return t('budgetPace', { used, projected: m(b.projectedMinor) });
  return t('budgetLeft', { used, left: m(b.limitMinor - b.spentMinor) });
}

/** This month's budgets in force, overall first, each with its category's name. */
async function monthBudgets(input: StatementInput): Promise<{
  month: string;
  day: number;
  days: number;
  budgets: (BudgetUse & { name: string | null })[];
}> {
  const { tx, user, now } = input;
  const range = periodRange('MONTH', now, user.timeZone);
  const { budgets } = await summarize(tx, { userId: user.id, range, now });
  const ids = budgets.flatMap((b) => (b.categoryId ? [b.categoryId] : []));
  const names = new Map(
    (
      await tx.rows<{ id: string; name: string }>(
        sql`SELECT id, name FROM categories WHERE id = ANY(${ids}::uuid[])`,
      )
    ).map((c) => [c.id, c.name]),
  );
  const today = localDateOf(now, user.timeZone);
  return {
    month: monthLabel(Number(today.slice(0, 4)), Number(today.slice(5, 7)), user.locale),
    day: daysBetween(range.firstDay, today) + 1,
    days: daysBetween(range.firstDay, range.lastDay) + 1,
    budgets: budgets.map((b) => ({
      ...b,
      name: b.categoryId ? (names.get(b.categoryId) ?? null) : null,
    })),
  };
}

/** Every budget this month as a bar, then spent of limit and the pace. */
export async function budgetStatement(input: StatementInput): Promise<string> {
  const { month, day, days, budgets } = await monthBudgets(input);
  const replies = repliesFor(input.user.locale);
  if (budgets.length === 0) return replies.noBudgets;
  const name = (b: { name: string | null }) => label(b.name ?? replies.t('budgetMonthly'));
  return [
    replies.t('budgetsTitle', { month, day, days }),
    table(budgets.map((b) => [name(b), bar(b.used), percent(b)])),
    ...budgets.map((b) => `${name(b)}: ${useLine(input, b)}`),
    replies.budgetHint,
  ].join('\n');
}

/** This month's budget lines for the month summary; empty without budgets. */
export async function budgetLines(input: StatementInput): Promise<string[]> {
  const { budgets } = await monthBudgets(input);
  return budgets.map(
    (b) => `${budgetName(b.name, input.user.locale)}: ${percent(b)} · ${useLine(input, b)}`,
  );
}

/**
 * "budget" lists this month's budgets, "budget food" shows one, "budget food 5000" (or
 * "budget 40000" for the whole month) sets one from this month on.
 */
export async function budgetCommand(input: StatementInput, cmd: BudgetCommand): Promise<string> {
  const { category } = cmd;
  const replies = repliesFor(input.user.locale);
  if (category && category.status !== 'matched') {
    const word = category.words.join(' ');
    return category.status === 'ambiguous'
      ? replies.whichBudget(
          word,
          category.candidates.map((c) => c.name),
        )
      : replies.noSuchCategory(word);
  }
  const categoryId = category?.categoryId ?? null;
  const categoryName = category?.name ?? null;
  if (cmd.amountMinor === null) {
    if (!category) return budgetStatement(input);
    const { budgets } = await monthBudgets(input);
    const found = budgets.find((b) => b.categoryId === categoryId);
    return found
      ? `${budgetName(categoryName, input.user.locale)}: ${percent(found)} · ${useLine(input, found)}`
      : replies.noBudgetFor(categoryName ?? '');
  }
  const { tx, user, now } = input;
  const today = localDateOf(now, user.timeZone);
  const set = await setBudget(tx, {
    userId: user.id,
    categoryId,
    from: today,
    amountMinor: cmd.amountMinor,
    currency: cmd.currency,
    timeZone: user.timeZone,
  });
  if (set === null) return replies.noSuchCategory(categoryName ?? '');
  const { month, budgets } = await monthBudgets(input);
  const current = budgets.find((b) => b.categoryId === categoryId);
  return [
    replies.budgetSet(
      budgetName(categoryName, input.user.locale),
      money(user, cmd.amountMinor, cmd.currency),
      month,
    ),
    ...(current
      ? [replies.t('budgetSoFar', { line: `${percent(current)} · ${useLine(input, current)}` })]
      : []),
  ].join('\n');
}
