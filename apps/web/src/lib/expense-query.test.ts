import { describe, expect, it } from 'vitest';
import { readExpenseQuery, toSearch, toVariables } from './expense-query.ts';

describe('the expenses page’s URL state', () => {
  it('turns URL parameters into the GraphQL filter and order', () => {
    const query = readExpenseQuery(
      new URLSearchParams(
        'from=2026-03-01&to=2026-03-31&category=Q2F0OjE&source=WHATSAPP&q=petrol&sort=largest',
      ),
    );
    expect(toVariables(query)).toEqual({
      filter: {
        fromDate: '2026-03-01',
        toDate: '2026-03-31',
        categoryIds: ['Q2F0OjE'],
        sources: ['WHATSAPP'],
        search: 'petrol',
      },
      orderBy: { field: 'AMOUNT', direction: 'DESC' },
    });
  });

  it('drops values it does not understand instead of sending them on', () => {
    const query = readExpenseQuery(new URLSearchParams('from=yesterday&source=FAX&sort=random'));
    expect(toVariables(query)).toEqual({
      filter: {},
      orderBy: { field: 'OCCURRED_AT', direction: 'DESC' },
    });
  });

  it('asks for uncategorised entries with category=none', () => {
    expect(toVariables(readExpenseQuery(new URLSearchParams('category=none'))).filter).toEqual({
      uncategorized: true,
    });
  });

  it('writes the state back without defaults, adding paging', () => {
    const query = readExpenseQuery(new URLSearchParams('q=tea&sort=newest'));
    expect(toSearch(query, { after: 'abc' })).toBe('?q=tea&after=abc');
    expect(toSearch(readExpenseQuery(new URLSearchParams()))).toBe('');
  });
});
