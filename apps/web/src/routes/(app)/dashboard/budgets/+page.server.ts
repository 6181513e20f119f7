import { fail, redirect } from '@sveltejs/kit';
import { BudgetUseFields } from '#lib/components/charts/budget-use-fields.ts';
import { asTypedError, refusal, text, type Answer } from '#lib/forms.ts';
import { TypedErrorFields, type TypedError } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import { toMinor } from '#lib/money.ts';
import { apiFor } from '#lib/server/api.ts';
import { serverTranslator } from '#lib/server/i18n.ts';
import { today } from '#lib/zoned-time.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const BudgetsQuery = graphql(
  `
    query Budgets($month: Date) {
      budgets(month: $month) {
        ...BudgetUseFields
      }
      categories {
        id
        name
        emoji
      }
    }
  `,
  [BudgetUseFields],
);

const SetBudgetMutation = graphql(
  `
    mutation SetBudget($input: BudgetInput!) {
      setBudget(input: $input) {
        __typename
        ...TypedErrorFields
        ... on BudgetUse {
          category {
            name
          }
          limit {
            formatted
          }
        }
      }
    }
  `,
  [TypedErrorFields],
);

const DeleteBudgetMutation = graphql(
  `
    mutation DeleteBudget($categoryId: ID, $from: Date) {
      deleteBudget(categoryId: $categoryId, from: $from) {
        __typename
        ...TypedErrorFields
        ... on DeleteBudgetSuccess {
          ended
        }
      }
    }
  `,
  [TypedErrorFields],
);

export const load: PageServerLoad = async (event) => {
  const { viewer } = await event.parent();
  // Asked for by name so the heading and the numbers are about the same month.
  const month = `${today(viewer.timeZone).slice(0, 7)}-01`;
  const { budgets, categories } = await apiFor(event).must(BudgetsQuery, { month });
  return { month, budgets, categories, editing: event.url.searchParams.get('edit') };
};

const FIELD_NAMES = { amountMinor: 'amount', categoryId: 'category' };

async function refused(
  event: RequestEvent,
  values: { action: string; scope: string; amount?: string },
  error: TypedError | null,
  answer: Answer,
) {
  const t = await serverTranslator(event);
  const failure = refusal(t, answer, error, FIELD_NAMES);
  if (error?.__typename === 'NotFoundError') failure.message = t('budgets.categoryGone');
  return fail(400, { ...values, ...failure });
}

/** Sets a scope's budget from this month on: the add form ("set") and a row's "edit". */
async function setBudget(event: RequestEvent, action: 'set' | 'edit') {
  const viewer = event.locals.viewer;
  if (!viewer) redirect(303, '/login/');
  const form = await event.request.formData();
  const scope = text(form, 'category');
  const amount = text(form, 'amount');
  const amountMinor = toMinor(amount, viewer.currency);
  const t = await serverTranslator(event);
  if (!amountMinor) {
    const fields = { amount: t('budgets.amountProblem') };
    return fail(400, { action, scope, amount, message: t('budgets.fixAmount'), fields });
  }
  const answer = await apiFor(event).run(SetBudgetMutation, {
    input: { categoryId: scope || null, amountMinor },
  });
  const { data } = answer;
  const error = asTypedError(data?.setBudget);
  const use = data?.setBudget;
  if (error || use?.__typename !== 'BudgetUse') {
    return refused(event, { action, scope, amount }, error, answer);
  }
  const limit = use.limit.formatted;
  const done = use.category
    ? t('budgets.saved', { name: use.category.name, limit })
    : t('budgets.savedOverall', { limit });
  return { action, scope, done };
}

export const actions: Actions = {
  set: (event) => setBudget(event, 'set'),
  edit: (event) => setBudget(event, 'edit'),
  remove: async (event) => {
    const form = await event.request.formData();
    const scope = text(form, 'category');
    const answer = await apiFor(event).run(DeleteBudgetMutation, { categoryId: scope || null });
    const { data } = answer;
    const error = asTypedError(data?.deleteBudget);
    if (error || !data) return refused(event, { action: 'remove', scope }, error, answer);
    const label = text(form, 'label');
    const t = await serverTranslator(event);
    return {
      action: 'remove',
      scope,
      done: label ? t('budgets.removed', { name: label }) : t('budgets.removedOverall'),
    };
  },
};
