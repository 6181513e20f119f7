// What the book page's forms ask of the api.
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';

export const InviteMutation = graphql(
  `
    mutation InviteToBook($bookId: ID!, $phoneNumber: String!) {
      inviteToBook(bookId: $bookId, phoneNumber: $phoneNumber) {
        __typename
        ...TypedErrorFields
        ... on Membership {
          phoneNumber
        }
      }
    }
  `,
  [TypedErrorFields],
);

export const InviteLinkMutation = graphql(
  `
    mutation CreateBookInviteLink($bookId: ID!) {
      createBookInviteLink(bookId: $bookId) {
        __typename
        ...TypedErrorFields
        ... on BookInviteLink {
          token
        }
      }
    }
  `,
  [TypedErrorFields],
);

export const RecordMutation = graphql(
  `
    mutation RecordBookExpense($input: NewBookExpense!) {
      recordBookExpense(input: $input) {
        __typename
        ...TypedErrorFields
        ... on BookEntry {
          amount {
            formatted
          }
        }
      }
    }
  `,
  [TypedErrorFields],
);

export const SettleMutation = graphql(
  `
    mutation SettleUp($input: SettleUpInput!) {
      settleUp(input: $input) {
        __typename
        ...TypedErrorFields
        ... on Settlement {
          from {
            name
          }
          to {
            name
          }
          amount {
            formatted
          }
        }
      }
    }
  `,
  [TypedErrorFields],
);

export const UndoSettlementMutation = graphql(
  `
    mutation DeleteSettlement($id: ID!) {
      deleteSettlement(id: $id) {
        __typename
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
);

export const LeaveMutation = graphql(
  `
    mutation LeaveBook($bookId: ID!) {
      leaveBook(bookId: $bookId) {
        __typename
        ...TypedErrorFields
        ... on UnsettledBalanceError {
          people {
            person {
              name
              former
            }
            amount {
              formatted
            }
          }
        }
      }
    }
  `,
  [TypedErrorFields],
);
