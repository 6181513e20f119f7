// What the book page reads: one book, as its members see it. The api refuses queries
// deeper than six fields, so an entry's splits come as a count here, and the chart works
// each member's share out from their balance. People and amounts are selected in place,
// not spread from fragments, for the same limit: a spread counts as two more levels.
import { graphql } from '#lib/graphql/graphql.ts';

export const BookQuery = graphql(`
  query BookPage($id: ID!) {
    book(id: $id) {
      id
      name
      myRole
      members {
        id
        role
        status
        phoneNumber
        person {
          id
          name
          isMe
          former
        }
      }
      entries(first: 100) {
        pageInfo {
          hasNextPage
        }
        edges {
          node {
            id
            localDate
            note
            amount {
              amountMinor
              currency
              formatted
            }
            paidBy {
              id
              name
              isMe
              former
            }
            splits {
              weight
            }
          }
        }
      }
      balances {
        currency
        members {
          member {
            id
            name
            isMe
            former
          }
          amount {
            amountMinor
            currency
            formatted
          }
        }
      }
      settleUpPlan {
        from {
          id
          name
          isMe
          former
        }
        to {
          id
          name
          isMe
          former
        }
        amount {
          amountMinor
          currency
          formatted
        }
      }
      settlements {
        id
        occurredAt
        from {
          id
          name
          isMe
          former
        }
        to {
          id
          name
          isMe
          former
        }
        amount {
          amountMinor
          currency
          formatted
        }
      }
    }
  }
`);
