// The fixed contexts the corpus is read in: a Tuesday, 24 November 2026, at noon in
// India (06:30 UTC), which is still 01:30 that morning in New York and 00:30 in Mexico
// City.

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
  brazil: {
    categories: defaultCategories,
    currency: 'BRL',
    locale: 'pt-BR',
    timeZone: 'America/Sao_Paulo',
    now,
  },
  mexico: {
    categories: defaultCategories,
    currency: 'MXN',
    locale: 'es-MX',
    timeZone: 'America/Mexico_City',
    now,
  },
  indonesia: {
    categories: defaultCategories,
    currency: 'IDR',
    locale: 'id-ID',
    timeZone: 'Asia/Jakarta',
    now,
  },
  hindi: {
    categories: defaultCategories,
    currency: 'INR',
    locale: 'hi-IN',
    timeZone: 'Asia/Kolkata',
    now,
  },
} satisfies Record<string, ParseContext>;

export type ContextName = keyof typeof contexts;

/** The calendar day `now` falls on in every corpus context. */
export const corpusToday = '2026-11-24';
