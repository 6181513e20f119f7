import { fail, redirect } from '@sveltejs/kit';
import {
  CATEGORIES,
  CREATE_EXPENSE,
  DELETE_EXPENSE,
  EXPENSES,
  RESTORE_EXPENSE,
  UPDATE_EXPENSE,
} from '#lib/graphql/documents.ts';
import type { Category, ExpenseConnection, Viewer } from '#lib/graphql/types.ts';
import { readExpenseQuery, toVariables } from '#lib/expense-query.ts';
import { asTypedError, failureFrom, text } from '#lib/forms.ts';
import { apiFor } from '#lib/server/api.ts';
import { readExpenseForm } from '#lib/server/expense-form.ts';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 25;

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  const query = readExpenseQuery(event.url.searchParams);
  const before = event.url.searchParams.get('before');
  const after = event.url.searchParams.get('after');
  const paging = before ? { last: PAGE_SIZE, before } : { first: PAGE_SIZE, after };
  const [expenses, categories] = await Promise.all([
    api.must<{ expenses: ExpenseConnection }>(EXPENSES, { ...toVariables(query), ...paging }),
    api.must<{ categories: Category[] }>(CATEGORIES, { includeArchived: false }),
  ]);
  return {
    query,
    expenses: expenses.expenses,
    categories: categories.categories,
    editing: event.url.searchParams.get('edit'),
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
    const { data, error: problem } = await apiFor(event).run<{ createExpense: Result }>(
      CREATE_EXPENSE,
      {
        input: read.input,
      },
    );
    const error = asTypedError(data?.createExpense);
    if (error || !data) {
      const failure = error
        ? failureFrom(error, { amountMinor: 'amount', categoryId: 'category', occurredAt: 'date' })
        : { message: problem ?? 'Could not save.', fields: {} };
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
    const { data, error: problem } = await apiFor(event).run<{ updateExpense: Result }>(
      UPDATE_EXPENSE,
      {
        id,
        input: read.input,
      },
    );
    const error = asTypedError(data?.updateExpense);
    if (error || !data) {
      const failure = error
        ? failureFrom(error, { amountMinor: 'amount', categoryId: 'category', occurredAt: 'date' })
        : { message: problem ?? 'Could not save.', fields: {} };
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
