import { fail, redirect } from '@sveltejs/kit';
import {
  CATEGORIES,
  CREATE_EXPENSE,
  DELETE_EXPENSE,
  EXPENSE_TOTALS,
  EXPENSES,
  RESTORE_EXPENSE,
  UPDATE_EXPENSE,
} from '#lib/graphql/documents.ts';
import type { Category, ExpenseConnection, FilterTotal, Viewer } from '#lib/graphql/types.ts';
import { knownCategory, readExpenseQuery, toVariables } from '#lib/expense-query.ts';
import { asTypedError, refusal, text } from '#lib/forms.ts';
import { apiFor } from '#lib/server/api.ts';
import { readExpenseForm } from '#lib/server/expense-form.ts';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 25;
const FIELD_NAMES = { amountMinor: 'amount', categoryId: 'category', occurredAt: 'date' };

type Api = ReturnType<typeof apiFor>;
type Variables = ReturnType<typeof toVariables> & Record<string, unknown>;

/** One page of the list and the whole filter's totals, or null when the api refused them. */
async function listing(api: Api, variables: Variables, paging: Record<string, unknown>) {
  const [list, totals] = await Promise.all([
    api.run<{ expenses: ExpenseConnection }>(EXPENSES, { ...variables, ...paging }),
    api.run<{ expenseTotals: FilterTotal[] }>(EXPENSE_TOTALS, { filter: variables.filter }),
  ]);
  if (!list.data || !totals.data) return null;
  return { expenses: list.data.expenses, totals: totals.data.expenseTotals };
}

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  const params = event.url.searchParams;
  const { categories } = await api.must<{ categories: Category[] }>(CATEGORIES, {
    includeArchived: true,
  });
  const { query, ignored } = knownCategory(readExpenseQuery(params), categories);
  const before = params.get('before');
  const after = params.get('after');
  const variables = toVariables(query);
  // A link the api cannot read (a page cursor or filter typed by hand or cut short) shows
  // the first page, or everything, and says what was left out instead of failing.
  let shown = await listing(
    api,
    variables,
    before ? { last: PAGE_SIZE, before } : { first: PAGE_SIZE, after },
  );
  if (!shown && (before || after)) {
    ignored.push('page');
    shown = await listing(api, variables, { first: PAGE_SIZE });
  }
  let shownQuery = query;
  if (!shown) {
    ignored.push('filter');
    shownQuery = readExpenseQuery(new URLSearchParams());
    const everything = toVariables(shownQuery);
    const [list, totals] = await Promise.all([
      api.must<{ expenses: ExpenseConnection }>(EXPENSES, { ...everything, first: PAGE_SIZE }),
      api.must<{ expenseTotals: FilterTotal[] }>(EXPENSE_TOTALS, { filter: everything.filter }),
    ]);
    shown = { expenses: list.expenses, totals: totals.expenseTotals };
  }
  return {
    query: shownQuery,
    ignored,
    ...shown,
    categories: categories.filter((category) => !category.archived),
    editing: params.get('edit'),
    // A fresh key for the add form each time the page is shown: posting the same form
    // twice (a double click without JavaScript) makes one entry.
    requestKey: crypto.randomUUID(),
  };
};

type Result = {
  __typename: string;
  id?: string;
  note?: string | null;
  amount?: { formatted: string };
};

function signedIn(viewer: Viewer | null): Viewer {
  // hooks.server.ts found no session: the api would refuse the mutation anyway.
  if (!viewer) redirect(303, '/login/');
  return viewer;
}

export const actions: Actions = {
  create: async (event) => {
    const form = await event.request.formData();
    const read = readExpenseForm(form, signedIn(event.locals.viewer));
    if (Object.keys(read.fields).length) {
      return fail(400, {
        action: 'create',
        values: read.values,
        fields: read.fields,
        message: 'Please fix the fields below.',
      });
    }
    const requestKey = text(form, 'requestKey');
    const answer = await apiFor(event).run<{ createExpense: Result }>(CREATE_EXPENSE, {
      input: { ...read.input, ...(requestKey ? { requestKey } : {}) },
    });
    const { data } = answer;
    const error = asTypedError(data?.createExpense);
    if (error || !data) {
      const failure = refusal(answer, error, FIELD_NAMES, 'Could not save.');
      return fail(400, { action: 'create', values: read.values, ...failure });
    }
    return { action: 'create', added: data.createExpense.id };
  },

  update: async (event) => {
    const form = await event.request.formData();
    const id = text(form, 'id');
    const read = readExpenseForm(form, signedIn(event.locals.viewer), text(form, 'previousDate'));
    if (Object.keys(read.fields).length) {
      return fail(400, {
        action: 'update',
        id,
        values: read.values,
        fields: read.fields,
        message: 'Please fix the fields below.',
      });
    }
    const answer = await apiFor(event).run<{ updateExpense: Result }>(UPDATE_EXPENSE, {
      id,
      input: read.input,
    });
    const { data } = answer;
    const error = asTypedError(data?.updateExpense);
    if (error || !data) {
      const failure = refusal(answer, error, FIELD_NAMES, 'Could not save.');
      return fail(400, { action: 'update', id, values: read.values, ...failure });
    }
    return { action: 'update', updated: id };
  },

  delete: async (event) => {
    const id = text(await event.request.formData(), 'id');
    const { data } = await apiFor(event).run<{ deleteExpense: Result }>(DELETE_EXPENSE, { id });
    const error = asTypedError(data?.deleteExpense);
    if (error || !data) {
      return fail(404, { action: 'delete', message: error?.message ?? 'Could not delete.' });
    }
    const deleted = data.deleteExpense;
    return {
      action: 'delete',
      deleted: { id, label: [deleted.amount?.formatted, deleted.note].filter(Boolean).join(' · ') },
    };
  },

  restore: async (event) => {
    const id = text(await event.request.formData(), 'id');
    const { data } = await apiFor(event).run<{ restoreExpense: Result }>(RESTORE_EXPENSE, { id });
    const error = asTypedError(data?.restoreExpense);
    if (error || !data) {
      return fail(404, { action: 'restore', message: error?.message ?? 'Could not restore.' });
    }
    return { action: 'restore', restored: id };
  },
};
