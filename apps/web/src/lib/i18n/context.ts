// What components read to speak the reader's language: `t` for catalog text and `locale`
// (a full tag such as 'pt-BR' or 'en-IN') for Intl formatting of money, numbers and dates.
import { getContext, setContext } from 'svelte';
import type { WebKey } from './catalog.ts';

export type MessageValues = Record<string, string | number | Date>;

export interface I18n {
  readonly locale: string;
  readonly t: (key: WebKey, values?: MessageValues) => string;
}

const KEY = Symbol('i18n');

/** Set once by the root layout; its getters follow the layout's data across navigations. */
export function provideI18n(i18n: I18n): void {
  setContext(KEY, i18n);
}

export function useI18n(): I18n {
  const i18n = getContext<I18n | undefined>(KEY);
  if (!i18n) throw new Error('useI18n() needs the root layout (or a test) to provide it');
  return i18n;
}

/** The context map for rendering a component on its own (component tests). */
export function i18nContext(i18n: I18n): Map<symbol, I18n> {
  return new Map([[KEY, i18n]]);
}
