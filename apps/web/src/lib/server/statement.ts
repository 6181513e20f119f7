// The monthly statement PDF, asked of the api with the browser's session: the api draws it
// for whoever that session belongs to, so no one can ask for another person's.
import type { RequestEvent } from '@sveltejs/kit';
import { API_URL } from '$app/env/private';
import { SESSION_COOKIE } from './api.ts';

/** "2026-11" for a year and month people can have a statement of, else null. */
export function statementMonth(value: string | null): string | null {
  return value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : null;
}

type StatementEvent = Pick<RequestEvent, 'cookies' | 'getClientAddress'>;

export async function fetchStatement(event: StatementEvent, month: string): Promise<Response> {
  const headers = new Headers();
  const session = event.cookies.get(SESSION_COOKIE);
  if (session) headers.set('cookie', `${SESSION_COOKIE}=${session}`);
  try {
    headers.set('x-forwarded-for', event.getClientAddress());
  } catch {
    // No address known (e.g. a prerender): the api does without it.
  }
  return fetch(new URL(`/statements/${month}.pdf`, API_URL), { headers });
}
