import { fail, redirect } from '@sveltejs/kit';
import { ExpensesQuery, knownCategory, readExpenseQuery, toVariables } from '#lib/expense-query.ts';
import { errorText } from '#lib/api-words.ts';
import { asTypedError, refusal, text } from '#lib/forms.ts';
import { CategoryOptionFields } from '#lib/graphql/category.ts';
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql, type VariablesOf } from '#lib/graphql/graphql.ts';
import { apiFor } from '#lib/server/api.ts';
import { serverBooksTranslator } from '#lib/server/books-i18n.ts';
import { serverTranslator } from '#lib/server/i18n.ts';
import {
  CreateExpenseMutation,
  readExpenseForm,
  UpdateExpenseMutation,
} from '#lib/server/expense-form.ts';
import type { Viewer } from '#lib/server/viewer.ts';
import {
  MAX_RECEIPT_BYTES,
  scannedReceipt,
  ScanReceiptMutation,
} from '#lib/server/receipt-scan.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const CategoriesQuery = graphql(
  `
    query ExpenseCategories {
      categories(includeArchived: true) {
        ...CategoryOptionFields
        archived
      }
    }
  `,
  [CategoryOptionFields],
);

/** What the entries of each currency under a filter add up to (all pages). */
const ExpenseTotalsQuery = graphql(`
  query ExpenseTotals($filter: ExpenseFilter) {
    expenseTotals(filter: $filter) {
      currency
      count
      spent {
        amountMinor
        currency
        amount
        formatted
      }
      received {
        amountMinor
        currency
        amount
        formatted
      }
    }
  }
`);

const DeleteExpenseMutation = graphql(
  `
    mutation DeleteExpense($id: ID!) {
      deleteExpense(id: $id) {
        __typename
        ...TypedErrorFields
        ... on Expense {
          id
          note
          amount {
            formatted
          }
        }
      }
    }
  `,
  [TypedErrorFields],
);

const RestoreExpenseMutation = graphql(
  `
    mutation RestoreExpense($id: ID!) {
      restoreExpense(id: $id) {
        __typename
        ...TypedErrorFields
        ... on Expense {
          id
        }
      }
    }
  `,
  [TypedErrorFields],
);

/**
 * Why an entry shared with someone who left its book keeps its amount, said for the action
 * refused (the api's own message names only the amount, whatever was asked).
 */
const MEMBER_GONE = {
  update: 'amountStays',
  delete: 'deleteStays',
  restore: 'restoreStays',
} as const;

async function memberGone(event: RequestEvent, action: keyof typeof MEMBER_GONE) {
  return (await serverBooksTranslator(event))(MEMBER_GONE[action]);
}

const PAGE_SIZE = 25;
const FIELD_NAMES = { amountMinor: 'amount', categoryId: 'category', occurredAt: 'date' };

type Api = ReturnType<typeof apiFor>;
type Variables = ReturnType<typeof toVariables>;
type Paging = Pick<VariablesOf<typeof ExpensesQuery>, 'first' | 'after' | 'last' | 'before'>;

/** One page of the list and the whole filter's totals, or null when the api refused them. */
async function listing(api: Api, variables: Variables, paging: Paging) {
  const [list, totals] = await Promise.all([
    api.run(ExpensesQuery, { ...variables, ...paging }),
    api.run(ExpenseTotalsQuery, { filter: variables.filter }),
  ]);
  if (!list.data || !totals.data) return null;
  return { expenses: list.data.expenses, totals: totals.data.expenseTotals };
}

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  const params = event.url.searchParams;
  const { categories } = await api.must(CategoriesQuery);
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
      api.must(ExpensesQuery, { ...everything, first: PAGE_SIZE }),
      api.must(ExpenseTotalsQuery, { filter: everything.filter }),
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

function signedIn(viewer: Viewer | null): Viewer {
  // hooks.server.ts found no session: the api would refuse the mutation anyway.
  if (!viewer) redirect(303, '/login/');
  return viewer;
}

export const actions: Actions = {
  create: async (event) => {
    const form = await event.request.formData();
    const t = await serverTranslator(event);
    const read = readExpenseForm(form, signedIn(event.locals.viewer), t);
    if (Object.keys(read.fields).length) {
      return fail(400, {
        action: 'create',
        values: read.values,
        fields: read.fields,
        message: t('common.fixFields'),
        ...(text(form, 'attachmentId')
          ? { attachmentId: text(form, 'attachmentId'), receiptUrl: text(form, 'receiptUrl') }
          : {}),
      });
    }
    const requestKey = text(form, 'requestKey');
    // The receipt photo read for this entry, kept with it.
    const attachmentId = text(form, 'attachmentId');
    const receipt = attachmentId ? { attachmentId, receiptUrl: text(form, 'receiptUrl') } : {};
    const answer = await apiFor(event).run(CreateExpenseMutation, {
      input: {
        ...read.input,
        ...(requestKey ? { requestKey } : {}),
        ...(attachmentId ? { attachmentId } : {}),
      },
    });
    const created = answer.data?.createExpense;
    const error = asTypedError(created);
    if (error || created?.__typename !== 'Expense') {
      const failure = refusal(t, answer, error, FIELD_NAMES, t('expenses.notSaved'));
      return fail(400, { action: 'create', values: read.values, ...receipt, ...failure });
    }
    return { action: 'create', added: created.id };
  },

  scan: async (event) => {
    const viewer = signedIn(event.locals.viewer);
    const file = (await event.request.formData()).get('receipt');
    const t = await serverTranslator(event);
    const refused = (message: string) => fail(400, { action: 'scan', message });
    if (!(file instanceof File) || file.size === 0) {
      return refused(t('expenses.choosePhoto'));
    }
    if (file.size > MAX_RECEIPT_BYTES) {
      return refused(t('expenses.photoTooLarge'));
    }
    const answer = await apiFor(event).run(ScanReceiptMutation, { file });
    const result = answer.data?.scanReceipt;
    const error = asTypedError(result);
    if (error || result?.__typename !== 'ScanReceiptSuccess') {
      // The file's one problem (its type, its size, unreadable) is the message itself.
      const failure = refusal(t, answer, error, {}, t('expenses.photoUnreadable'));
      return refused(failure.fields.file ?? failure.message);
    }
    return { action: 'scan', scanned: scannedReceipt(result.scan, viewer, t) };
  },

  update: async (event) => {
    const form = await event.request.formData();
    const id = text(form, 'id');
    const t = await serverTranslator(event);
    const viewer = signedIn(event.locals.viewer);
    const read = readExpenseForm(form, viewer, t, text(form, 'previousDate'));
    if (Object.keys(read.fields).length) {
      return fail(400, {
        action: 'update',
        id,
        values: read.values,
        fields: read.fields,
        message: t('common.fixFields'),
      });
    }
    const answer = await apiFor(event).run(UpdateExpenseMutation, {
      id,
      input: read.input,
    });
    const { data } = answer;
    const error = asTypedError(data?.updateExpense);
    if (error?.__typename === 'MemberGoneError') {
      const message = await memberGone(event, 'update');
      return fail(400, { action: 'update', id, values: read.values, message, fields: {} });
    }
    if (error || !data) {
      const failure = refusal(t, answer, error, FIELD_NAMES, t('expenses.notSaved'));
      return fail(400, { action: 'update', id, values: read.values, ...failure });
    }
    return { action: 'update', updated: id };
  },

  delete: async (event) => {
    const id = text(await event.request.formData(), 'id');
    const { data } = await apiFor(event).run(DeleteExpenseMutation, { id });
    const deleted = data?.deleteExpense;
    const error = asTypedError(deleted);
    if (error?.__typename === 'MemberGoneError') {
      return fail(400, { action: 'delete', message: await memberGone(event, 'delete') });
    }
    if (error || deleted?.__typename !== 'Expense') {
      const t = await serverTranslator(event);
      const message = error ? errorText(t, error) : t('expenses.notDeleted');
      return fail(404, { action: 'delete', message });
    }
    return {
      action: 'delete',
      deleted: { id, label: [deleted.amount.formatted, deleted.note].filter(Boolean).join(' · ') },
    };
  },

  restore: async (event) => {
    const id = text(await event.request.formData(), 'id');
    const { data } = await apiFor(event).run(RestoreExpenseMutation, { id });
    const error = asTypedError(data?.restoreExpense);
    if (error?.__typename === 'MemberGoneError') {
      return fail(400, { action: 'restore', message: await memberGone(event, 'restore') });
    }
    if (error || !data) {
      const t = await serverTranslator(event);
      const message = error ? errorText(t, error) : t('expenses.notRestored');
      return fail(404, { action: 'restore', message });
    }
    return { action: 'restore', restored: id };
  },
};
