// GET /statements/2026-11.pdf: the signed-in person's statement of a month, drawn on the
// render pool's threads. The dashboard's download asks for it with the person's cookie;
// scripts may use a personal access token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '@spendline/db';
import { authenticate } from '@spendline/graphql';
import { localDateOf } from '@spendline/ledger';
import type { Logger } from '@spendline/log';
import { loadStatement, monthStart, RenderBusyError, type RenderPool } from '@spendline/reports';
import { sendJson } from './http.ts';

export const STATEMENTS_PATH = '/statements/';

const PATH = /^\/statements\/(\d{4}-\d{2})\.pdf$/;

export interface StatementRouteOptions {
  db: Database;
  pool: RenderPool;
  logger: Logger;
  secureCookies: boolean;
  now?: () => Date;
}

/** The credentials of a plain GET: the session cookie or a bearer token. */
export function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const name of ['authorization', 'cookie']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  return headers;
}

export function statementDownload(options: StatementRouteOptions) {
  const { db, pool, logger, secureCookies, now = () => new Date() } = options;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://api.invalid').pathname;
    const wanted = PATH.exec(path)?.[1];
    const month = wanted === undefined ? null : monthStart(wanted);
    if (month === null) return sendJson(res, 404, { error: 'not_found' });
    const at = now();
    const { viewer } = await authenticate(db.prisma, headersOf(req), at, secureCookies);
    if (!viewer) return sendJson(res, 401, { error: 'unauthenticated' });
    const owner = viewer.user;
    // A month that has not begun has no statement yet.
    if (month > localDateOf(at, owner.timeZone)) return sendJson(res, 404, { error: 'not_found' });
    const data = await loadStatement(db.sql, { owner, month, now: at });
    let pdf: Uint8Array;
    try {
      pdf = await pool.render(data);
    } catch (error) {
      if (!(error instanceof RenderBusyError)) throw error;
      logger.warn({ month }, 'statement refused: renderer busy');
      res.setHeader('retry-after', '5');
      return sendJson(res, 503, { error: 'busy' });
    }
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': pdf.byteLength,
      'content-disposition': `attachment; filename="spendline-${wanted}.pdf"`,
      'cache-control': 'private, no-store',
    });
    res.end(pdf);
  };
}
