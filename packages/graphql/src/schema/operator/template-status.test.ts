import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  SIMULATOR_BUSINESS_ACCOUNT_ID,
  SIMULATOR_TEMPLATES,
  startGraphSimulator,
  type GraphSimulator,
} from '@spendline/whatsapp/simulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';
import { createTemplateStatus, TEMPLATE_CACHE_MS } from './template-status.ts';

// The operator page's template status, read from the Graph simulator over HTTP as the api
// reads Meta, with the simulator's faults standing in for Meta's answers.

const TOKEN = 'operator-test-token';
const TEMPLATES = `{ operatorStatus {
  sandbox
  templates { check allApproved summary askedAt
    templates { name approval languages { language approval needed metaStatus rejectedReason } } }
} }`;

interface Templates {
  check: string;
  allApproved: boolean;
  summary: string;
  askedAt: string | null;
  templates: {
    name: string;
    approval: string;
    languages: { language: string; approval: string; needed: boolean }[];
  }[];
}

let simulator: GraphSimulator;
let server: TestServer;
let operator: TestClient;
let clock = new Date('2026-12-06T12:00:00.000Z');

async function templates(client = operator) {
  const data = await client.ok<{ operatorStatus: { sandbox: boolean; templates: Templates } }>(
    TEMPLATES,
  );
  return data.operatorStatus;
}

/** A fresh server, so that no answer is cached from another test. */
async function serverFor(
  accessToken: string | undefined,
  graph: { apiUrl?: string; timeoutMs?: number } = {},
) {
  await server?.close();
  // The reader needs the server's database, which exists once the server does.
  server = await startTestServer({
    templateStatus: (() => {
      let source: ReturnType<typeof createTemplateStatus> | undefined;
      return () => {
        source ??= createTemplateStatus({
          config: {
            WHATSAPP_API_URL: graph.apiUrl ?? simulator.apiUrl,
            WHATSAPP_ACCESS_TOKEN: accessToken,
            WHATSAPP_BUSINESS_ACCOUNT_ID: SIMULATOR_BUSINESS_ACCOUNT_ID,
          },
          prisma: server.db.prisma,
          now: () => clock,
          ...(graph.timeoutMs ? { timeoutMs: graph.timeoutMs } : {}),
        });
        return source();
      };
    })(),
  });
  operator = new TestClient(server.url);
  await operator.register('ops@example.com', 'operator passphrase 1');
}

beforeAll(async () => {
  simulator = await startGraphSimulator({ accessToken: TOKEN });
});
afterEach(() => {
  simulator.account.setFaults();
  simulator.account.setTemplates([...SIMULATOR_TEMPLATES]);
});
afterAll(async () => {
  await server?.close();
  await simulator.close();
});

describe('the operator page’s templates', () => {
  it('are green when Meta approved both, and Meta is asked again only after 5 minutes', async () => {
    await serverFor(TOKEN);
    const status = await templates();
    expect(status.sandbox).toBe(false);
    expect(status.templates).toMatchObject({
      check: 'CHECKED',
      allApproved: true,
      askedAt: clock.toISOString(),
      templates: [
        {
          name: 'spendline_otp',
          approval: 'APPROVED',
          languages: [{ language: 'en', approval: 'APPROVED', needed: false }],
        },
        { name: 'spendline_notice', approval: 'APPROVED' },
      ],
    });
    expect(status.templates.summary).toMatch(/^All approved: spendline_otp is approved \(en\)/);

    simulator.account.setFaults('template-rejected');
    clock = new Date(clock.getTime() + TEMPLATE_CACHE_MS - 1000);
    expect((await templates()).templates.allApproved).toBe(true);
    clock = new Date(clock.getTime() + 2000);
    expect((await templates()).templates).toMatchObject({
      allApproved: false,
      askedAt: clock.toISOString(),
    });
  });

  it('says a template waits for review', async () => {
    simulator.account.setFaults('template-pending');
    await serverFor(TOKEN);
    const { templates: report } = await templates();
    expect(report.allApproved).toBe(false);
    expect(report.templates.map((t) => t.approval)).toEqual(['PENDING', 'PENDING']);
    expect(report.summary).toMatch(/spendline_otp waits for Meta's review/);
    expect(report.summary).toMatch(/npm run admin -- doctor/);
  });

  it('says a template is rejected', async () => {
    simulator.account.setFaults('template-rejected');
    await serverFor(TOKEN);
    const { templates: report } = await templates();
    expect(report.templates.map((t) => t.approval)).toEqual(['REJECTED', 'REJECTED']);
    expect(report.summary).toMatch(/spendline_notice is not approved/);
  });

  it('names the languages linked users need that Meta lacks, and a template Meta lacks', async () => {
    simulator.account.setTemplates([
      { name: 'spendline_otp', language: 'en', category: 'AUTHENTICATION', status: 'APPROVED' },
    ]);
    await serverFor(TOKEN);
    const user = await server.db.prisma.user.update({
      where: { email: 'ops@example.com' },
      data: { locale: 'pt-BR' },
    });
    await server.db.prisma.whatsAppLink.create({
      data: { userId: user.id, phoneNumber: '+5511900000001', verifiedAt: clock },
    });
    const { templates: report } = await templates();
    expect(report.templates).toEqual([
      {
        name: 'spendline_otp',
        approval: 'MISSING',
        languages: [
          expect.objectContaining({ language: 'en', approval: 'APPROVED', needed: false }),
          expect.objectContaining({ language: 'pt_BR', approval: 'MISSING', needed: true }),
        ],
      },
      {
        name: 'spendline_notice',
        approval: 'MISSING',
        languages: [expect.objectContaining({ language: 'pt_BR', approval: 'MISSING' })],
      },
    ]);
    expect(report.summary).toMatch(
      /spendline_otp is approved in en, but not in pt_BR, which linked users need; spendline_notice does not exist at Meta/,
    );
  });

  it('says in plain words that Meta refused the token, and never shows the token', async () => {
    simulator.account.setFaults('bad-token');
    await serverFor(TOKEN);
    const { sandbox, templates: report } = await templates();
    expect(sandbox).toBe(false);
    expect(report).toMatchObject({ check: 'FAILED', allApproved: false, templates: [] });
    expect(report.summary).toMatch(
      /^Could not ask Meta: Meta refused the access token \(WHATSAPP_ACCESS_TOKEN\): Error validating access token/,
    );
    expect(JSON.stringify(report)).not.toContain(TOKEN);
  });

  it('says Meta did not answer in time, and the page does not wait for it', async () => {
    // A Graph that accepts the connection and never answers.
    const silent = createServer(() => {});
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const { port } = silent.address() as AddressInfo;
    await serverFor(TOKEN, { apiUrl: `http://127.0.0.1:${port}/v26.0`, timeoutMs: 300 });
    try {
      const started = Date.now();
      const { templates: report } = await templates();
      expect(Date.now() - started).toBeLessThan(5000);
      expect(report).toMatchObject({ check: 'FAILED', allApproved: false });
      expect(report.summary).toBe('Could not ask Meta: no answer within 300 ms.');
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('are not checked in sandbox mode, which the page also says', async () => {
    await serverFor(undefined);
    const status = await templates();
    expect(status.sandbox).toBe(true);
    expect(status.templates).toMatchObject({
      check: 'SANDBOX',
      allApproved: false,
      askedAt: null,
      templates: [],
    });
    expect(status.templates.summary).toMatch(/^Not checked: sandbox\./);
  });
});
