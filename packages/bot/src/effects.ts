import { consume, RATE_LIMITS, redeemLinkCode } from '@spendline/auth';
import type { Prisma, User } from '@spendline/db';
import {
  budgetAlertText,
  crossedBudgets,
  currencyTotal,
  daysSpan,
  localDateOf,
  periodRange,
  type CurrencyTotal,
} from '@spendline/ledger';
import type { Command, EditChange } from '@spendline/parser';
import { LIMITS, type WhatsAppUser } from '@spendline/whatsapp';
import { budgetCommand, budgetLines } from './budgets.ts';
import { usualMedian } from './interpret.ts';
import { createRecurring } from './recurring.ts';
import { replies } from './replies.ts';
import { paginate, type Reply } from './reply.ts';
import {
  categoryList,
  categoryStatement,
  dayLabel,
  expenseLabel,
  lastExpenses,
  money,
  monthLabel,
  monthSummary,
  periodStatement,
  totalsText,
} from './statements.ts';
import { CHOICE, type DraftExpense, type Effect } from './types.ts';

type Tx = Prisma.TransactionClient;

export interface EffectScope {
  tx: Tx;
  user: User | null;
  /** The user has budgets: saving checks whether spending crossed an alert threshold. */
  budgeted: boolean;
  sender: WhatsAppUser;
  conversationId: string;
  /** The message being answered (its id ties saved expenses to it). */
  messageId: string;
  now: Date;
  secretKey: string;
  linkUrl: string;
  dashboardUrl: string;
  /** What this message did to expenses, for live updates. */
  changes: ExpenseChanges;
}

/** What one message did to a user's expenses, by id. */
export interface ExpenseChanges {
  added: string[];
  updated: string[];
  deleted: string[];
}

function requireUser(scope: EffectScope): User {
  if (!scope.user) throw new Error('this effect needs a linked account');
  return scope.user;
}

// Noon keeps a back-dated expense on its day whatever the zone's DST does.
function occurredAt(expense: DraftExpense, user: User, now: Date): Date {
  if (expense.occurredOn === localDateOf(now, user.timeZone)) return now;
  const day = daysSpan(expense.occurredOn, expense.occurredOn, user.timeZone);
  return new Date((day.start.getTime() + day.end.getTime()) / 2);
}

async function categoryFor(tx: Tx, user: User, expense: DraftExpense): Promise<string | null> {
  if (!expense.category) return null;
  if (!expense.createCategory) return expense.category.id;
  // The name may have been taken meanwhile (the dashboard): then that category it is.
  const nameKey = expense.category.name.toLowerCase();
  const category = await tx.category.upsert({
    where: { userId_nameKey: { userId: user.id, nameKey } },
    create: { id: expense.category.id, userId: user.id, name: expense.category.name, nameKey },
    update: { archivedAt: null },
  });
  return category.id;
}

/**
 * Stores the expenses and sums today's spending with them, in one statement: a
 * statement does not see its own CTE's rows, so the new ones are added to the sum.
 */
async function insertExpenses(
  scope: EffectScope,
  user: User,
  expenses: DraftExpense[],
): Promise<CurrencyTotal[]> {
  const { tx, now } = scope;
  const rows: (DraftExpense & { occurredAt: string; categoryId: string | null })[] = [];
  for (const expense of expenses) {
    rows.push({
      ...expense,
      occurredAt: occurredAt(expense, user, now).toISOString(),
      categoryId: await categoryFor(tx, user, expense),
    });
  }
  const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
  const today = periodRange('TODAY', now, user.timeZone);
  const [start, end] = [today.start.toISOString(), today.end.toISOString()];
  const totals = await tx.$queryRaw<{ currency: string; total: string; count: number }[]>`
    WITH added AS (
      INSERT INTO expenses (id, user_id, kind, amount_minor, currency, occurred_at, note,
                            category_id, source, inbound_message_id, updated_at)
      SELECT e.id, ${user.id}::uuid, e.kind::"ExpenseKind", e.amount_minor, e.currency,
             e.occurred_at, e.note, e.category_id, 'WHATSAPP'::"ExpenseSource", e.message_id,
             now()
      FROM unnest(
        ${column((r) => r.id)}::uuid[],
        ${column((r) => r.kind ?? 'EXPENSE')}::text[],
        ${column((r) => r.amountMinor)}::bigint[],
        ${column((r) => r.currency)}::text[],
        ${column((r) => r.occurredAt)}::timestamptz[],
        ${column((r) => r.note || null)}::text[],
        ${column((r) => r.categoryId)}::uuid[],
        ${column((r) => r.messageId)}::uuid[]
      ) AS e(id, kind, amount_minor, currency, occurred_at, note, category_id, message_id)
      RETURNING kind, currency, amount_minor, occurred_at
    )
    SELECT currency, SUM(amount_minor)::text AS total, COUNT(*)::int AS count
    FROM (
      SELECT currency, amount_minor FROM expenses
      WHERE user_id = ${user.id}::uuid AND kind = 'EXPENSE' AND deleted_at IS NULL
        AND occurred_at >= ${start}::timestamptz AND occurred_at < ${end}::timestamptz
      UNION ALL
      SELECT currency, amount_minor FROM added
      WHERE kind = 'EXPENSE'
        AND occurred_at >= ${start}::timestamptz AND occurred_at < ${end}::timestamptz
    ) today
    GROUP BY currency
    ORDER BY currency`;
  return totals.map(currencyTotal);
}

async function save(scope: EffectScope, reply: Reply, expenses: DraftExpense[]): Promise<void> {
  const user = requireUser(scope);
  const today = localDateOf(scope.now, user.timeZone);
  const totals = await insertExpenses(scope, user, expenses);
  for (const expense of expenses) {
    scope.changes.added.push(expense.id);
    const date = expense.occurredOn === today ? null : dayLabel(expense.occurredOn, user.locale);
    const amount = money(user, expense.amountMinor, expense.currency);
    reply.parts.push(
      expense.kind === 'INCOME'
        ? replies.savedIncome(amount, expense.category?.name ?? (expense.note || null), date)
        : replies.saved(amount, expense.category?.name ?? null, date),
    );
  }
  reply.parts.push(replies.todayTotal(totalsText(user, totals)));
  const spent = expenses.filter((e) => e.kind !== 'INCOME');
  if (scope.budgeted && spent.length > 0) {
    const alerts = await crossedBudgets(scope.tx, {
      userId: user.id,
      timeZone: user.timeZone,
      now: scope.now,
      categoryIds: spent.map((e) => e.category?.id ?? null),
    });
    reply.parts.push(...alerts.map((alert) => budgetAlertText(alert, user.locale)));
  }
  reply.undo = { id: CHOICE.undo(expenses[0]!.messageId), title: replies.undoButton };
}

async function softDelete(scope: EffectScope, where: Prisma.ExpenseWhereInput): Promise<string> {
  const user = requireUser(scope);
  const rows = await scope.tx.expense.findMany({
    where: { ...where, userId: user.id, deletedAt: null },
    include: { category: { select: { name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  if (rows.length === 0) return replies.nothingToUndo;
  await scope.tx.expense.updateMany({
    where: { id: { in: rows.map((r) => r.id) } },
    data: { deletedAt: scope.now },
  });
  scope.changes.deleted.push(...rows.map((r) => r.id));
  return replies.undone(rows.map((r) => expenseLabel(user, r, r.category?.name)));
}

/** Without a record in the snapshot: the newest expense a message of this chat created. */
async function lastFromChat(
  scope: EffectScope,
): Promise<{ id: string; inboundMessageId: string | null } | null> {
  return scope.tx.expense.findFirst({
    where: {
      userId: requireUser(scope).id,
      deletedAt: null,
      inboundMessage: { conversationId: scope.conversationId },
    },
    orderBy: { createdAt: 'desc' },
    select: { id: true, inboundMessageId: true },
  });
}

async function undo(scope: EffectScope, expenseIds: string[] | null): Promise<string> {
  if (expenseIds) return softDelete(scope, { id: { in: expenseIds } });
  const last = await lastFromChat(scope);
  if (!last?.inboundMessageId) return replies.nothingToUndo;
  return softDelete(scope, { inboundMessageId: last.inboundMessageId });
}

/** Removes what one run of a recurring expense recorded (its expenses share created_at). */
async function undoRun(scope: EffectScope, expenseId: string): Promise<string> {
  const first = await scope.tx.expense.findFirst({
    where: { id: expenseId, userId: requireUser(scope).id, recurringExpenseId: { not: null } },
    select: { recurringExpenseId: true, createdAt: true },
  });
  if (!first) return replies.nothingToUndo;
  return softDelete(scope, {
    recurringExpenseId: first.recurringExpenseId,
    createdAt: first.createdAt,
  });
}

/** The new values an edit writes, or why it cannot (an unknown or unclear category). */
function edited(
  change: EditChange,
): { data: Prisma.ExpenseUncheckedUpdateInput; after: (user: User) => string } | string {
  switch (change.field) {
    case 'amount':
      return {
        data: { amountMinor: change.amountMinor, currency: change.currency },
        after: (user) => money(user, change.amountMinor, change.currency),
      };
    case 'note':
      return { data: { note: change.note }, after: () => `"${change.note}"` };
    case 'category': {
      const { category } = change;
      if (category.status === 'matched') {
        return { data: { categoryId: category.categoryId }, after: () => category.name };
      }
      const word = change.words.join(' ');
      return category.status === 'ambiguous'
        ? replies.whichCategory(
            word,
            category.candidates.map((c) => c.name),
          )
        : replies.noSuchCategory(word);
    }
  }
}

async function editLast(
  scope: EffectScope,
  effect: Extract<Effect, { type: 'editLast' }>,
): Promise<string> {
  const user = requireUser(scope);
  const id = effect.expenseId ?? (await lastFromChat(scope))?.id;
  const expense = id
    ? await scope.tx.expense.findFirst({
        where: { id, userId: user.id, deletedAt: null },
        include: { category: { select: { name: true } } },
      })
    : null;
  if (!expense) return replies.nothingToEdit;
  const edit = edited(effect.change);
  if (typeof edit === 'string') return edit;
  await scope.tx.expense.update({ where: { id: expense.id }, data: edit.data });
  scope.changes.updated.push(expense.id);
  return replies.edited(expenseLabel(user, expense, expense.category?.name), edit.after(user));
}

async function command(scope: EffectScope, cmd: Command): Promise<string> {
  const input = { tx: scope.tx, user: requireUser(scope), now: scope.now };
  const { locale } = input.user;
  switch (cmd.type) {
    case 'today':
      return periodStatement(input, 'Today', cmd.range);
    case 'yesterday':
      return periodStatement(input, 'Yesterday', cmd.range);
    case 'week':
      return periodStatement(input, cmd.which === 'this' ? 'This week' : 'Last week', cmd.range, {
        showDays: true,
      });
    case 'month':
      return periodStatement(input, monthLabel(cmd.year, cmd.month, locale), cmd.range);
    case 'summary':
      return [await monthSummary(input), ...(scope.budgeted ? await budgetLines(input) : [])].join(
        '\n',
      );
    case 'budget':
      return budgetCommand(input, cmd);
    case 'stopDigests': {
      const { count } = await scope.tx.user.updateMany({
        where: {
          id: input.user.id,
          OR: [
            { dailyDigestHour: { not: null } },
            { weeklyDigest: true },
            { reminderHour: { not: null } },
          ],
        },
        data: { dailyDigestHour: null, weeklyDigest: false, reminderHour: null },
      });
      return count > 0
        ? replies.digestsStopped(new URL('settings/', scope.dashboardUrl).toString())
        : replies.noDigests;
    }
    case 'recurring':
      return createRecurring(input, cmd, new URL('recurring/', scope.dashboardUrl).toString());
    case 'category':
      return cmd.category.status === 'matched'
        ? categoryStatement(input, { id: cmd.category.categoryId, name: cmd.category.name })
        : `${await categoryList(input)}\n\nWhich one? e.g. "category ${cmd.words[0] ?? 'food'}".`;
    case 'categories':
      return categoryList(input);
    case 'last':
      return lastExpenses(input, cmd.count);
    case 'help':
      return replies.help(scope.dashboardUrl);
    default:
      // The record-changing commands the machine turns into their own effects.
      return replies.notYet(scope.dashboardUrl);
  }
}

async function link(scope: EffectScope, code: string): Promise<string> {
  const { tx, sender, now } = scope;
  if (scope.user) return replies.alreadyLinked(scope.user.displayName);
  const { limit, windowMs } = RATE_LIMITS.linkCodePerSender;
  const who = sender.bsuid ?? sender.phoneNumber ?? scope.conversationId;
  const allowance = await consume(tx, `link:wa:${who}`, limit, windowMs, now);
  if (!allowance.allowed) return replies.linkRateLimited;
  const result = await redeemLinkCode(tx, {
    code,
    phoneNumber: sender.phoneNumber ?? null,
    bsuid: sender.bsuid ?? null,
    secretKey: scope.secretKey,
    now,
  });
  if (!result.ok) return result.reason === 'number_taken' ? replies.linkTaken : replies.linkFailed;
  const user = await tx.user.findUniqueOrThrow({ where: { id: result.link.userId } });
  return replies.linked(user.displayName);
}

async function askLarge(
  scope: EffectScope,
  expense: DraftExpense,
  reminder: boolean,
): Promise<string> {
  const user = requireUser(scope);
  if (!expense.concerns.includes('large')) {
    return replies.askDuplicate(expenseLabel(user, expense, expense.category?.name), reminder);
  }
  const known = expense.usualMinor ?? null;
  const usual =
    known === null ? await usualMedian(scope.tx, user.id, expense.currency) : BigInt(known);
  return replies.askLarge(
    expenseLabel(user, expense, expense.category?.name),
    usual === null ? null : money(user, usual, expense.currency),
    reminder,
  );
}

/** What a statement leaves of a message for the rest of the reply (e.g. an expiry notice). */
const ROOM_FOR_OTHER_PARTS = 200;

/**
 * Adds a statement to the reply. One longer than a message holds goes in pages with a
 * More button that asks the same command again for the next page (nothing to remember
 * between messages); the dashboard link stands in when the command cannot be carried.
 */
function paged(
  reply: Reply,
  statement: string,
  { text, page = 1 }: Extract<Effect, { type: 'command' }>,
  dashboardUrl: string,
): void {
  if (statement.length <= LIMITS.textBody - ROOM_FOR_OTHER_PARTS && page === 1) {
    reply.parts.push(statement);
    return;
  }
  const pages = paginate(statement);
  const shown = Math.min(Math.max(page, 1), pages.length);
  reply.parts.push(`${pages[shown - 1]!}\n${replies.page(shown, pages.length)}`);
  if (shown >= pages.length) return;
  const id = text === undefined ? '' : CHOICE.more(shown + 1, text);
  if (id && id.length <= LIMITS.buttonId) reply.more = { id, title: replies.moreButton };
  else reply.parts.push(replies.more(dashboardUrl));
}

/** Carries out the machine's effects in order, adding what each says to `reply`. */
export async function perform(scope: EffectScope, effects: Effect[], reply: Reply): Promise<void> {
  const expired = effects.some((e) => e.type === 'expired');
  for (const effect of effects) {
    switch (effect.type) {
      case 'save':
        await save(scope, reply, effect.expenses);
        break;
      case 'learnAlias': {
        const user = requireUser(scope);
        await scope.tx.categoryAlias.upsert({
          where: { userId_alias: { userId: user.id, alias: effect.word } },
          create: { userId: user.id, alias: effect.word, categoryId: effect.category.id },
          update: { categoryId: effect.category.id },
        });
        reply.parts.push(replies.learned(effect.word, effect.category.name));
        break;
      }
      case 'askCategory': {
        const { expense } = effect;
        reply.question = {
          kind: 'list',
          body: replies.askCategory(expense.text, effect.reminder),
          button: replies.categoryButton,
          rows: [
            ...expense.candidates.map((c) => ({ id: CHOICE.category(c.id), title: c.name })),
            ...(expense.word
              ? [{ id: CHOICE.newCategory, title: replies.newCategoryRow(expense.word) }]
              : []),
            ...(expense.other ? [{ id: CHOICE.other, title: expense.other.name }] : []),
          ],
        };
        break;
      }
      case 'askConfirm':
        reply.question = {
          kind: 'buttons',
          body: await askLarge(scope, effect.expense, effect.reminder),
          buttons: [
            { id: CHOICE.yes, title: replies.yes },
            { id: CHOICE.no, title: replies.no },
          ],
        };
        break;
      case 'discarded':
        reply.parts.push(replies.discarded(effect.expense.text));
        break;
      case 'expired':
        if (effect.expenses.length > 0)
          reply.parts.push(replies.expired(effect.expenses.map((e) => e.text)));
        break;
      case 'undo':
        reply.parts.push(await undo(scope, effect.expenseIds));
        break;
      case 'undoMessage':
        reply.parts.push(await softDelete(scope, { inboundMessageId: effect.messageId }));
        break;
      case 'undoRun':
        reply.parts.push(await undoRun(scope, effect.expenseId));
        break;
      case 'deleteLast': {
        const id = effect.expenseId ?? (await lastFromChat(scope))?.id;
        reply.parts.push(id ? await softDelete(scope, { id }) : replies.nothingToUndo);
        break;
      }
      case 'editLast':
        reply.parts.push(await editLast(scope, effect));
        break;
      case 'command':
        paged(reply, await command(scope, effect.command), effect, scope.dashboardUrl);
        break;
      case 'notUnderstood':
        reply.parts.push(replies.notUnderstood(effect.text, effect.detail));
        break;
      case 'staleChoice':
        // After an expiry the expiry notice already says what happened.
        if (!expired) reply.parts.push(replies.staleChoice);
        break;
      case 'unsupported':
        reply.parts.push(replies.unsupported(effect.kind));
        break;
      case 'linkHelp':
        reply.parts.push(
          /^\s*\d{6}\s*$/.test(effect.text)
            ? replies.otpHere(scope.linkUrl)
            : replies.unknownNumber(scope.linkUrl),
        );
        break;
      case 'link':
        reply.parts.push(await link(scope, effect.code));
        break;
    }
  }
}
