import { describe, expect, it } from 'vitest';
import { knownCategory, readExpenseQuery, toSearch, toVariables } from './expense-query.ts';

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

  it('keeps only real days, searches the api takes, and no control characters', () => {
    const query = readExpenseQuery(
      new URLSearchParams({
        from: '2026-02-31',
        to: '2026-02-28',
        q: `tea\u0000${'x'.repeat(300)}`,
      }),
    );
    expect(query.from).toBe('');
    expect(query.to).toBe('2026-02-28');
    expect(query.q).toHaveLength(100);
    expect(query.q.startsWith('tea x')).toBe(true);
  });

  it('leaves out a category that is none of the viewer’s, and says so', () => {
    const query = readExpenseQuery(new URLSearchParams("category='"));
    expect(knownCategory(query, [{ id: 'Q2F0OjE' }])).toEqual({
      query: { ...query, category: '' },
      ignored: ['category'],
    });
    const own = readExpenseQuery(new URLSearchParams('category=Q2F0OjE'));
    expect(knownCategory(own, [{ id: 'Q2F0OjE' }])).toEqual({ query: own, ignored: [] });
    const none = readExpenseQuery(new URLSearchParams('category=none'));
    expect(knownCategory(none, []).ignored).toEqual([]);
  });
});
