import { fail, redirect } from '@sveltejs/kit';
import { asTypedError, refusal, text } from '#lib/forms.ts';
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import { apiFor } from '#lib/server/api.ts';
import { serverBooksTranslator } from '#lib/server/books-i18n.ts';
import { serverTranslator } from '#lib/server/i18n.ts';
import type { Actions, PageServerLoad } from './$types';

const BooksQuery = graphql(`
  query Books {
    bookInvitations {
      bookId
      bookName
    }
    books {
      id
      name
      myRole
      members {
        status
      }
    }
  }
`);

// Asked book by book: the api prices balances inside the list of books beyond its limit.
const MyBalanceQuery = graphql(`
  query BookBalance($id: ID!) {
    book(id: $id) {
      balances {
        currency
        members {
          member {
            isMe
          }
          amount {
            amountMinor
            currency
          }
        }
      }
    }
  }
`);

const AcceptInvitationMutation = graphql(
  `
    mutation AcceptInvitation($bookId: ID!) {
      acceptBookInvite(bookId: $bookId) {
        __typename
        ...TypedErrorFields
        ... on Book {
          id
        }
      }
    }
  `,
  [TypedErrorFields],
);

const CreateBookMutation = graphql(
  `
    mutation CreateBook($name: String!) {
      createBook(name: $name) {
        __typename
        ...TypedErrorFields
        ... on Book {
          id
        }
      }
    }
  `,
  [TypedErrorFields],
);

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  const { books, bookInvitations } = await api.must(BooksQuery);
  const balances = await Promise.all(
    books.map(async (book) => (await api.must(MyBalanceQuery, { id: book.id })).book?.balances),
  );
  return {
    invitations: bookInvitations,
    books: books.map((book, index) => ({
      id: book.id,
      name: book.name,
      myRole: book.myRole,
      memberCount: book.members.filter((m) => m.status === 'ACTIVE').length,
      // Only the viewer's own balance, one per currency, is what the list shows.
      mine: (balances[index] ?? []).flatMap((balance) =>
        balance.members.filter((row) => row.member.isMe).map((row) => row.amount),
      ),
    })),
  };
};

export const actions: Actions = {
  accept: async (event) => {
    const bookId = text(await event.request.formData(), 'bookId');
    const t = await serverBooksTranslator(event);
    const words = await serverTranslator(event);
    const answer = await apiFor(event).run(AcceptInvitationMutation, { bookId });
    const result = answer.data?.acceptBookInvite;
    const error = asTypedError(result);
    if (error || result?.__typename !== 'Book') {
      return fail(400, { ...refusal(words, answer, error, {}, t('failed')) });
    }
    redirect(303, `/dashboard/books/${encodeURIComponent(result.id)}/`);
  },
  create: async (event) => {
    const form = await event.request.formData();
    const name = text(form, 'name');
    const t = await serverBooksTranslator(event);
    const words = await serverTranslator(event);
    if (!name) {
      return fail(400, { name, message: t('nameProblem'), fields: { name: t('nameProblem') } });
    }
    const answer = await apiFor(event).run(CreateBookMutation, { name });
    const result = answer.data?.createBook;
    const error = asTypedError(result);
    if (error || result?.__typename !== 'Book') {
      return fail(400, { name, ...refusal(words, answer, error, {}, t('failed')) });
    }
    redirect(303, `/dashboard/books/${encodeURIComponent(result.id)}/`);
  },
};
