// Picks what the dashboard shows from the api's summary: the person's own currency
// (other currencies are listed apart by the api and left out of the charts).
import { BudgetUseFields } from './components/charts/budget-use-fields.ts';
import type { DayPoint } from './components/charts/DailySpending.svelte';
import type { CategorySlice } from './components/charts/SpendingByCategory.svelte';
import { graphql, type ResultOf } from './graphql/graphql.ts';
import type { Money } from './graphql/money.ts';

// Fields are listed in place rather than in nested fragments: the api counts each
// fragment spread as two levels of its depth limit (6).
const PeriodTotalsFields = graphql(`
  fragment PeriodTotalsFields on Summary @_unmask {
    range {
      from
      to
    }
    totals {
      total {
        amountMinor
        currency
        amount
        formatted
      }
      previousTotal {
        amountMinor
        currency
        amount
        formatted
      }
      change {
        amountMinor
        currency
        amount
        formatted
      }
      changeRatio
      count
    }
    income {
      amountMinor
      currency
      amount
      formatted
    }
    net {
      amountMinor
      currency
      amount
      formatted
    }
  }
`);

/** Loaded with the page and asked again whenever an entry changes anywhere. */
export const DashboardQuery = graphql(
  `
    query Dashboard {
      today: summary(period: TODAY) {
        ...PeriodTotalsFields
      }
      week: summary(period: WEEK) {
        ...PeriodTotalsFields
      }
      month: summary(period: MONTH) {
        ...PeriodTotalsFields
        categories {
          name
          total {
            amountMinor
            currency
            amount
            formatted
          }
          share
          category {
            id
            color
            emoji
          }
        }
        days {
          date
          total {
            amountMinor
            currency
            amount
            formatted
          }
        }
        budgets {
          ...BudgetUseFields
        }
      }
      latest: expenses(first: 5) {
        totalCount
        edges {
          node {
            id
            kind
            amount {
              formatted
            }
            localDate
            note
            source
            category {
              id
              name
              emoji
            }
          }
        }
      }
    }
  `,
  [PeriodTotalsFields, BudgetUseFields],
);

export type Dashboard = ResultOf<typeof DashboardQuery>;
type Month = Dashboard['month'];
export type CurrencyTotal = Dashboard['today']['totals'][number];
/** An entry as the dashboard's latest list shows it. */
export type LatestExpense = Dashboard['latest']['edges'][number]['node'];

export function totalIn(
  totals: readonly CurrencyTotal[],
  currency: string,
): CurrencyTotal | undefined {
  return totals.find((total) => total.total.currency === currency);
}

/** The amount in `currency` from a per-currency list (income, net). */
export function moneyIn(amounts: readonly Money[], currency: string): Money | undefined {
  return amounts.find((amount) => amount.currency === currency);
}

/** The month's spending per category; `uncategorised` names the slice without one. */
export function categorySlices(
  month: Month,
  currency: string,
  uncategorised: string,
): CategorySlice[] {
  return month.categories
    .filter((slice) => slice.total.currency === currency && slice.total.amountMinor !== '0')
    .map((slice) => ({
      name: slice.category ? slice.name : uncategorised,
      emoji: slice.category?.emoji ?? null,
      color: slice.category?.color ?? null,
      minor: slice.total.amountMinor,
      formatted: slice.total.formatted,
      share: slice.share,
    }));
}

export function dayPoints(month: Month, currency: string): DayPoint[] {
  const days = month.days.filter((day) => day.total.currency === currency);
  // Days without spending in any currency come back once, whatever their currency.
  const byDate = new Map(days.map((day) => [day.date, day]));
  for (const day of month.days) if (!byDate.has(day.date)) byDate.set(day.date, day);
  return [...byDate.values()]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((day) => ({
      date: day.date,
      minor: day.total.currency === currency ? day.total.amountMinor : '0',
      formatted: day.total.currency === currency ? day.total.formatted : '',
    }));
}
