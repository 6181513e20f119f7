// The effects that answer questions about spending, page by page.
import { catalogLocale } from '@spendline/i18n';
import { answerQuestion } from '@spendline/spending';
import { LIMITS } from '@spendline/whatsapp';
import { answerText, drillList } from '../answers.ts';
import { MORE_ANSWER } from '../interpret.ts';
import { paginate } from '../reply.ts';
import { CHOICE } from '../types.ts';
import { requireUser, type FamilyHandlers, sayTo } from './scope.ts';

export const answerHandlers: FamilyHandlers<'answer' | 'questionHelp'> = {
  async answer({ question, page }, { scope, reply }) {
    const user = requireUser(scope);
    const answer = await answerQuestion(scope.tx, {
      userId: user.id,
      timeZone: user.timeZone,
      question: question.currency ? question : { ...question, currency: user.currency },
    });
    const pages = paginate(answerText(user, answer));
    if (pages.length === 1 && page === 1) {
      reply.parts.push(pages[0]!);
      // A question still open about an expense keeps its own list or buttons.
      const list = reply.question === null ? drillList(user, answer) : null;
      if (list) reply.question = { kind: 'list', ...list };
      return;
    }
    if (page > pages.length) {
      reply.parts.push(sayTo(scope).t('answerAllPages', { pages: pages.length }));
      return;
    }
    reply.parts.push(`${pages[page - 1]!}\n${sayTo(scope).page(page, pages.length)}`);
    if (page < pages.length) {
      const id = CHOICE.more(page + 1, MORE_ANSWER);
      if (id.length <= LIMITS.buttonId) reply.more = { id, title: sayTo(scope).moreButton };
    }
  },
  questionHelp({ text, example }, { scope, reply }) {
    const { t } = sayTo(scope);
    // The parser suggests questions in English; it reads the catalog's example too.
    const suggested = catalogLocale(scope.locale) === 'en' ? example : t('questionExample');
    reply.parts.push(t('questionHelp', { text, example: suggested }));
  },
};
