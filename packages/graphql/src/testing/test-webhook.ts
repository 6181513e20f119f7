// Test support: a stand-in for the api's /whatsapp/webhook on a real node:http server.
// It checks the signature with the same verifier the api uses, records every request,
// and stores verified messages as the api does, so sandboxSend finds its row.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Queries } from '@spendline/db';
import { parseWebhook, verifySignature } from '@spendline/whatsapp';
import { storeInboundMessage } from '@spendline/whatsapp/store';

export interface RecordedWebhook {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  verified: boolean;
  json: {
    entry: {
      changes: {
        value: {
          metadata: { phone_number_id: string };
          contacts: { wa_id?: string; profile: { name: string } }[];
          messages: Record<string, unknown>[];
        };
      }[];
    }[];
  };
}

export interface RecordingWebhook {
  url: string;
  requests: RecordedWebhook[];
  /** The single message of the latest request. */
  lastMessage(): Record<string, unknown> | undefined;
  close(): Promise<void>;
}

export async function startRecordingWebhook(
  db: Queries,
  appSecret: string,
): Promise<RecordingWebhook> {
  const requests: RecordedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const header = req.headers['x-hub-signature-256'];
        const verified = verifySignature(
          body,
          typeof header === 'string' ? header : undefined,
          appSecret,
        );
        const json = JSON.parse(body.toString('utf8')) as RecordedWebhook['json'];
        requests.push({ headers: req.headers, body, verified, json });
        if (!verified) {
          res.writeHead(401).end();
          return;
        }
        const parsed = parseWebhook(json);
        if (parsed.ok) {
          for (const event of parsed.events) {
            if (event.kind !== 'message') continue;
            await storeInboundMessage(db, event, {
              sender: event.sender,
              content: event.content,
              replyTo: event.replyTo ?? null,
            });
          }
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":1}');
      })().catch(() => res.writeHead(500).end());
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/whatsapp/webhook`,
    requests,
    lastMessage: () => requests.at(-1)?.json.entry[0]?.changes[0]?.value.messages[0],
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
