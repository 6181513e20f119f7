// The effects that answer with words read from the books: statements and commands.
import { sql, type User } from '@spendline/db';
import { tagFor, type Locale } from '@spendline/i18n';
import type { Command } from '@spendline/parser';
import { requestStatement } from '@spendline/reports/requests';
import { LIMITS } from '@spendline/whatsapp';
import { budgetCommand, budgetLines } from '../budgets.ts';
import { createRecurring } from '../recurring.ts';
import { paginate, type Reply } from '../reply.ts';
import {
  categoryList,
  categoryStatement,
  lastExpenses,
  monthLabel,
  monthSummary,
  periodStatement,
} from '../statements.ts';
import { CHOICE, type Effect } from '../types.ts';
import { requireUser, type EffectScope, type FamilyHandlers, sayTo } from './scope.ts';

/**
 * Sets the language the user picked by message (users.locale, as Settings does) and says
 * so in it: the rest of this reply and every later one speak it too.
 */
async function changeLanguage(scope: EffectScope, user: User, language: Locale): Promise<string> {
  const locale = tagFor(language, user.locale);
  await scope.tx.execute(sql`
    UPDATE users SET locale = ${locale}, updated_at = now() WHERE id = ${user.id}::uuid`);
  scope.user = { ...user, locale };
  scope.locale = locale;
  return sayTo(scope).languageChanged;
}

async function command(scope: EffectScope, cmd: Command): Promise<string> {
  const input = { tx: scope.tx, user: requireUser(scope), now: scope.now };
  const { locale } = input.user;
  const say = sayTo(scope);
  switch (cmd.type) {
    case 'today':
      return periodStatement(input, say.t('digestToday'), cmd.range);
    case 'yesterday':
      return periodStatement(input, say.t('periodYesterday'), cmd.range);
    case 'week':
      return periodStatement(
        input,
        say.t(cmd.which === 'this' ? 'periodThisWeek' : 'digestLastWeek'),
        cmd.range,
        { showDays: true },
      );
    case 'month':
      return periodStatement(input, monthLabel(cmd.year, cmd.month, locale), cmd.range);
    case 'summary':
      return [await monthSummary(input), ...(scope.budgeted ? await budgetLines(input) : [])].join(
        '\n',
      );
    case 'budget':
      return budgetCommand(input, cmd);
    case 'statement': {
      // Drawn and sent after this transaction, by the statement sender.
      const recipient = scope.sender.phoneNumber ?? scope.sender.bsuid;
      if (recipient === undefined) return sayTo(scope).notYet(scope.dashboardUrl);
      await requestStatement(scope.tx, {
        userId: input.user.id,
        conversationId: scope.conversationId,
        recipient,
        month: `${cmd.year}-${String(cmd.month).padStart(2, '0')}-01`,
      });
      return sayTo(scope).statementComing(monthLabel(cmd.year, cmd.month, locale));
    }
    case 'stopDigests': {
      const count = await scope.tx.execute(sql`
        UPDATE users
           SET daily_digest_hour = NULL, weekly_digest = false, reminder_hour = NULL,
               updated_at = now()
         WHERE id = ${input.user.id}::uuid
           AND (daily_digest_hour IS NOT NULL OR weekly_digest OR reminder_hour IS NOT NULL)`);
      return count > 0
        ? sayTo(scope).digestsStopped(new URL('settings/', scope.dashboardUrl).toString())
        : sayTo(scope).noDigests;
    }
    case 'recurring':
      return createRecurring(input, cmd, new URL('recurring/', scope.dashboardUrl).toString());
    case 'category':
      return cmd.category.status === 'matched'
        ? categoryStatement(input, { id: cmd.category.categoryId, name: cmd.category.name })
        : `${await categoryList(input)}\n\n${say.t('categoryWhich', { example: cmd.words[0] ?? 'food' })}`;
    case 'categories':
      return categoryList(input);
    case 'last':
      return lastExpenses(input, cmd.count);
    case 'language':
      return changeLanguage(scope, input.user, cmd.language);
    case 'help':
      return sayTo(scope).help(scope.dashboardUrl);
    case 'smallTalk':
      return cmd.kind === 'thanks' ? sayTo(scope).t('thanks') : '👍';
    default:
      // The record-changing commands the machine turns into their own effects.
      return sayTo(scope).notYet(scope.dashboardUrl);
  }
}

/** What a statement leaves of a message for the rest of the reply (e.g. an expiry notice). */
const ROOM_FOR_OTHER_PARTS = 200;

/**
 * Adds a statement to the reply. One longer than a message holds goes in pages with a
 * More button that asks the same command again for the next page (nothing to remember
 * between messages); the dashboard link stands in when the command cannot be carried.
 */
function paged(
  scope: EffectScope,
  reply: Reply,
  statement: string,
  { text, page = 1 }: Extract<Effect, { type: 'command' }>,
): void {
  const say = sayTo(scope);
  if (statement.length <= LIMITS.textBody - ROOM_FOR_OTHER_PARTS && page === 1) {
    reply.parts.push(statement);
    return;
  }
  const pages = paginate(statement);
  const shown = Math.min(Math.max(page, 1), pages.length);
  reply.parts.push(`${pages[shown - 1]!}\n${say.page(shown, pages.length)}`);
  if (shown >= pages.length) return;
  const id = text === undefined ? '' : CHOICE.more(shown + 1, text);
  if (id && id.length <= LIMITS.buttonId) reply.more = { id, title: say.moreButton };
  else reply.parts.push(say.more(scope.dashboardUrl));
}

export const statementHandlers: FamilyHandlers<'command'> = {
  async command(effect, { scope, reply }) {
    paged(scope, reply, await command(scope, effect.command), effect);
  },
};
