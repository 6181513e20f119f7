import { error, fail, redirect } from '@sveltejs/kit';
import { PUBLIC_URL } from '$app/env/private';
import { asTypedError, refusal, text, type Answer, type Translate } from '#lib/forms.ts';
import type { TypedError } from '#lib/graphql/errors.ts';
import type { BooksTranslate } from '#lib/i18n/books-catalog.ts';
import { toMinor } from '#lib/money.ts';
import { apiFor } from '#lib/server/api.ts';
import { serverBooksTranslator } from '#lib/server/books-i18n.ts';
import { requestLocale, serverTranslator } from '#lib/server/i18n.ts';
import {
  InviteLinkMutation,
  InviteMutation,
  LeaveMutation,
  RecordMutation,
  SettleMutation,
  UndoSettlementMutation,
} from './book-mutations.ts';
import { BookQuery } from './book-query.ts';
import { nameFormerMembers } from './former-members.ts';
import { leaveRefusal } from './leave-refusal.ts';
import { readSplit } from './split-input.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  const { book } = await apiFor(event).must(BookQuery, { id: event.params.id });
  if (!book) error(404, 'Not found');
  const t = await serverBooksTranslator(event);
  return { book: nameFormerMembers(book, t('formerMember')) };
};

type Action = 'invite' | 'link' | 'add' | 'settle' | 'undo' | 'leave';

/** Every refusal has one shape, so the page reads any of them the same way. */
interface BookFailure {
  action: Action;
  message: string;
  /** Messages beside fields, by field name. */
  fields: Record<string, string>;
  /** What was typed, to fill the form again. */
  values: Record<string, string>;
}

const failed = (failure: BookFailure) => fail(400, failure);

/** The api's refusal in plain words: its own message, or the page's for refused input. */
function refused(
  action: Action,
  { t, words }: { t: BooksTranslate; words: Translate },
  answer: Answer,
  problem: TypedError | null,
  values: Record<string, string> = {},
) {
  const failure = refusal(words, answer, problem, {}, t('failed'));
  const message =
    problem?.__typename === 'ValidationError' || (!problem && answer.problems?.length)
      ? t('failed')
      : failure.message;
  return failed({ action, message, fields: failure.fields, values });
}

async function context(event: RequestEvent) {
  const form = await event.request.formData();
  return {
    form,
    t: await serverBooksTranslator(event),
    words: await serverTranslator(event),
    api: apiFor(event),
    bookId: event.params.id,
  };
}

export const actions: Actions = {
  invite: async (event) => {
    const { form, t, words, api, bookId } = await context(event);
    const phone = text(form, 'phone');
    const answer = await api.run(InviteMutation, { bookId, phoneNumber: phone });
    const result = answer.data?.inviteToBook;
    const problem = asTypedError(result);
    if (problem?.__typename === 'ValidationError' || answer.problems.length) {
      const message = t('phoneProblem');
      return failed({ action: 'invite', message, fields: { phone: message }, values: { phone } });
    }
    if (problem || result?.__typename !== 'Membership') {
      return refused('invite', { t, words }, answer, problem, { phone });
    }
    return { action: 'invite', done: t('invitedDone', { phone: result.phoneNumber ?? phone }) };
  },

  link: async (event) => {
    const { t, words, api, bookId } = await context(event);
    const answer = await api.run(InviteLinkMutation, { bookId });
    const result = answer.data?.createBookInviteLink;
    const problem = asTypedError(result);
    if (problem || result?.__typename !== 'BookInviteLink') {
      return refused('link', { t, words }, answer, problem);
    }
    // Shared outside this browser, so on the address people use, not the one asked for.
    const link = new URL(`/dashboard/books/join/${encodeURIComponent(result.token)}/`, PUBLIC_URL);
    return { action: 'link', link: link.href };
  },

  add: async (event) => {
    const { form, t, words, api, bookId } = await context(event);
    const amount = text(form, 'amount');
    const note = text(form, 'note');
    const currency = text(form, 'currency');
    const amountMinor = toMinor(amount, currency);
    if (!amountMinor) {
      const message = t('amountProblem');
      const values = { amount, note };
      return failed({ action: 'add', message, fields: { amount: message }, values });
    }
    const reading = readSplit(
      form,
      form.getAll('members').filter((v) => typeof v === 'string'),
    );
    if ('problem' in reading) {
      const message = t(reading.problem);
      return failed({ action: 'add', message, fields: {}, values: { amount, note } });
    }
    const answer = await api.run(RecordMutation, {
      input: { bookId, amountMinor, currency, note: note || null, split: reading.split },
    });
    const result = answer.data?.recordBookExpense;
    const problem = asTypedError(result);
    if (problem || result?.__typename !== 'BookEntry') {
      return refused('add', { t, words }, answer, problem, { amount, note });
    }
    return { action: 'add', done: t('added', { amount: result.amount.formatted }) };
  },

  settle: async (event) => {
    const { form, t, words, api, bookId } = await context(event);
    const answer = await api.run(SettleMutation, {
      input: {
        bookId,
        fromId: text(form, 'from'),
        toId: text(form, 'to'),
        amountMinor: text(form, 'amountMinor'),
        currency: text(form, 'currency'),
      },
    });
    const result = answer.data?.settleUp;
    const problem = asTypedError(result);
    if (problem || result?.__typename !== 'Settlement') {
      return refused('settle', { t, words }, answer, problem);
    }
    const done = t('recorded', {
      from: result.from.name,
      to: result.to.name,
      amount: result.amount.formatted,
    });
    return { action: 'settle', done };
  },

  undo: async (event) => {
    const { form, t, words, api } = await context(event);
    const answer = await api.run(UndoSettlementMutation, { id: text(form, 'id') });
    const result = answer.data?.deleteSettlement;
    if (result?.__typename === 'MemberGoneError') {
      return failed({ action: 'undo', message: t('settlementStays'), fields: {}, values: {} });
    }
    const problem = asTypedError(result);
    if (problem || result?.__typename !== 'Settlement')
      return refused('undo', { t, words }, answer, problem);
    return { action: 'undo', done: t('undone') };
  },

  leave: async (event) => {
    const { t, words, api, bookId } = await context(event);
    const answer = await api.run(LeaveMutation, { bookId });
    const result = answer.data?.leaveBook;
    if (result?.__typename === 'UnsettledBalanceError') {
      const message = leaveRefusal(result.people, t, requestLocale(event));
      return failed({ action: 'leave', message, fields: {}, values: {} });
    }
    const problem = asTypedError(result);
    if (problem || result?.__typename !== 'LeaveBookSuccess') {
      return refused('leave', { t, words }, answer, problem);
    }
    redirect(303, '/dashboard/books/');
  },
};
