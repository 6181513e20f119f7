// The least a webhook acknowledgement can cost on this database: the signature checked,
// the JSON parsed, and the messages inserted by group commit into a table with the
// inbox's columns and indexes; no conversation found, no bot running beside it. The
// api is judged against this as well as against the bare server: what the bare server
// does not pay, the database does, and no handler can avoid it.
import { createServer, type Server } from 'node:http';
import { newId, sql, type SqlDatabase } from '@spendline/db';
import { verifySignature } from '@spendline/whatsapp';
import { groupCommit } from '@spendline/whatsapp/store';
import { readBody } from '../src/body.ts';
import { WEBHOOK_BODY_LIMIT } from '../src/whatsapp/webhook.ts';

interface Message {
  id: string;
  type: string;
  timestamp: string;
  phoneNumberId: string;
  raw: unknown;
}

type Webhook = {
  entry?: {
    changes?: {
      value?: {
        metadata?: { phone_number_id?: string };
        messages?: { id: string; type: string; timestamp: string }[];
      };
    }[];
  }[];
};

function messagesOf(json: Webhook): Message[] {
  return (json.entry ?? []).flatMap((entry) =>
    (entry.changes ?? []).flatMap(({ value }) =>
      (value?.messages ?? []).map((message) => ({
        id: message.id,
        type: message.type,
        timestamp: message.timestamp,
        phoneNumberId: value?.metadata?.phone_number_id ?? '',
        raw: message,
      })),
    ),
  );
}

export async function createStoreFloor(db: SqlDatabase, appSecret: string): Promise<Server> {
  await db.execute(sql`
    CREATE TABLE IF NOT EXISTS bench_floor_inbound
      (LIKE inbound_messages INCLUDING DEFAULTS INCLUDING INDEXES)`);
  const store = groupCommit(async (messages: readonly Message[]) => {
    const column = <T>(pick: (m: Message) => T) => messages.map(pick);
    await db.execute(sql`
      INSERT INTO bench_floor_inbound
        (id, wa_message_id, conversation_id, phone_number_id, type, payload, sent_at)
      SELECT i.id, i.wa_message_id, gen_random_uuid(), i.phone_number_id, i.type, i.payload::jsonb,
             to_timestamp(i.sent_at)
        FROM unnest(${column(() => newId())}::uuid[], ${column((m) => m.id)}::text[],
                    ${column((m) => m.phoneNumberId)}::text[], ${column((m) => m.type)}::text[],
                    ${column((m) => JSON.stringify(m.raw))}::text[],
                    ${column((m) => Number(m.timestamp))}::float8[])
          AS i(id, wa_message_id, phone_number_id, type, payload, sent_at)
      ON CONFLICT (wa_message_id) DO NOTHING`);
    return messages.map(() => true);
  });
  return createServer((req, res) => {
    // The load generator's warm-up GETs.
    if (req.method !== 'POST') {
      req.resume();
      res.writeHead(200).end();
      return;
    }
    void (async () => {
      const body = await readBody(req, WEBHOOK_BODY_LIMIT);
      const signature = req.headers['x-hub-signature-256'] as string | undefined;
      if (!verifySignature(body, signature, appSecret)) {
        res.writeHead(401).end();
        return;
      }
      const stored = await store(messagesOf(JSON.parse(body.toString('utf8')) as Webhook));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ received: stored.length }));
    })().catch(() => res.writeHead(500).end());
  });
}
