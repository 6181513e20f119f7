// The expenses page's state lives in its URL (?from=&to=&category=&source=&q=&sort=), so
// a filtered view can be bookmarked, works without JavaScript, and the export endpoint
// gets the very same filter from the same parameters.
import type { ExpenseSource } from './graphql/types.ts';

export const SOURCES: { value: ExpenseSource; label: string }[] = [
  { value: 'WHATSAPP', label: 'WhatsApp' },
  { value: 'WEB', label: 'Web' },
  { value: 'API', label: 'API' },
  { value: 'IMPORT', label: 'Import' },
  { value: 'RECURRING', label: 'Recurring' },
];

export const SORTS = {
  newest: { field: 'OCCURRED_AT', direction: 'DESC', label: 'Newest first' },
  oldest: { field: 'OCCURRED_AT', direction: 'ASC', label: 'Oldest first' },
  largest: { field: 'AMOUNT', direction: 'DESC', label: 'Largest first' },
  smallest: { field: 'AMOUNT', direction: 'ASC', label: 'Smallest first' },
} as const;

export type SortKey = keyof typeof SORTS;

export interface ExpenseQuery {
  from: string;
  to: string;
  category: string;
  source: string;
  q: string;
  sort: SortKey;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readExpenseQuery(params: URLSearchParams): ExpenseQuery {
  const get = (name: string) => params.get(name)?.trim() ?? '';
  const sort = get('sort');
  const source = get('source');
  return {
    from: DATE.test(get('from')) ? get('from') : '',
    to: DATE.test(get('to')) ? get('to') : '',
    category: get('category'),
    source: SOURCES.some((s) => s.value === source) ? source : '',
    q: get('q').slice(0, 200),
    sort: sort in SORTS ? (sort as SortKey) : 'newest',
  };
}

/** The GraphQL `filter` and `orderBy` arguments for a query. */
export function toVariables(query: ExpenseQuery) {
  const filter: Record<string, unknown> = {};
  if (query.from) filter.fromDate = query.from;
  if (query.to) filter.toDate = query.to;
  if (query.category === 'none') filter.uncategorized = true;
  else if (query.category) filter.categoryIds = [query.category];
  if (query.source) filter.sources = [query.source];
  if (query.q) filter.search = query.q;
  const { field, direction } = SORTS[query.sort];
  return { filter, orderBy: { field, direction } };
}

/** The query as URL parameters, defaults left out. */
export function toSearch(query: ExpenseQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...extra })) {
    if (value && !(key === 'sort' && value === 'newest')) params.set(key, value);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
