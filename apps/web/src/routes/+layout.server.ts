import { pageLocale } from '#lib/server/i18n.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => ({
  viewer: event.locals.viewer,
  locale: pageLocale(event),
});
