// What BudgetUse.svelte shows, fetched by the pages that render it.
import { graphql, type ResultOf } from '#lib/graphql/graphql.ts';

export const BudgetUseFields = graphql(`
  fragment BudgetUseFields on BudgetUse {
    category {
      id
      name
      emoji
      archived
    }
    limit {
      amountMinor
      currency
      amount
      formatted
    }
    spent {
      amountMinor
      currency
      amount
      formatted
    }
    remaining {
      amountMinor
      currency
      amount
      formatted
    }
    used
    projected {
      amountMinor
      currency
      amount
      formatted
    }
  }
`);

export type BudgetUse = ResultOf<typeof BudgetUseFields>;
