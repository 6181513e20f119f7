// The overview's Ask box: a question about spending, answered by the api's `ask` field.
import { graphql, type ResultOf } from './graphql/graphql.ts';

export const AskQuery = graphql(`
  query Ask($question: String!) {
    ask(question: $question) {
      understood
      example
      measure
      subject
      period {
        from
        to
        label
      }
      comparedWith {
        label
      }
      totals {
        amountMinor
        currency
        amount
        formatted
      }
      count
      comparedTotal {
        formatted
      }
      change {
        amountMinor
        formatted
      }
      changeRatio
      averagePerDay {
        formatted
      }
      categories {
        name
        count
        total {
          formatted
        }
      }
      entries {
        id
        date
        category
        note
        amount {
          formatted
        }
      }
    }
  }
`);

export type AskAnswer = ResultOf<typeof AskQuery>['ask'];

/** Questions longer than this are refused by the api. */
export const MAX_QUESTION = 300;
