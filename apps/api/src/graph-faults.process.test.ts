// kill -9 of the real api process mid-burst while Meta fails a share of its sends (500,
// 429 with 130429, the 131056 pair rate limit, sends that hang unanswered, and sends Meta
// takes but never answers): after a restart every message gave one expense and its sender
// one confirmation. Runs on PGlite, or on the PostgreSQL at DATABASE_URL.
import { DEFAULT_CATEGORIES, newId, type Database } from '@spendline/db';
import {
  signedWebhookRequest,
  startGraphSimulator,
  type GraphSimulator,
  type RecordedMessage,
  type SignedWebhookRequest,
  type SimulatedFailure,
} from '@spendline/whatsapp/simulator';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  createStore,
  eventually,
  startApi,
  type ApiProcess,
  type Store,
} from './shutdown-process.ts';

const SENDERS = 100;
const MESSAGES_EACH = 2;
const TOTAL = SENDERS * MESSAGES_EACH;
const FAULTS: readonly SimulatedFailure[] = ['500', '429', '131056', 'timeout', 'lost-answer'];
// The longest lease a killed api can leave on a row, after which it is sent again: a reply
// its processor queued already claimed holds the dispatcher's 8 s lease plus the 15 s the
// transaction may take to commit, until the dispatcher's first renewal shortens it.
const LONGEST_LEASE_MS = 8_000 + 15_000;
// How long before the kill Meta may have taken a send whose answer the api had not yet
// written down: it writes each answer as soon as the write before it ends, which on a
// loaded machine can be most of a second.
const UNWRITTEN_MS = 3_000;
const appSecret = 'graph-faults-app-secret';
const phoneNumberId = '1234567890';
const accessToken = 'graph-faults-token';

interface Sent {
  wamid: string;
  from: string;
  /** Whole rupees, different for every message, so a confirmation names its message. */
  rupees: number;
  request: SignedWebhookRequest;
}

let store: Store;
let graph: GraphSimulator;
/** Confirmations whose request failed, by failure: their rupees. */
const failedConfirmations = new Map<SimulatedFailure, number[]>();

beforeEach(async () => {
  store = await createStore();
  failedConfirmations.clear();
  graph = await startGraphSimulator({
    accessToken,
    // Hung sends are dropped soon, so some are retried before the kill and some after.
    hangMs: 1_000,
    onFailure(failure, body) {
      const rupees = confirmedRupees(body);
      if (rupees !== undefined)
        failedConfirmations.set(failure, [...(failedConfirmations.get(failure) ?? []), rupees]);
    },
  });
});
afterEach(async () => {
  await graph.close();
  await store.remove();
});

/** The amount a confirmation ("✅ ₹57.00 · Food") names; undefined for anything else. */
function confirmedRupees(body: unknown): number | undefined {
  const message = body as { text?: { body?: string }; interactive?: { body?: { text?: string } } };
  const text = message.interactive?.body?.text ?? message.text?.body ?? '';
  const match = /^✅ ₹(\d+)\.00 · Food/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** Accounts with the default categories, each linked to one of the numbers, in a few statements. */
async function seedLinkedUsers(db: Database, phones: string[]): Promise<void> {
  await db.migrate();
  const users = phones.map((phoneNumber, i) => ({
    id: newId(),
    email: `faults${i}@example.com`,
    displayName: `Faults ${i}`,
    phoneNumber,
  }));
  await db.prisma.user.createMany({
    data: users.map(({ id, email, displayName }) => ({ id, email, displayName })),
  });
  await db.prisma.whatsAppLink.createMany({
    data: users.map(({ id, phoneNumber }) => ({ userId: id, phoneNumber, verifiedAt: new Date() })),
  });
  const categories = users.flatMap(({ id: userId }) =>
    DEFAULT_CATEGORIES.map(({ name, emoji, color, aliases }) => ({
      row: { id: newId(), userId, name, nameKey: name.toLowerCase(), emoji, color },
      aliases,
    })),
  );
  await db.prisma.category.createMany({ data: categories.map(({ row }) => row) });
  await db.prisma.categoryAlias.createMany({
    data: categories.flatMap(({ row, aliases }) =>
      aliases.map((alias) => ({ userId: row.userId, categoryId: row.id, alias })),
    ),
  });
}

/** Posts a webhook as Meta does; 0 when the api did not answer (Meta will deliver it again). */
async function post(api: ApiProcess, { request }: Sent): Promise<number> {
  try {
    const res = await fetch(`${api.url}/whatsapp/webhook/`, {
      method: 'POST',
      headers: request.headers,
      body: new Uint8Array(request.body),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Posts the messages one every `gapMs`, as Meta would; resolves with those acknowledged. */
async function postAll(api: ApiProcess, messages: Sent[], gapMs = 20): Promise<Set<string>> {
  const acknowledged = new Set<string>();
  await Promise.all(
    messages.map(async (message, n) => {
      await new Promise((resolve) => setTimeout(resolve, n * gapMs));
      if ((await post(api, message)) === 200) acknowledged.add(message.wamid);
    }),
  );
  return acknowledged;
}

const answered = () => graph.messages.filter((message) => !message.unanswered);

it(
  'kill -9 mid-burst under Graph API faults: every message gives one expense and one confirmation',
  { timeout: 150_000 },
  async () => {
    const phones = Array.from({ length: SENDERS }, (_, i) => `+9197${String(i).padStart(8, '0')}`);
    const seeded = await store.open();
    await seedLinkedUsers(seeded, phones);
    await seeded.close();
    // Each sender's first message, then each one's second: "1 tea" ... "200 tea".
    const messages: Sent[] = Array.from({ length: TOTAL }, (_, n) => {
      const from = phones[n % SENDERS]!;
      const wamid = `wamid.FAULTS${String(n).padStart(6, '0')}`;
      const rupees = n + 1;
      const text = `${rupees} tea`;
      return {
        wamid,
        from,
        rupees,
        request: signedWebhookRequest({ appSecret, phoneNumberId, from, text, wamid }),
      };
    });
    const env = {
      WEBHOOK_SECRET: appSecret,
      WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
      WHATSAPP_ACCESS_TOKEN: accessToken,
      WHATSAPP_API_URL: graph.apiUrl,
      LOG_LEVEL: 'warn',
    };

    graph.setFailure({ failRate: 0.35, failWith: FAULTS });
    const api = await startApi({ store, env });
    const posting = postAll(api, messages);
    // Killed once every fault has hit a confirmation and a third of the burst is answered.
    const ready = () =>
      FAULTS.every((failure) => failedConfirmations.has(failure)) && answered().length >= TOTAL / 3;
    await eventually(() => Promise.resolve(ready()), Boolean, 60_000, 5);
    expect(ready(), api.output()).toBe(true);
    const killedAt = Date.now();
    api.child.kill('SIGKILL');
    expect((await api.exited).signal).toBe('SIGKILL');
    const acknowledged = await posting;
    // What the dead process had sent is in by now; later copies come from the next one.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const beforeRestart = graph.messages.length;
    expect(answered().length).toBeLessThan(TOTAL);

    graph.setFailure({ failRate: 0 });
    const again = await startApi({ store, env });
    // Meta delivers again what got no 200, and now and then what did.
    const redelivered = messages.filter((m, n) => !acknowledged.has(m.wamid) || n % 10 === 0);
    const statuses = await Promise.all(redelivered.map((message) => post(again, message)));
    expect(statuses.every((status) => status === 200)).toBe(true);

    // Done when every message has an answered confirmation, the killed api's leases have
    // run out (its rows went again if they were to), and Meta has heard nothing for a second.
    let lastCount = -1;
    let quietSince = Date.now();
    const settled = () => {
      const count = graph.messages.length;
      if (count !== lastCount) [lastCount, quietSince] = [count, Date.now()];
      const confirmed = new Set(answered().map((message) => confirmedRupees(message.body)));
      return (
        messages.every((message) => confirmed.has(message.rupees)) &&
        Date.now() > killedAt + LONGEST_LEASE_MS + 2_000 &&
        Date.now() - quietSince > 1_000
      );
    };
    await eventually(() => Promise.resolve(settled()), Boolean, 60_000);
    await again.terminate();
    expect(settled(), again.output()).toBe(true);

    const db = await store.open();
    try {
      await expectOneExpenseEach(db, messages);
      await expectOneConfirmationEach(db, messages, { beforeRestart, killedAt });
    } finally {
      await db.close();
    }
  },
);

/** Every message was stored once, processed, and recorded exactly one expense of its amount. */
async function expectOneExpenseEach(db: Database, messages: Sent[]): Promise<void> {
  const inbound = await db.prisma.inboundMessage.findMany({
    select: { id: true, waMessageId: true, status: true },
  });
  expect(inbound.map((row) => [row.waMessageId, row.status]).sort()).toEqual(
    messages.map((message) => [message.wamid, 'PROCESSED']).sort(),
  );
  const wamidOf = new Map(inbound.map((row) => [row.id, row.waMessageId]));
  const expenses = await db.prisma.expense.findMany({
    select: { inboundMessageId: true, amountMinor: true, deletedAt: true },
  });
  expect(
    expenses
      .map((e) => [wamidOf.get(e.inboundMessageId ?? ''), Number(e.amountMinor), e.deletedAt])
      .sort(),
  ).toEqual(messages.map((message) => [message.wamid, message.rupees * 100, null]).sort());
}

/**
 * Each message has one outbound row, sent, naming one confirmation Meta took for it. Any
 * other copy Meta took is one the api could not know it had sent, so it sent it again:
 * Meta never answered it (a lost answer), or Meta answered in the moments before the kill
 * and the api died before writing the answer down. Any other copy is a double.
 */
async function expectOneConfirmationEach(
  db: Database,
  messages: Sent[],
  kill: { beforeRestart: number; killedAt: number },
): Promise<void> {
  const rows = await db.prisma.outboundMessage.findMany({
    select: { status: true, providerMessageId: true, attempts: true },
  });
  expect(rows.filter((row) => row.status !== 'SENT')).toEqual([]);
  expect(rows).toHaveLength(TOTAL);
  const attemptsOf = new Map(rows.map((row) => [row.providerMessageId, row.attempts]));
  const recorded = new Set(attemptsOf.keys());
  const copies = new Map<number | undefined, { copy: RecordedMessage; index: number }[]>();
  for (const [index, copy] of graph.messages.entries()) {
    const rupees = confirmedRupees(copy.body);
    copies.set(rupees, [...(copies.get(rupees) ?? []), { copy, index }]);
  }
  // Nothing but confirmations went out (no apology, no question).
  expect(copies.get(undefined) ?? []).toEqual([]);

  const doubles: string[] = [];
  for (const message of messages) {
    const mine = copies.get(message.rupees) ?? [];
    expect(mine.map(({ copy }) => `+${copy.to}`)).toEqual(mine.map(() => message.from));
    const sent = mine.filter(({ copy }) => recorded.has(copy.wamid));
    expect(sent, `${message.rupees} tea`).toHaveLength(1);
    let unwritten = 0;
    const explained = mine.filter(({ copy, index }) => {
      if (recorded.has(copy.wamid) || copy.unanswered) return true;
      const takenAt = Date.parse(copy.receivedAt);
      const beforeKill = index < kill.beforeRestart && takenAt >= kill.killedAt - UNWRITTEN_MS;
      return beforeKill && unwritten++ === 0;
    });
    if (explained.length === mine.length) continue;
    // Every copy, so a failure tells which process sent what, and after how many claims.
    const taken = mine.map(({ copy, index }) =>
      [
        copy.receivedAt,
        index < kill.beforeRestart ? 'before the restart' : 'after it',
        recorded.has(copy.wamid) ? `recorded, ${attemptsOf.get(copy.wamid)} attempts` : '',
        copy.unanswered ? 'never answered' : '',
      ]
        .filter(Boolean)
        .join(', '),
    );
    doubles.push(`"${message.rupees} tea" confirmed ${mine.length} times: ${taken.join('; ')}`);
  }
  expect(doubles, `killed at ${new Date(kill.killedAt).toISOString()}`).toEqual([]);
}
