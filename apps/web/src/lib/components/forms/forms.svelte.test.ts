import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { englishContext } from '#lib/i18n/english.ts';
import TotalCard from '../dashboard/TotalCard.svelte';
import Field from './Field.svelte';

describe('Field', () => {
  it('labels its input and ties the hint and the error to it for screen readers', () => {
    const { body } = render(Field, {
      props: { label: 'Email', name: 'email', hint: 'We never share it.', error: 'Not an email.' },
    });
    expect(body).toMatch(/<label for="field-email"[^>]*>Email<\/label>/);
    expect(body).toMatch(/<input[^>]*id="field-email"/);
    expect(body).toMatch(/aria-invalid="true"/);
    expect(body).toMatch(/aria-describedby="field-email-hint field-email-error"/);
    expect(body).toMatch(/id="field-email-error"[^>]*>Not an email.<\/p>/);
  });

  it('is not marked invalid without an error', () => {
    const { body } = render(Field, { props: { label: 'Name', name: 'name' } });
    expect(body).not.toContain('aria-invalid');
    expect(body).not.toContain('aria-describedby');
  });
});

const money = (minor: string, formatted: string) => ({
  amountMinor: minor,
  currency: 'INR',
  amount: '',
  formatted,
});

describe('TotalCard', () => {
  it('shows the total and how it moved against the previous period', () => {
    const { body } = render(TotalCard, {
      context: englishContext(),
      props: {
        period: 'day',
        zero: '₹0.00',
        total: {
          total: money('15000', '₹150.00'),
          previousTotal: money('10000', '₹100.00'),
          change: money('5000', '₹50.00'),
          changeRatio: 0.5,
          count: 2,
        },
      },
    });
    expect(body).toContain('₹150.00');
    expect(body).toContain('+50% vs yesterday (₹100.00)');
    expect(body).toContain('▲');
  });

  it('shows zero in the person’s currency when nothing was spent', () => {
    const { body } = render(TotalCard, {
      context: englishContext(),
      props: { period: 'week', zero: '₹0.00', total: undefined },
    });
    expect(body).toContain('₹0.00');
    expect(body).toContain('Nothing spent last week either');
  });
});
