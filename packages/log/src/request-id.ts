import { randomUUID } from 'node:crypto';

const acceptable = /^[\w.:-]{1,128}$/;

/**
 * The id that ties one request's log lines together: the caller's X-Request-Id
 * when it looks like an id (a proxy may set one), a fresh UUID otherwise.
 */
export function requestId(incoming: string | string[] | undefined): string {
  const candidate = Array.isArray(incoming) ? incoming[0] : incoming;
  return candidate && acceptable.test(candidate) ? candidate : randomUUID();
}
