// The fixed contexts the corpus is read in: a Tuesday, 24 November 2026, at noon in
// India (06:30 UTC), which is still 01:30 that morning in New York.

import type { Category, ParseContext } from '../types.ts';
import categories from './default-categories.json' with { type: 'json' };

export const defaultCategories: readonly Category[] = categories;

const now = new Date('2026-11-24T06:30:00Z');

export const contexts = {
  india: {
    categories: defaultCategories,
    currency: 'INR',
    locale: 'en-IN',
    timeZone: 'Asia/Kolkata',
    now,
  },
  us: {
    categories: defaultCategories,
    currency: 'USD',
    locale: 'en-US',
    timeZone: 'America/New_York',
    now,
  },
  de: {
    categories: defaultCategories,
    currency: 'EUR',
    locale: 'de-DE',
    timeZone: 'Europe/Berlin',
    now,
  },
} satisfies Record<string, ParseContext>;

export type ContextName = keyof typeof contexts;

/** The calendar day `now` falls on in every corpus context. */
export const corpusToday = '2026-11-24';
