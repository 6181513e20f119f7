import type { Announcer } from '@spendline/entries';
import type { Queries, User } from '@spendline/db';
import type { WhatsAppUser } from '@spendline/whatsapp';
import { repliesFor, type Replies } from '../replies.ts';
import type { Reply } from '../reply.ts';
import type { Effect } from '../types.ts';

export type Tx = Queries;

export interface EffectScope {
  tx: Tx;
  user: User | null;
  /**
   * The language tag replies are written in: the user's locale, or for a number not linked
   * yet the language its message is written in. A language command changes it mid-reply.
   */
  locale: string;
  /** The user has budgets: saving checks whether spending crossed an alert threshold. */
  budgeted: boolean;
  sender: WhatsAppUser;
  conversationId: string;
  /** The business number the chat writes to (Meta's phone number id). */
  phoneNumberId: string;
  /** The message being answered (its id ties saved expenses to it). */
  messageId: string;
  now: Date;
  secretKey: string;
  linkUrl: string;
  dashboardUrl: string;
  /** Where the entries written announce themselves to live dashboards. */
  announce: Announcer;
}

/** What a handler works with: the scope, the reply it adds to, and the other effects' traces. */
export interface EffectContext {
  scope: EffectScope;
  reply: Reply;
  /** A question expired with this message: its notice already says what happened. */
  expired: boolean;
}

/** One handler per effect type: an effect without one fails to compile. */
export type EffectHandlers = {
  [K in Effect['type']]: (
    effect: Extract<Effect, { type: K }>,
    context: EffectContext,
  ) => Promise<void> | void;
};

/** The handlers of one family of effects. */
export type FamilyHandlers<K extends Effect['type']> = Pick<EffectHandlers, K>;

export function requireUser(scope: EffectScope): User {
  if (!scope.user) throw new Error('this effect needs a linked account');
  return scope.user;
}

/** The replies in the language of the chat. */
export const sayTo = (scope: EffectScope): Replies => repliesFor(scope.locale);
