// Test support: the handler on a real node:http server over a fresh database, and a
// client that keeps cookies like a browser. Not exported from the package.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Database, PrismaClient } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createLogger } from '@spendline/log';
import { createGraphQLHandler, type GraphQLHandlerOptions } from '../server/handler.ts';

export interface TestServer {
  db: Database;
  url: string;
  logLines: Record<string, unknown>[];
  /** Moves the server's clock. */
  setNow(date: Date): void;
  close(): Promise<void>;
}

export const TEST_CONFIG: GraphQLHandlerOptions['config'] = {
  NODE_ENV: 'test',
  PUBLIC_URL: 'http://localhost:3000',
  CSRF_TRUSTED_ORIGINS: ['https://trusted.example'],
  SECRET_KEY: 'test-secret-key-that-is-long-enough-to-pass',
};

export async function startTestServer(
  options: Partial<Omit<GraphQLHandlerOptions, 'prisma' | 'logger'>> & {
    /** Stands something in front of the client, e.g. to make a query fail. */
    wrapPrisma?: (prisma: PrismaClient) => PrismaClient;
    /** Shares a database another server made (replicas); its creator closes it. */
    database?: Database;
  } = {},
): Promise<TestServer> {
  const db = options.database ?? (await createTestDatabase());
  const logLines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        logLines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  let clock: Date | null = null;
  const { wrapPrisma, database, sql, ...handlerOptions } = options;
  const handler = createGraphQLHandler({
    prisma: wrapPrisma ? wrapPrisma(db.prisma) : db.prisma,
    sql: sql ?? db.sql,
    logger: createLogger({ destination }),
    config: TEST_CONFIG,
    now: () => clock ?? new Date(),
    // Each TestClient claims its own address, as browsers behind a proxy would.
    trustedProxies: ['127.0.0.1', '::1'],
    ...handlerOptions,
  });
  const server: Server = createServer((req, res) => void handler(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    db,
    url,
    logLines,
    setNow: (date) => {
      clock = date;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      if (!database) await db.close();
    },
  };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data: T | null | undefined;
  errors: { message: string; path?: string[]; extensions?: Record<string, unknown> }[] | undefined;
}

/** A browser-like client: remembers the session cookie, or sends a bearer token. */
export class TestClient {
  cookie: string | null = null;
  bearer: string | null = null;
  readonly url: string;
  ip: string;

  constructor(url: string, ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`) {
    this.url = url;
    this.ip = ip;
  }

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    init: { headers?: Record<string, string>; body?: string } = {},
  ): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-forwarded-for': this.ip,
      ...init.headers,
    };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(this.url, {
      method: 'POST',
      headers,
      body: init.body ?? JSON.stringify({ query, variables }),
    });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      const value = pair.slice(pair.indexOf('=') + 1);
      this.cookie = value && !/Max-Age=0/.test(setCookie) ? pair : null;
    }
    const text = await res.text();
    const body = (text ? JSON.parse(text) : {}) as {
      data?: T | null;
      errors?: GraphQLResponse['errors'];
    };
    return { status: res.status, headers: res.headers, data: body.data, errors: body.errors };
  }

  /**
   * A multipart request (GraphQL multipart request spec): each file fills the variable of
   * its name, as browsers' upload clients send it.
   */
  async upload<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    files: Record<string, { bytes: Uint8Array; type: string; name?: string }>,
    headers: Record<string, string> = { 'x-graphql-yoga-csrf': '1' },
  ): Promise<GraphQLResponse<T>> {
    const names = Object.keys(files);
    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({
        query,
        variables: { ...variables, ...Object.fromEntries(names.map((n) => [n, null])) },
      }),
    );
    form.set(
      'map',
      JSON.stringify(Object.fromEntries(names.map((n, i) => [i, [`variables.${n}`]]))),
    );
    names.forEach((n, i) => {
      const file = files[n]!;
      form.set(
        String(i),
        new Blob([new Uint8Array(file.bytes)], { type: file.type }),
        file.name ?? n,
      );
    });
    const sent: Record<string, string> = { 'x-forwarded-for': this.ip, ...headers };
    if (this.cookie) sent.cookie = this.cookie;
    if (this.bearer) sent.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(this.url, { method: 'POST', headers: sent, body: form });
    const text = await res.text();
    const body = (text ? JSON.parse(text) : {}) as {
      data?: T | null;
      errors?: GraphQLResponse['errors'];
    };
    return { status: res.status, headers: res.headers, data: body.data, errors: body.errors };
  }

  /** Like request, but fails the test on any GraphQL error. */
  async ok<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  async register(email: string, password = 'correct horse', extra: Record<string, unknown> = {}) {
    const data = await this.ok<{ register: { __typename: string; id?: string } }>(
      `mutation ($input: RegisterInput!) {
        register(input: $input) { __typename ... on User { id } ... on Error { message } }
      }`,
      { input: { email, password, ...extra } },
    );
    if (data.register.__typename !== 'User') throw new Error(JSON.stringify(data.register));
    return data.register.id as string;
  }

  /** Signs in again, e.g. after a test moved the clock past the session's idle timeout. */
  async login(email: string, password = 'correct horse'): Promise<void> {
    const data = await this.ok<{ login: { __typename: string } }>(
      `mutation ($email: String!, $password: String!) {
        login(email: $email, password: $password) { __typename ... on Error { message } }
      }`,
      { email, password },
    );
    if (data.login.__typename !== 'User') throw new Error(JSON.stringify(data.login));
  }
}

export interface Subscription {
  /** The next event's payload, or null if none arrives within the time. */
  next(timeoutMs?: number): Promise<Record<string, unknown> | null>;
  close(): void;
}

/** Subscribes over server-sent events, as the dashboard does. */
export async function subscribe(
  client: TestClient,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Subscription> {
  const abort = new AbortController();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'text/event-stream',
    'x-forwarded-for': client.ip,
  };
  if (client.cookie) headers.cookie = client.cookie;
  if (client.bearer) headers.authorization = `Bearer ${client.bearer}`;
  const res = await fetch(client.url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  const reader = res.body?.getReader();
  if (!reader) throw new Error('no event stream');
  const decoder = new TextDecoder();
  let buffer = '';
  const events: Record<string, unknown>[] = [];
  let done = false;
  const pump = (async () => {
    try {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim())
            .join('');
          if (/^event: next/m.test(block) && data) {
            events.push(JSON.parse(data) as Record<string, unknown>);
          }
        }
      }
    } catch {
      // Aborted by close().
    } finally {
      done = true;
    }
  })();
  void pump;
  return {
    async next(timeoutMs = 2000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const event = events.shift();
        if (event) return event;
        if (done) return null;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return null;
    },
    close: () => abort.abort(),
  };
}

/** The code inside a queued OTP message: a template's parameter, or the text's first word. */
export function codeIn(payload: unknown): string {
  const body = payload as {
    template?: { components?: { parameters?: { text?: string }[] }[] };
    text?: { body?: string };
  };
  const code =
    body.template?.components?.[0]?.parameters?.[0]?.text ??
    /^\d+/.exec(body.text?.body ?? '')?.[0];
  if (!code) throw new Error(`no code in ${JSON.stringify(payload)}`);
  return code;
}
