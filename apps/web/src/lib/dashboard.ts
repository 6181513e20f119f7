// Picks what the dashboard shows from the api's summary: the person's own currency
// (other currencies are listed apart by the api and left out of the charts).
import type { CategorySlice } from './components/charts/SpendingByCategory.svelte';
import type { DayPoint } from './components/charts/DailySpending.svelte';
import type { CurrencyTotal, DashboardData, Money } from './graphql/types.ts';

export function totalIn(totals: CurrencyTotal[], currency: string): CurrencyTotal | undefined {
  return totals.find((total) => total.total.currency === currency);
}

/** The amount in `currency` from a per-currency list (income, net). */
export function moneyIn(amounts: Money[], currency: string): Money | undefined {
  return amounts.find((amount) => amount.currency === currency);
}

export function categorySlices(month: DashboardData['month'], currency: string): CategorySlice[] {
  return month.categories
    .filter((slice) => slice.total.currency === currency && slice.total.amountMinor !== '0')
    .map((slice) => ({
      name: slice.name,
      emoji: slice.category?.emoji ?? null,
      color: slice.category?.color ?? null,
      minor: slice.total.amountMinor,
      formatted: slice.total.formatted,
      share: slice.share,
    }));
}

export function dayPoints(month: DashboardData['month'], currency: string): DayPoint[] {
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
