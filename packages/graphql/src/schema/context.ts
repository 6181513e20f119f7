import type { ApiToken, PrismaClient, Session, SqlDatabase, User } from '@spendline/db';
import type { Logger } from '@spendline/log';
import type { TemplateStatusSource } from './operator/template-status.ts';
import type { QueueOtpMessage } from './whatsapp/otp-message.ts';
import type { ExpenseEvents } from '@spendline/entries';
import type { ReadReceipt } from './attachments/receipt-scan.ts';

/** Who is calling: a signed-in browser (session) or a script (personal API token). */
export interface Viewer {
  user: User;
  session: Session | null;
  apiToken: ApiToken | null;
}

/** What the sandbox chat needs to post webhooks as Meta would. */
export interface SandboxChatSettings {
  /** The api's own webhook; a function when the port is known only once it listens. */
  webhookUrl: string | (() => string);
  /** WEBHOOK_SECRET (the Meta app secret), to sign with. Never logged. */
  appSecret: string;
  /** The business phone number id the simulated messages are addressed to. */
  phoneNumberId: string;
}

export interface GraphQLContext {
  prisma: PrismaClient;
  /** Statements on the same database: every raw read and the entries module's writes. */
  sql: SqlDatabase;
  viewer: Viewer | null;
  requestId: string;
  logger: Logger;
  now: () => Date;
  ipAddress: string | undefined;
  userAgent: string | undefined;
  /** Secure cookies in production; plain HTTP works in development. */
  secureCookies: boolean;
  /** Adds a Set-Cookie header to this request's response. */
  setCookie: (value: string) => void;
  /** Keys OTP and link-code hashes (SECRET_KEY). */
  secretKey: string;
  events: ExpenseEvents;
  queueOtpMessage: QueueOtpMessage;
  /** Null unless the api runs in sandbox mode outside production. */
  sandboxChat: SandboxChatSettings | null;
  /** The message templates' approval at Meta, cached; sandbox without an access token. */
  templateStatus: TemplateStatusSource;
  /** Reads a receipt photo (OCR off the event loop); null where the server cannot. */
  readReceipt: ReadReceipt | null;
}

export type SignedInContext = GraphQLContext & { viewer: Viewer };

/** The locale money and dates are written in for the caller; English when signed out. */
export function viewerLocale(context: GraphQLContext): string {
  return context.viewer?.user.locale ?? 'en';
}

export type BrowserContext = GraphQLContext & { viewer: Viewer & { session: Session } };
