import { loadBooksMessages } from '#lib/i18n/books-catalog.ts';
import type { LayoutLoad } from './$types';

// Every books page reads the books catalog in the viewer's language.
export const load: LayoutLoad = async ({ parent }) => {
  const { viewer } = await parent();
  return { booksMessages: await loadBooksMessages(viewer.locale) };
};
