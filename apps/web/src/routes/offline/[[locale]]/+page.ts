// The service worker keeps these pages from the moment it installs and shows one when a page
// cannot be reached: /offline/ in English and /offline/<language>/ in each other language the
// dashboard speaks. Prerendered, so each is the same for everyone and holds nobody's data;
// no JavaScript, so it needs nothing beyond the HTML and the stylesheet it links.
import { LOCALES } from '@spendline/i18n';
import type { EntryGenerator } from './$types';

export const prerender = true;
export const csr = false;

export const entries: EntryGenerator = () =>
  LOCALES.filter((locale) => locale !== 'en').map((locale) => ({ locale }));
