// The period cards as the server renders them: spending, and income with the net when
// money came in.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { translator } from '@spendline/i18n';
import ptBR from '@spendline/i18n/messages/pt-BR/web.json' with { type: 'json' };
import { i18nContext } from '#lib/i18n/context.ts';
import { englishContext } from '#lib/i18n/english.ts';
import TotalCard from './TotalCard.svelte';

const money = (amountMinor: string, formatted: string) => ({
  amountMinor,
  currency: 'INR',
  amount: '',
  formatted,
});
const total = {
  total: money('12000', '₹120.00'),
  previousTotal: money('0', '₹0.00'),
  change: money('12000', '₹120.00'),
  changeRatio: null,
  count: 1,
};
const text = (body: string) =>
  body
    .replace(/<!--[^]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('TotalCard', () => {
  it('adds income and the net, marked by sign, when money came in', () => {
    const props = { period: 'day' as const, total, zero: '₹0.00' };
    const plain = render(TotalCard, {
      context: englishContext(),
      props,
    }).body;
    expect(text(plain)).not.toContain('Income');
    const earned = render(TotalCard, {
      context: englishContext(),
      props: {
        ...props,
        income: money('5000000', '₹50,000.00'),
        net: money('4988000', '₹49,880.00'),
      },
    }).body;
    expect(text(earned)).toContain('Income ₹50,000.00 · net ₹49,880.00');
    expect(earned).toMatch(/class="positive[ "]/);
    const short = render(TotalCard, {
      context: englishContext(),
      props: { ...props, income: money('100', '₹1.00'), net: money('-11900', '-₹119.00') },
    }).body;
    expect(short).toMatch(/class="negative[ "]/);
  });
});

describe('TotalCard in the reader’s language', () => {
  const portuguese = translator(ptBR, 'pt-BR');
  const context = i18nContext({ locale: 'pt-BR', t: (key, values) => portuguese(key, values) });

  it('names the period and compares it with the one before in Portuguese', () => {
    const body = render(TotalCard, {
      context,
      props: {
        period: 'week',
        zero: 'R$ 0,00',
        total: {
          ...total,
          previousTotal: money('8000', 'R$ 80,00'),
          changeRatio: 0.5,
        },
      },
    }).body;
    expect(text(body)).toContain('Esta semana');
    expect(text(body)).toContain('+50% em relação a semana passada (R$ 80,00)');
    expect(body).toContain('data-testid="total-this-week"');
  });
});
