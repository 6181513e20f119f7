import type { ApiToken, PrismaClient, Session, User } from '@spendline/db';
import type { Logger } from '@spendline/log';
import type { QueueOtpMessage } from './otp-message.ts';
import type { ExpenseEvents } from './pubsub.ts';

/** Who is calling: a signed-in browser (session) or a script (personal API token). */
export interface Viewer {
  user: User;
  session: Session | null;
  apiToken: ApiToken | null;
}

export interface GraphQLContext {
  prisma: PrismaClient;
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
}

export type SignedInContext = GraphQLContext & { viewer: Viewer };

export type BrowserContext = GraphQLContext & { viewer: Viewer & { session: Session } };
