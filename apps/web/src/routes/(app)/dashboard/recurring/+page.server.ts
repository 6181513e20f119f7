import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { asTypedError, failureFrom, isAnswer, refusal, text, type Answer } from '#lib/forms.ts';
import { CategoryOptionFields } from '#lib/graphql/category.ts';
import { TypedErrorFields, type TypedError } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import {
  dayLabel,
  parseRule,
  RecurringRuleFields,
  ruleName,
  ruleValues,
  type RecurringExpense,
  type RuleValues,
} from '#lib/recurring.ts';
import { apiFor } from '#lib/server/api.ts';
import { serverTranslator, type Translate } from '#lib/server/i18n.ts';
import { today } from '#lib/zoned-time.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const RecurringQuery = graphql(
  `
    query RecurringExpenses {
      recurringExpenses {
        ...RecurringRuleFields
      }
      categories {
        ...CategoryOptionFields
      }
    }
  `,
  [RecurringRuleFields, CategoryOptionFields],
);

const CreateMutation = graphql(
  `
    mutation CreateRecurringExpense($input: NewRecurringExpense!) {
      createRecurringExpense(input: $input) {
        __typename
        ...TypedErrorFields
        ...RecurringRuleFields
      }
    }
  `,
  [TypedErrorFields, RecurringRuleFields],
);

const UpdateMutation = graphql(
  `
    mutation UpdateRecurringExpense($id: ID!, $input: RecurringExpensePatch!) {
      updateRecurringExpense(id: $id, input: $input) {
        __typename
        ...TypedErrorFields
        ...RecurringRuleFields
      }
    }
  `,
  [TypedErrorFields, RecurringRuleFields],
);

const PauseMutation = graphql(
  `
    mutation PauseRecurringExpense($id: ID!) {
      pauseRecurringExpense(id: $id) {
        __typename
        ...TypedErrorFields
        ...RecurringRuleFields
      }
    }
  `,
  [TypedErrorFields, RecurringRuleFields],
);

const ResumeMutation = graphql(
  `
    mutation ResumeRecurringExpense($id: ID!) {
      resumeRecurringExpense(id: $id) {
        __typename
        ...TypedErrorFields
        ...RecurringRuleFields
      }
    }
  `,
  [TypedErrorFields, RecurringRuleFields],
);

const DeleteMutation = graphql(
  `
    mutation DeleteRecurringExpense($id: ID!) {
      deleteRecurringExpense(id: $id) {
        __typename
        ...TypedErrorFields
        ... on DeleteRecurringExpenseSuccess {
          deletedId
        }
      }
    }
  `,
  [TypedErrorFields],
);

export const load: PageServerLoad = async (event) => {
  const { viewer } = await event.parent();
  const { recurringExpenses, categories } = await apiFor(event).must(RecurringQuery);
  return {
    rules: recurringExpenses,
    categories,
    today: today(viewer.timeZone),
    editing: event.url.searchParams.get('edit'),
  };
};

type Action = 'create' | 'update' | 'pause' | 'resume' | 'remove';

const FIELD_NAMES = { amountMinor: 'amount', categoryId: 'category' };

function refused(
  action: Action,
  id: string,
  values: RuleValues | null,
  fields: Record<string, string>,
  message: string,
): ActionFailure<{
  action: Action;
  id: string;
  values: RuleValues | null;
  fields: Record<string, string>;
  message: string;
}> {
  return fail(400, { action, id, values, fields, message });
}

/** The api's answer as the page's result: a confirmation, or a failure to show. */
function answered<Result extends { __typename: string }>(
  t: Translate,
  action: Action,
  id: string,
  values: RuleValues | null,
  result: Result | undefined,
  answer: Answer,
  done: (value: Exclude<Result, TypedError>) => string,
) {
  if (result && isAnswer(result)) return { action, id, done: done(result) };
  const error = asTypedError(result);
  if (error) {
    const failure = failureFrom(t, error, FIELD_NAMES);
    const message =
      error.__typename === 'NotFoundError'
        ? t('recurring.gone')
        : error.__typename === 'ValidationError'
          ? t('recurring.fixFields')
          : failure.message;
    return refused(action, id, values, failure.fields, message);
  }
  const failure = refusal(t, answer, null, FIELD_NAMES);
  return refused(action, id, values, failure.fields, failure.message);
}

const nextLabel = (t: Translate, rule: RecurringExpense, locale: string) =>
  rule.nextRunOn
    ? t('recurring.nextOn', { day: dayLabel(rule.nextRunOn, locale) })
    : t('recurring.hasEnded');

async function save(event: RequestEvent, action: 'create' | 'update') {
  const viewer = event.locals.viewer;
  if (!viewer) redirect(303, '/login/');
  const form = await event.request.formData();
  const id = text(form, 'id');
  const values = ruleValues(form);
  const currency = text(form, 'currency') || viewer.currency;
  const t = await serverTranslator(event);
  const parsed = parseRule(values, currency, t);
  if ('fields' in parsed) {
    return refused(action, id, values, parsed.fields, t('recurring.fixFields'));
  }
  const api = apiFor(event);
  const describe = (rule: RecurringExpense) =>
    t('recurring.describe', {
      amount: rule.amount.formatted,
      description: rule.description,
      name: ruleName(rule),
      next: nextLabel(t, rule, viewer.locale),
    });
  if (action === 'create') {
    const answer = await api.run(CreateMutation, {
      input: { ...parsed.input, currency },
    });
    const { data } = answer;
    return answered(t, action, id, values, data?.createRecurringExpense, answer, (rule) =>
      t('recurring.added', { rule: describe(rule) }),
    );
  }
  // An archived category is kept as it is: sending it again would be refused.
  const { categoryId, ...input } = parsed.input;
  const unchanged = categoryId === (text(form, 'previousCategory') || null);
  const answer = await api.run(UpdateMutation, {
    id,
    input: unchanged ? input : { ...input, categoryId },
  });
  const { data } = answer;
  return answered(t, action, id, values, data?.updateRecurringExpense, answer, (rule) =>
    t('recurring.savedRule', { rule: describe(rule) }),
  );
}

async function toggle(event: RequestEvent, action: 'pause' | 'resume') {
  const locale = event.locals.viewer?.locale ?? 'en';
  const t = await serverTranslator(event);
  const id = text(await event.request.formData(), 'id');
  const api = apiFor(event);
  if (action === 'pause') {
    const answer = await api.run(PauseMutation, { id });
    return answered(t, action, id, null, answer.data?.pauseRecurringExpense, answer, (rule) =>
      t('recurring.pausedRule', { name: ruleName(rule) }),
    );
  }
  const answer = await api.run(ResumeMutation, { id });
  return answered(t, action, id, null, answer.data?.resumeRecurringExpense, answer, (rule) =>
    t('recurring.resumed', { name: ruleName(rule), next: nextLabel(t, rule, locale) }),
  );
}

export const actions: Actions = {
  create: (event) => save(event, 'create'),
  update: (event) => save(event, 'update'),
  pause: (event) => toggle(event, 'pause'),
  resume: (event) => toggle(event, 'resume'),
  remove: async (event) => {
    const form = await event.request.formData();
    const id = text(form, 'id');
    const answer = await apiFor(event).run(DeleteMutation, { id });
    const { data } = answer;
    const name = text(form, 'name');
    const t = await serverTranslator(event);
    return answered(t, 'remove', id, null, data?.deleteRecurringExpense, answer, () =>
      t('recurring.deleted', { named: name ? 'yes' : 'no', name }),
    );
  },
};
