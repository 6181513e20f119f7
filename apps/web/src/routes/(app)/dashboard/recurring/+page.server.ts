import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import {
  CREATE_RECURRING,
  DELETE_RECURRING,
  PAUSE_RECURRING,
  RECURRING_EXPENSES,
  RESUME_RECURRING,
  UPDATE_RECURRING,
} from '#lib/graphql/documents.ts';
import type { CategoryRef, RecurringExpense } from '#lib/graphql/types.ts';
import { asTypedError, failureFrom, refusal, text, type Answer } from '#lib/forms.ts';
import { dayLabel, parseRule, ruleName, ruleValues, type RuleValues } from '#lib/recurring.ts';
import { apiFor } from '#lib/server/api.ts';
import { today } from '#lib/zoned-time.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  const { viewer } = await event.parent();
  const { recurringExpenses, categories } = await apiFor(event).must<{
    recurringExpenses: RecurringExpense[];
    categories: Pick<CategoryRef, 'id' | 'name' | 'emoji'>[];
  }>(RECURRING_EXPENSES);
  return {
    rules: recurringExpenses,
    categories,
    today: today(viewer.timeZone),
    editing: event.url.searchParams.get('edit'),
  };
};

type Action = 'create' | 'update' | 'pause' | 'resume' | 'remove';
type Result = RecurringExpense & { __typename: string };

const FIELD_NAMES = { amountMinor: 'amount', categoryId: 'category' };

function refused(
  action: Action,
  id: string,
  values: RuleValues | null,
  fields: Record<string, string>,
  message = 'Please fix the highlighted fields.',
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
function answered(
  action: Action,
  id: string,
  values: RuleValues | null,
  result: { __typename: string } | undefined,
  answer: Answer,
  done: (rule: Result) => string,
) {
  const error = asTypedError(result);
  if (error) {
    const failure = failureFrom(error, FIELD_NAMES);
    const message =
      error.__typename === 'NotFoundError'
        ? 'That recurring expense or its category is gone. Reload the page and try again.'
        : error.__typename === 'ValidationError'
          ? 'Please fix the highlighted fields.'
          : failure.message;
    return refused(action, id, values, failure.fields, message);
  }
  if (!result) {
    const failure = refusal(answer, null, FIELD_NAMES, 'That did not work. Try again.');
    return refused(action, id, values, failure.fields, failure.message);
  }
  return { action, id, done: done(result as Result) };
}

const nextLabel = (rule: Result, locale: string) =>
  rule.nextRunOn ? `next on ${dayLabel(rule.nextRunOn, locale)}` : 'it has ended';

async function save(event: RequestEvent, action: 'create' | 'update') {
  const viewer = event.locals.viewer;
  if (!viewer) redirect(303, '/login/');
  const form = await event.request.formData();
  const id = text(form, 'id');
  const values = ruleValues(form);
  const currency = text(form, 'currency') || viewer.currency;
  const parsed = parseRule(values, currency);
  if ('fields' in parsed) return refused(action, id, values, parsed.fields);
  const api = apiFor(event);
  const describe = (rule: Result) =>
    `${rule.amount.formatted} ${rule.description} (${ruleName(rule)}), ${nextLabel(rule, viewer.locale)}.`;
  if (action === 'create') {
    const answer = await api.run<{ createRecurringExpense: Result }>(CREATE_RECURRING, {
      input: { ...parsed.input, currency },
    });
    const { data } = answer;
    return answered(
      action,
      id,
      values,
      data?.createRecurringExpense,
      answer,
      (rule) => `Added: ${describe(rule)}`,
    );
  }
  // An archived category is kept as it is: sending it again would be refused.
  const { categoryId, ...input } = parsed.input;
  const unchanged = categoryId === (text(form, 'previousCategory') || null);
  const answer = await api.run<{ updateRecurringExpense: Result }>(UPDATE_RECURRING, {
    id,
    input: unchanged ? input : { ...input, categoryId },
  });
  const { data } = answer;
  return answered(
    action,
    id,
    values,
    data?.updateRecurringExpense,
    answer,
    (rule) => `Saved: ${describe(rule)}`,
  );
}

async function toggle(event: RequestEvent, action: 'pause' | 'resume') {
  const locale = event.locals.viewer?.locale ?? 'en';
  const id = text(await event.request.formData(), 'id');
  const document = action === 'pause' ? PAUSE_RECURRING : RESUME_RECURRING;
  const answer = await apiFor(event).run<Record<string, Result>>(document, { id });
  const { data } = answer;
  return answered(action, id, null, data?.[`${action}RecurringExpense`], answer, (rule) =>
    action === 'pause'
      ? `Paused ${ruleName(rule)}: nothing is recorded until you resume it.`
      : `Resumed ${ruleName(rule)}: ${nextLabel(rule, locale)}.`,
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
    const answer = await apiFor(event).run<{
      deleteRecurringExpense: { __typename: string };
    }>(DELETE_RECURRING, { id });
    const { data } = answer;
    const name = text(form, 'name');
    return answered(
      'remove',
      id,
      null,
      data?.deleteRecurringExpense,
      answer,
      () => `Deleted ${name || 'it'}. The expenses it recorded stay.`,
    );
  },
};
