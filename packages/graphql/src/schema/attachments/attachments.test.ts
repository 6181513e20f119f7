import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';
import type { ReceiptScan } from './receipt-scan.ts';

// Receipt photos on the dashboard: read and kept by scanReceipt (a multipart upload),
// attached by createExpense / updateExpense, listed by Expense.attachments, and never
// anyone else's to see or attach.

let server: TestServer;
const read: Buffer[] = [];
let answer: ReceiptScan = {
  kind: 'RECEIPT',
  amountMinor: 66932n,
  currency: 'INR',
  merchant: 'DMart',
  date: '2026-12-03',
};

// The reader is the api's OCR threads, tested in their own package; here it is the seam.
beforeAll(async () => {
  server = await startTestServer({
    readReceipt: (bytes) => {
      read.push(bytes);
      return Promise.resolve(answer);
    },
  });
});
afterAll(async () => {
  await server.close();
});

const SCAN = `mutation ($file: File!) {
  scanReceipt(file: $file) {
    __typename
    ... on ScanReceiptSuccess {
      scan { kind merchant date amount { amountMinor currency formatted } attachment { id mimeType size url } }
    }
    ... on ValidationError { message problems { path message } }
  }
}`;

interface Scanned {
  scanReceipt: {
    __typename: string;
    scan?: {
      kind: string;
      merchant: string | null;
      date: string | null;
      amount: { amountMinor: string; currency: string; formatted: string } | null;
      attachment: { id: string; mimeType: string; size: number; url: string };
    };
    problems?: { path: string[]; message: string }[];
  };
}

const photo = (size = 2048) => Buffer.alloc(size, 7);

async function signedIn(email: string): Promise<TestClient> {
  const client = new TestClient(server.url);
  await client.register(email, 'correct horse');
  return client;
}

async function scan(client: TestClient, bytes = photo(), type = 'image/jpeg') {
  const res = await client.upload<Scanned>(SCAN, {}, { file: { bytes, type } });
  expect(res.errors).toBeUndefined();
  return res.data!.scanReceipt;
}

const CREATE = `mutation ($input: NewExpense!) {
  createExpense(input: $input) {
    __typename
    ... on Expense { id attachments { id mimeType size url } }
    ... on NotFoundError { message }
  }
}`;

describe('scanReceipt', () => {
  it('reads an uploaded photo and keeps it as the viewer’s file, not yet with an entry', async () => {
    const client = await signedIn('scan@example.com');
    const bytes = photo(3000);
    const result = await scan(client, bytes);
    expect(result.__typename).toBe('ScanReceiptSuccess');
    expect(read.at(-1)?.equals(bytes)).toBe(true);
    const { attachment, ...reading } = result.scan!;
    expect(reading).toEqual({
      kind: 'RECEIPT',
      merchant: 'DMart',
      date: '2026-12-03',
      amount: { amountMinor: '66932', currency: 'INR', formatted: '₹669.32' },
    });
    expect(attachment).toMatchObject({ mimeType: 'image/jpeg', size: 3000 });
    expect(attachment.url).toBe(`/attachments/${attachment.id}`);
    const row = await server.db.prisma.attachment.findUniqueOrThrow({
      where: { id: attachment.id },
      include: { user: { select: { email: true } } },
    });
    expect(row.user.email).toBe('scan@example.com');
    expect(row.expenseId).toBeNull();
  });

  it('takes a bill without a currency sign to be in the viewer’s currency', async () => {
    const client = await signedIn('nosign@example.com');
    answer = { ...answer, currency: null };
    try {
      expect((await scan(client)).scan?.amount).toEqual({
        amountMinor: '66932',
        currency: 'INR',
        formatted: '₹669.32',
      });
    } finally {
      answer = { ...answer, currency: 'INR' };
    }
  });

  it('files a shop under the category one of its words was taught as', async () => {
    const client = await signedIn('aliases@example.com');
    const { createCategory } = await client.ok<{ createCategory: { id: string } }>(
      'mutation { createCategory(input: { name: "Supermarket", aliases: ["dmart"] }) { ... on Category { id } } }',
    );
    const known = await client.upload<{
      scanReceipt: { scan: { category: { id: string } | null } };
    }>(
      'mutation ($file: File!) { scanReceipt(file: $file) { ... on ScanReceiptSuccess { scan { category { id } } } } }',
      {},
      { file: { bytes: photo(), type: 'image/jpeg' } },
    );
    expect(known.data?.scanReceipt.scan.category).toEqual({ id: createCategory.id });
    answer = { ...answer, merchant: 'Chaayos' };
    try {
      const unknown = await client.upload<{
        scanReceipt: { scan: { category: { id: string } | null } };
      }>(
        'mutation ($file: File!) { scanReceipt(file: $file) { ... on ScanReceiptSuccess { scan { category { id } } } } }',
        {},
        { file: { bytes: photo(), type: 'image/jpeg' } },
      );
      expect(unknown.data?.scanReceipt.scan.category).toBeNull();
    } finally {
      answer = { ...answer, merchant: 'DMart' };
    }
  });

  it('refuses other file types and files over 5 MB in plain words, keeping nothing', async () => {
    const client = await signedIn('refused@example.com');
    const before = await server.db.prisma.attachment.count();
    const pdf = await scan(client, photo(), 'application/pdf');
    expect(pdf.__typename).toBe('ValidationError');
    expect(pdf.problems).toEqual([
      {
        path: ['file'],
        message: 'This file type can’t be used here: send a JPEG, a PNG or a WebP image.',
      },
    ]);
    const large = await scan(client, photo(5 * 1024 * 1024 + 1));
    expect(large.problems?.[0]?.message).toBe('This file is too large: the limit is 5 MB.');
    expect(await server.db.prisma.attachment.count()).toBe(before);
  });

  it('says when a photo could not be read, and keeps nothing', async () => {
    const client = await signedIn('blurry@example.com');
    const before = await server.db.prisma.attachment.count();
    answer = { kind: 'UNREADABLE', amountMinor: null, currency: null, merchant: null, date: null };
    try {
      const result = await scan(client);
      expect(result.problems?.[0]?.message).toBe(
        'This image could not be read. Try another photo.',
      );
    } finally {
      answer = { ...answer, kind: 'RECEIPT', amountMinor: 66932n, currency: 'INR' };
    }
    expect(await server.db.prisma.attachment.count()).toBe(before);
  });

  it('is for signed-in callers only', async () => {
    const res = await new TestClient(server.url).upload(
      SCAN,
      {},
      {
        file: { bytes: photo(), type: 'image/jpeg' },
      },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('attachments of entries', () => {
  it('keeps the scanned photo with the entry createExpense saves, listed on a page in one batch', async () => {
    const client = await signedIn('keeper@example.com');
    const first = (await scan(client)).scan!.attachment;
    const second = (await scan(client, photo(4096), 'image/png')).scan!.attachment;
    const made = await client.ok<{ createExpense: { attachments: unknown[] } }>(CREATE, {
      input: { amountMinor: '66932', note: 'DMart', attachmentId: first.id },
    });
    expect(made.createExpense.attachments).toEqual([first]);
    const plain = await client.ok<{ createExpense: { id: string } }>(CREATE, {
      input: { amountMinor: '100', note: 'tea' },
    });
    const updated = await client.ok<{ updateExpense: { attachments: unknown[] } }>(
      `mutation ($id: ID!, $a: ID!) {
        updateExpense(id: $id, input: { attachmentId: $a }) { ... on Expense { attachments { id mimeType size url } } }
      }`,
      { id: plain.createExpense.id, a: second.id },
    );
    expect(updated.updateExpense.attachments).toEqual([second]);
    const page = await client.ok<{
      expenses: { edges: { node: { note: string; attachments: { id: string }[] } }[] };
    }>('{ expenses(first: 10) { edges { node { note attachments { id } } } } }');
    expect(
      Object.fromEntries(
        page.expenses.edges.map(({ node }) => [node.note, node.attachments.map((a) => a.id)]),
      ),
    ).toEqual({ DMart: [first.id], tea: [second.id] });
  });

  it('never lets another user attach, or see, someone’s file', async () => {
    const owner = await signedIn('owner@example.com');
    const other = await signedIn('other@example.com');
    const theirs = (await scan(owner)).scan!.attachment;
    const refused = await other.ok<{ createExpense: { __typename: string } }>(CREATE, {
      input: { amountMinor: '500', attachmentId: theirs.id },
    });
    expect(refused.createExpense.__typename).toBe('NotFoundError');
    // The refused entry was not saved either: the write is one transaction.
    const mine = await other.ok<{ expenses: { totalCount: number } }>(
      '{ expenses { totalCount } }',
    );
    expect(mine.expenses.totalCount).toBe(0);
    const row = await server.db.prisma.attachment.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(row.expenseId).toBeNull();

    // Attached to the owner's entry, it is still not in what the other user can read.
    const made = await owner.ok<{ createExpense: { id: string } }>(CREATE, {
      input: { amountMinor: '500', attachmentId: theirs.id },
    });
    const peek = await other.request<{ node: unknown }>(
      'query ($id: ID!) { node(id: $id) { ... on Expense { attachments { id } } } }',
      { id: made.createExpense.id },
    );
    expect(JSON.stringify(peek)).not.toContain(theirs.id);
  });

  it('refuses a file id that is no one’s', async () => {
    const client = await signedIn('nobody@example.com');
    const result = await client.ok<{ createExpense: { __typename: string } }>(CREATE, {
      input: { amountMinor: '500', attachmentId: 'not-a-uuid' },
    });
    expect(result.createExpense.__typename).toBe('NotFoundError');
  });
});

describe('request body limits', () => {
  it('takes an upload of several megabytes but still refuses a JSON body over 1 MB', async () => {
    const client = await signedIn('limits@example.com');
    const big = await scan(client, photo(3 * 1024 * 1024));
    expect(big.__typename).toBe('ScanReceiptSuccess');
    const json = await client.request('{ me { email } }', { padding: 'x'.repeat(1_100_000) });
    expect(json.status).toBe(413);
  });

  it('takes no upload over the JSON limit from anyone signed out, a forged cookie included', async () => {
    const stranger = new TestClient(server.url);
    const anonymous = await stranger.upload(
      SCAN,
      {},
      { file: { bytes: photo(2 * 1024 * 1024), type: 'image/jpeg' } },
    );
    expect(anonymous.status).toBe(413);
    const forged = new TestClient(server.url);
    forged.cookie = 'spendline_session=forged-token';
    const withCookie = await forged.upload(
      SCAN,
      {},
      { file: { bytes: photo(2 * 1024 * 1024), type: 'image/jpeg' } },
    );
    expect(withCookie.status).toBe(413);
    // A small one is read and refused as signed out, as any other request.
    const small = await stranger.upload(SCAN, {}, { file: { bytes: photo(), type: 'image/jpeg' } });
    expect(small.status).toBe(200);
    expect(JSON.stringify(small.errors)).toMatch(/Sign in first/);
  });
});
