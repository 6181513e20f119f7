// The charts as the server renders them (the dashboard's first paint): real components,
// compiled by Svelte, rendered with svelte/server.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { englishContext } from '#lib/i18n/english.ts';
import { maskFragments } from 'gql.tada';
import { BudgetUseFields } from './budget-use-fields.ts';
import BudgetUse from './BudgetUse.svelte';
import DailySpending from './DailySpending.svelte';
import SpendingByCategory from './SpendingByCategory.svelte';

/** Rendered HTML without Svelte's hydration markers. */
const html = (body: string) => body.replace(/<!--[^]*?-->/g, '');

const slices = [
  {
    name: 'Fuel',
    emoji: '⛽',
    color: '#ff8800',
    minor: '30000',
    formatted: '₹300.00',
    share: 0.75,
  },
  { name: 'Food', emoji: null, color: null, minor: '10000', formatted: '₹100.00', share: 0.25 },
];

describe('SpendingByCategory', () => {
  it('draws one bar per category, sized against the largest, with legible labels', () => {
    const { body } = render(SpendingByCategory, {
      context: englishContext(),
      props: { slices, title: 'By category' },
    });
    const widths = [
      ...body.matchAll(/class="bar[^"]*" style="width: ([\d.]+)%; background: ([^;"]+)/g),
    ].map((match) => [Number(match[1]), match[2]]);
    expect(widths).toEqual([
      [100, '#ff8800'],
      [expect.closeTo(33.33, 1), 'var(--chart-2)'],
    ]);
    expect(body).toContain('⛽ Fuel');
    expect(body).toContain('₹300.00');
  });

  it('carries its numbers as a table for people who cannot see the bars', () => {
    const { body } = render(SpendingByCategory, {
      context: englishContext(),
      props: { slices, title: 'By category' },
    });
    const table = html(body).slice(html(body).indexOf('<table'));
    expect(table).toMatch(
      /<th scope="row"[^>]*>⛽ Fuel<\/th><td[^>]*>₹300.00<\/td><td[^>]*>75%<\/td>/,
    );
    expect(table).toMatch(
      /<th scope="row"[^>]*>Food<\/th><td[^>]*>₹100.00<\/td><td[^>]*>25%<\/td>/,
    );
  });
});

describe('DailySpending', () => {
  const days = [
    { date: '2026-03-01', minor: '0', formatted: '₹0.00' },
    { date: '2026-03-02', minor: '12000', formatted: '₹120.00' },
    { date: '2026-03-03', minor: '6000', formatted: '₹60.00' },
  ];

  it('draws the month as a line from the first day to the last, peaking on the biggest day', () => {
    const { body } = render(DailySpending, {
      context: englishContext(),
      props: { days, title: 'Each day', locale: 'en-IN', currency: 'INR' },
    });
    const line = /class="line[^"]*" d="([^"]+)"/.exec(body)?.[1] ?? '';
    const points = [...line.matchAll(/([\d.]+),([\d.]+)/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(points).toEqual([
      [0, 100],
      [50, 0],
      [100, 50],
    ]);
  });

  it('labels the axis with days in the person’s locale and lists every day in its table', () => {
    const { body } = render(DailySpending, {
      context: englishContext(),
      props: { days, title: 'Each day', locale: 'en-IN', currency: 'INR' },
    });
    expect(body).toContain('1 Mar');
    expect(body).toContain('3 Mar');
    expect(body.match(/<th scope="row"/g)).toHaveLength(3);
    expect(html(body)).toMatch(/2 Mar<\/th><td[^>]*>₹120.00/);
  });
});

describe('DailySpending in the middle of a month', () => {
  const month = Array.from({ length: 31 }, (_, i) => {
    const date = `2026-03-${String(i + 1).padStart(2, '0')}`;
    const minor = i === 1 ? '250000' : '0';
    return { date, minor, formatted: i === 1 ? '₹2,500.00' : '₹0.00' };
  });
  const props = {
    days: month,
    title: 'Each day',
    locale: 'en-IN',
    currency: 'INR',
    today: '2026-03-11',
  };

  it('stops the line at today, over an axis that still spans the month', () => {
    const { body } = render(DailySpending, {
      context: englishContext(),
      props,
    });
    const line = /class="line[^"]*" d="([^"]+)"/.exec(body)?.[1] ?? '';
    const xs = [...line.matchAll(/([\d.]+),([\d.]+)/g)].map((m) => Number(m[1]));
    expect(xs).toHaveLength(11);
    expect(xs.at(-1)).toBeCloseTo((10 / 30) * 100);
    expect(body.match(/<th scope="row"/g)).toHaveLength(11);
    expect(body).not.toContain('12 Mar');
  });

  it('labels the amount axis in the person’s currency', () => {
    const { body } = render(DailySpending, {
      context: englishContext(),
      props,
    });
    const labels = [...html(body).matchAll(/class="tick[^"]*"[^>]*><span[^>]*>([^<]+)</g)].map(
      (m) => m[1],
    );
    expect(labels).toContain('₹0');
    expect(labels.some((label) => /^₹[\d.]+K$/.test(label ?? ''))).toBe(true);
  });
});

describe('BudgetUse', () => {
  const inr = (amountMinor: string, formatted: string) => ({
    amountMinor,
    currency: 'INR',
    amount: '',
    formatted,
  });
  const budgets = maskFragments(
    [BudgetUseFields],
    [
      {
        category: null,
        limit: inr('4000000', '₹40,000.00'),
        spent: inr('2660000', '₹26,600.00'),
        remaining: inr('1340000', '₹13,400.00'),
        used: 0.665,
        projected: inr('4123300', '₹41,233.00'),
      },
      {
        category: { id: 'c1', name: 'Food', emoji: '🍔', archived: false },
        limit: inr('500000', '₹5,000.00'),
        spent: inr('600000', '₹6,000.00'),
        remaining: inr('-100000', '-₹1,000.00'),
        used: 1.2,
        projected: null,
      },
    ],
  );

  /** Each budget's rendered list item, whitespace collapsed. */
  const items = () =>
    html(
      render(BudgetUse, {
        context: englishContext(),
        props: { budgets, locale: 'en-IN' },
      }).body,
    )
      .replace(/\s+/g, ' ')
      .split('<li')
      .slice(1);

  it('shows spent of limit, what is left and where this pace ends the month', () => {
    const [overall = ''] = items();
    expect(overall).toContain('All spending');
    expect(overall).toContain('₹26,600.00 of ₹40,000.00 (67%)');
    expect(overall).toContain('₹13,400.00 left');
    expect(overall).toMatch(/class="pace[^"]*warn[^"]*">At this pace: ₹41,233.00 of ₹40,000.00/);
  });

  it('marks an overspent budget and says by how much, with its bar full', () => {
    const [overall = '', food = ''] = items();
    expect(overall).toMatch(/^ class="[^"]*"/);
    expect(overall).not.toMatch(/^ class="[^"]*\bover\b/);
    expect(food).toMatch(/^ class="[^"]*\bover\b/);
    expect(food).toContain('Over by ₹1,000.00');
    expect(food).toMatch(/<meter[^>]*value="1"/);
    expect(food).toContain('aria-label="🍔 Food: 120% of the budget used"');
    expect(food).not.toContain('At this pace');
  });
});
