import type { Config } from '@spendline/config';
import type { PrismaClient } from '@spendline/db';
import {
  createAccountReader,
  readTemplateStatus,
  type ReadFailure,
  type TemplateStatus,
} from '@spendline/whatsapp';
import { NOTICE_TEMPLATE } from '@spendline/whatsapp/store';
import { DEFAULT_OTP_TEMPLATE } from '../whatsapp/otp-message.ts';

// The message templates' approval at Meta for the operator page, asked through the same
// reader as the doctor. Meta is asked at most once per CACHE_MS per process: the page is
// reloaded often, and Graph counts management calls against the app's rate limit.

export type TemplateReport =
  /** No access token: nothing is sent to Meta, so there is nothing to ask. */
  | { kind: 'sandbox' }
  | { kind: 'checked'; askedAt: Date; templates: TemplateStatus[] }
  /** Meta could not be asked, or refused; `reason` is plain words without the token. */
  | { kind: 'failed'; askedAt: Date; reason: string };

export type TemplateStatusSource = () => Promise<TemplateReport>;

export const TEMPLATE_CACHE_MS = 5 * 60_000;
// A failure is asked again sooner: the operator who just fixed the token wants to see it.
const FAILURE_CACHE_MS = 30_000;

export interface TemplateStatusOptions {
  config: Pick<
    Config,
    'WHATSAPP_API_URL' | 'WHATSAPP_ACCESS_TOKEN' | 'WHATSAPP_BUSINESS_ACCOUNT_ID'
  >;
  prisma: PrismaClient;
  now?: () => Date;
  /** For each request to Graph; the page waits no longer than this. Default 3 s. */
  timeoutMs?: number;
}

function plainReason(failure: ReadFailure, businessAccountId: string): string {
  if (failure.code === 190 || failure.status === 401) {
    return `Meta refused the access token (WHATSAPP_ACCESS_TOKEN): ${failure.reason}`;
  }
  if (failure.code === 100) {
    return `Meta knows no business account ${businessAccountId} that the access token may see (WHATSAPP_BUSINESS_ACCOUNT_ID)`;
  }
  if (failure.status === undefined) return failure.reason;
  return `Meta answered ${failure.status}: ${failure.reason}`;
}

/** The templates' status, cached per process; sandbox when there is no access token. */
export function createTemplateStatus(options: TemplateStatusOptions): TemplateStatusSource {
  const { config, prisma } = options;
  const now = options.now ?? (() => new Date());
  const accessToken = config.WHATSAPP_ACCESS_TOKEN;
  if (!accessToken) return () => Promise.resolve({ kind: 'sandbox' });
  const reader = createAccountReader({
    apiUrl: config.WHATSAPP_API_URL,
    accessToken,
    timeoutMs: options.timeoutMs ?? 3000,
  });
  const businessAccountId = config.WHATSAPP_BUSINESS_ACCOUNT_ID;

  async function ask(): Promise<TemplateReport> {
    const askedAt = now();
    if (!businessAccountId) {
      return {
        kind: 'failed',
        askedAt,
        reason: 'WHATSAPP_BUSINESS_ACCOUNT_ID is not set, so the templates cannot be looked up',
      };
    }
    // The languages that linked users' locales need, as the doctor counts them.
    const users = await prisma.user.findMany({
      where: { whatsAppLinks: { some: { active: true } } },
      distinct: ['locale'],
      select: { locale: true },
    });
    const read = await readTemplateStatus(
      reader,
      businessAccountId,
      [DEFAULT_OTP_TEMPLATE, NOTICE_TEMPLATE],
      users.map((user) => user.locale),
    );
    return read.ok
      ? { kind: 'checked', askedAt, templates: read.value }
      : { kind: 'failed', askedAt, reason: plainReason(read, businessAccountId) };
  }

  // Requests arriving while Meta is being asked share the one answer.
  let cached: { report: Promise<TemplateReport>; until: number } | undefined;
  return () => {
    if (cached && now().getTime() < cached.until) return cached.report;
    const started = now().getTime();
    const report = ask().catch((): TemplateReport => ({
      kind: 'failed',
      askedAt: now(),
      reason: "the database did not answer with the linked users' languages",
    }));
    const entry = { report, until: started + TEMPLATE_CACHE_MS };
    cached = entry;
    void report.then((answer) => {
      if (answer.kind === 'failed') entry.until = started + FAILURE_CACHE_MS;
    });
    return report;
  };
}
