// Meta's side of the benchmarks: posts signed webhooks over a keep-alive pool. undici's
// pool costs the sending process less than fetch, which matters where the sender shares
// an event loop (or the machine's two cores) with the api it measures.
import { Pool } from 'undici';
import type { SignedWebhookRequest } from '@spendline/whatsapp/simulator';

export interface WebhookSender {
  /** Posts one webhook to the URL's path; resolves to the HTTP status once answered. */
  post(request: Pick<SignedWebhookRequest, 'headers' | 'body'>): Promise<number>;
  /** A GET on the same server (to open connections and warm up); resolves to the status. */
  get(path: string): Promise<number>;
  close(): Promise<void>;
}

export function createWebhookSender(url: string, connections: number): WebhookSender {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections });
  async function send(options: Parameters<Pool['request']>[0]): Promise<number> {
    const { statusCode, body } = await pool.request(options);
    await body.dump();
    return statusCode;
  }
  return {
    post: ({ headers, body }) => send({ path: target.pathname, method: 'POST', headers, body }),
    get: (path) => send({ path, method: 'GET' }),
    close: () => pool.close(),
  };
}
