// ask(question): the chat's questions about spending, answered in structured form. The
// words are read by the parser against the viewer's own categories and every figure is
// SQL over the viewer's own entries: nothing here takes an id, so nothing reaches another
// person's rows.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { catalogLocale, chatTranslator, periodName } from '@spendline/i18n';
import { weekStartOf } from '@spendline/ledger';
import { parseQuestion, resolveQuestion, type QuestionPeriod } from '@spendline/parser';
import {
  answerQuestion,
  type Answer,
  type AnswerEntry,
  type CurrencyTotal,
} from '@spendline/spending';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { money, MoneyRef } from '../money.ts';

interface AskShape {
  answer: Answer | null;
  example: string | null;
  locale: string;
  currency: string;
}

const MeasureEnum = builder.enumType('QuestionMeasure', {
  values: ['total', 'count', 'average', 'biggest', 'top', 'list', 'any', 'above', 'below'] as const,
});

type Located<T> = T & { locale: string };

const PeriodRef = builder.objectRef<Located<QuestionPeriod>>('AnswerPeriod').implement({
  description: 'Local days from..to, both included, as the question named them.',
  fields: (t) => ({
    from: t.field({ type: 'Date', resolve: (p) => p.from }),
    to: t.field({ type: 'Date', resolve: (p) => p.to }),
    label: t.string({
      description: 'Its name in your language: "last month", "3 Dec", "mês passado".',
      resolve: (p) => periodName(p, p.locale).label,
    }),
  }),
});

const EntryRef = builder.objectRef<Located<AnswerEntry>>('AnswerEntry').implement({
  fields: (t) => ({
    id: t.id({
      description: 'The Expense node id.',
      resolve: (e) => encodeGlobalID('Expense', e.id),
    }),
    date: t.field({ type: 'Date', resolve: (e) => e.occurredOn }),
    amount: t.field({ type: MoneyRef, resolve: (e) => money(e.amountMinor, e.currency, e.locale) }),
    category: t.string({ nullable: true, resolve: (e) => e.category }),
    note: t.string({ nullable: true, resolve: (e) => e.note }),
  }),
});

const CategoryTotalRef = builder
  .objectRef<Located<Answer['categories'][number]>>('AnswerCategory')
  .implement({
    fields: (t) => ({
      name: t.string({ resolve: (c) => c.name ?? chatTranslator(c.locale)('uncategorised') }),
      total: t.field({ type: MoneyRef, resolve: (c) => money(c.totalMinor, c.currency, c.locale) }),
      count: t.exposeInt('count'),
    }),
  });

const own = (totals: CurrencyTotal[], currency: string) =>
  totals.find((t) => t.currency === currency)?.totalMinor ?? 0n;

const AskRef = builder.objectRef<AskShape>('Answer').implement({
  description: 'The answer to a question about your spending; every figure is from your entries.',
  fields: (t) => ({
    understood: t.boolean({ resolve: (a) => a.answer !== null }),
    example: t.string({
      nullable: true,
      description: 'When the question was not understood: a question like it that would be.',
      resolve: (a) => a.example,
    }),
    measure: t.field({
      type: MeasureEnum,
      nullable: true,
      resolve: (a) => a.answer?.question.measure ?? null,
    }),
    subject: t.string({
      nullable: true,
      description: 'The category or the merchant/note word asked about; null for all spending.',
      resolve: ({ answer }) => {
        const filter = answer?.question.filter;
        if (!filter) return null;
        return filter.kind === 'category' ? filter.name : filter.word;
      },
    }),
    period: t.field({
      type: PeriodRef,
      nullable: true,
      resolve: ({ answer, locale }) => answer && { ...answer.question.period, locale },
    }),
    comparedWith: t.field({
      type: PeriodRef,
      nullable: true,
      description: 'The period asked to compare with, or else the one before.',
      resolve: ({ answer, locale }) => answer && { ...answer.other.period, locale },
    }),
    totals: t.field({
      type: [MoneyRef],
      description: 'Spending per currency over the period (within the amount asked, if any).',
      resolve: ({ answer, locale }) =>
        (answer?.totals ?? []).map((c) => money(c.totalMinor, c.currency, locale)),
    }),
    count: t.int({
      resolve: ({ answer }) => (answer?.totals ?? []).reduce((n, c) => n + c.count, 0),
    }),
    comparedTotal: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'The compared period’s spending in your currency.',
      resolve: ({ answer, locale, currency }) =>
        answer ? money(own(answer.other.totals, currency), currency, locale) : null,
    }),
    change: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'This period minus the compared one, in your currency.',
      resolve: ({ answer, locale, currency }) =>
        answer
          ? money(
              own(answer.totals, currency) - own(answer.other.totals, currency),
              currency,
              locale,
            )
          : null,
    }),
    changeRatio: t.float({
      nullable: true,
      description: '(this - compared) / compared; null when nothing was spent then.',
      resolve: ({ answer, currency }) => {
        const before = answer ? own(answer.other.totals, currency) : 0n;
        if (!answer || before === 0n) return null;
        return Number(((own(answer.totals, currency) - before) * 10_000n) / before) / 10_000;
      },
    }),
    averagePerDay: t.field({
      type: MoneyRef,
      nullable: true,
      description:
        'Your currency’s total divided by the days of the period up to today; null for a period not begun.',
      resolve: ({ answer, locale, currency }) =>
        answer && answer.days > 0
          ? money(own(answer.totals, currency) / BigInt(answer.days), currency, locale)
          : null,
    }),
    categories: t.field({
      type: [CategoryTotalRef],
      description: 'Biggest first: the top categories asked for, or a breakdown of a total.',
      resolve: ({ answer, locale }) => (answer?.categories ?? []).map((c) => ({ ...c, locale })),
    }),
    entries: t.field({
      type: [EntryRef],
      description: 'The entries behind a list, a biggest expense or an amount threshold.',
      resolve: ({ answer, locale }) => (answer?.entries ?? []).map((e) => ({ ...e, locale })),
    }),
  }),
});

const questionText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(300, 'must be at most 300 characters');

builder.queryField('ask', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: AskRef,
    description:
      'A question about your spending in your words ("food last month", "top 3 categories ' +
      'this month", "uber this month vs last month"), answered from your entries.',
    args: { question: t.arg.string({ required: true, validate: questionText }) },
    resolve: async (_root, args, context) => {
      const { user } = context.viewer;
      const rows = await context.prisma.category.findMany({
        where: { userId: user.id, archivedAt: null },
        include: { aliases: true },
      });
      const read = parseQuestion(args.question, {
        categories: rows.map((c) => ({
          id: c.id,
          name: c.name,
          aliases: c.aliases.map((a) => a.alias),
        })),
        currency: user.currency,
        locale: user.locale,
        timeZone: user.timeZone,
        weekStartsOn: weekStartOf(user),
        now: context.now(),
      });
      const shape = { locale: user.locale, currency: user.currency };
      if (read?.kind !== 'question') {
        // The parser suggests questions in English; it reads the catalog's example too.
        const example =
          read?.kind === 'unclear' && catalogLocale(user.locale) === 'en'
            ? read.example
            : chatTranslator(user.locale)('questionExample');
        return { ...shape, answer: null, example };
      }
      const question = resolveQuestion(read.question, null);
      const answer = await answerQuestion(context.sql, {
        userId: user.id,
        timeZone: user.timeZone,
        question,
      });
      return { ...shape, answer, example: null };
    },
  }),
);
