import { describe, expect, it } from 'vitest';
import { english } from './i18n/english.ts';
import { dayLabel, dayNames, newValues, parseRule, type RuleValues } from './recurring.ts';

const monthly: RuleValues = {
  amount: '15,000',
  category: 'cat-1',
  note: 'flat',
  frequency: 'MONTHLY',
  interval: '1',
  dayOfMonth: '1',
  dayOfWeek: '5',
  monthOfYear: '3',
};

describe('recurring form', () => {
  it('sends only the day fields that fit the frequency', () => {
    expect(parseRule(monthly, 'INR', english.t)).toEqual({
      input: {
        amountMinor: '1500000',
        categoryId: 'cat-1',
        note: 'flat',
        frequency: 'MONTHLY',
        interval: 1,
        dayOfMonth: 1,
        dayOfWeek: null,
        monthOfYear: null,
      },
    });
    const weekly = parseRule(
      { ...monthly, frequency: 'WEEKLY', dayOfMonth: '99' },
      'INR',
      english.t,
    );
    expect(weekly).toMatchObject({ input: { dayOfMonth: null, dayOfWeek: 5, monthOfYear: null } });
    const yearly = parseRule({ ...monthly, frequency: 'YEARLY', category: '' }, 'INR', english.t);
    expect(yearly).toMatchObject({ input: { categoryId: null, dayOfMonth: 1, monthOfYear: 3 } });
  });

  it('names each field that is wrong', () => {
    const wrong = parseRule(
      { ...monthly, amount: '0', interval: '1.5', dayOfMonth: '32', frequency: 'MONTHLY' },
      'INR',
      english.t,
    );
    expect(wrong).toEqual({
      fields: {
        amount: 'Enter an amount above zero, like 15000 or 499.50.',
        interval: 'Enter a whole number from 1 to 366.',
        dayOfMonth: 'Enter a day from 1 to 31.',
      },
    });
    expect(parseRule({ ...monthly, frequency: 'HOURLY' }, 'INR', english.t)).toEqual({
      fields: { frequency: 'Pick how often it repeats.' },
    });
  });

  it('starts a new rule from today and names days in the locale', () => {
    expect(newValues('2026-03-20')).toMatchObject({
      frequency: 'MONTHLY',
      dayOfMonth: '20',
      dayOfWeek: '5',
      monthOfYear: '3',
    });
    expect(dayNames('en-IN').weekdays[0]).toBe('Monday');
    expect(dayNames('en-IN').months[11]).toBe('December');
    // The punctuation is the ICU data's.
    expect(dayLabel('2026-04-01', 'en-IN')).toMatch(/^Wed, 1 Apr,? 2026$/);
  });
});
