// A person's receipt photo or voice note, fetched from the api with their own session
// (the api serves a file to its owner only), for the account export.
import type { RequestEvent } from '@sveltejs/kit';
import { API_URL } from '$app/env/private';
import { SESSION_COOKIE } from './api.ts';

export function attachmentReader(event: Pick<RequestEvent, 'cookies'>) {
  return async (id: string): Promise<Uint8Array> => {
    const session = event.cookies.get(SESSION_COOKIE) ?? '';
    const res = await fetch(new URL(`/attachments/${encodeURIComponent(id)}`, API_URL), {
      headers: { cookie: `${SESSION_COOKIE}=${session}` },
    });
    if (!res.ok) throw new Error(`the api answered ${res.status} for attachment ${id}`);
    return new Uint8Array(await res.arrayBuffer());
  };
}
