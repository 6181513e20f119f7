// The expenses page's state lives in its URL (?from=&to=&category=&source=&q=&sort=), so
// a filtered view can be bookmarked, works without JavaScript, and the export endpoint
// gets the very same filter from the same parameters.
import { graphql, type ResultOf, type VariablesOf } from './graphql/graphql.ts';

/** A page of entries under a filter, in an order (the table, the exports). */
export const ExpensesQuery = graphql(`
  query Expenses(
    $filter: ExpenseFilter
    $orderBy: ExpenseOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    expenses(
      filter: $filter
      orderBy: $orderBy
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          kind
          amount {
            amountMinor
            currency
            amount
            formatted
          }
          occurredAt
          localDate
          note
          source
          category {
            id
            name
            emoji
            color
          }
          attachments {
            id
            mimeType
            url
          }
        }
      }
    }
  }
`);

type ExpenseFilter = NonNullable<VariablesOf<typeof ExpensesQuery>['filter']>;
/** An entry as the expenses table and the exports read it. */
export type Expense = ResultOf<typeof ExpensesQuery>['expenses']['edges'][number]['node'];
type ExpenseSource = Expense['source'];

export const SOURCES: readonly ExpenseSource[] = ['WHATSAPP', 'WEB', 'API', 'IMPORT', 'RECURRING'];

export const SORTS = {
  newest: { field: 'OCCURRED_AT', direction: 'DESC' },
  oldest: { field: 'OCCURRED_AT', direction: 'ASC' },
  largest: { field: 'AMOUNT', direction: 'DESC' },
  smallest: { field: 'AMOUNT', direction: 'ASC' },
} as const;

export type SortKey = keyof typeof SORTS;

export interface ExpenseQuery {
  from: string;
  to: string;
  category: string;
  source: ExpenseSource | '';
  q: string;
  sort: SortKey;
}

/** A real calendar day as YYYY-MM-DD (not 2026-02-31). */
function isDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1970;
}

// The api searches at most 100 characters, and refuses control characters in any text.
const SEARCH_LENGTH = 100;
// eslint-disable-next-line no-control-regex -- removing them is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

export function readExpenseQuery(params: URLSearchParams): ExpenseQuery {
  const get = (name: string) => params.get(name)?.trim() ?? '';
  const sort = get('sort');
  const source = get('source');
  return {
    from: isDay(get('from')) ? get('from') : '',
    to: isDay(get('to')) ? get('to') : '',
    category: get('category'),
    source: SOURCES.find((s) => s === source) ?? '',
    q: [...get('q').replace(CONTROL, ' ').trim()].slice(0, SEARCH_LENGTH).join(''),
    sort: sort in SORTS ? (sort as SortKey) : 'newest',
  };
}

/**
 * The query with a category that is none of the viewer's left out (a link from another
 * account, a hand-edited URL), and the names of what was left out, to say so.
 */
export function knownCategory(
  query: ExpenseQuery,
  categories: { id: string }[],
): { query: ExpenseQuery; ignored: string[] } {
  const { category } = query;
  if (!category || category === 'none' || categories.some((c) => c.id === category)) {
    return { query, ignored: [] };
  }
  return { query: { ...query, category: '' }, ignored: ['category'] };
}

/** The GraphQL `filter` and `orderBy` arguments for a query. */
export function toVariables(query: ExpenseQuery) {
  const filter: ExpenseFilter = {};
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
