import type { Queries } from '@spendline/db';
import { groupCommit, type GroupCommitOptions } from './group-commit.ts';
import { storeInboundMessages, type InboundToStore, type StoredInbound } from './inbox.ts';
import { createKnownChats } from './known-chats.ts';

/**
 * maxInFlight is one by default: with two, groups were half as large and acknowledged
 * capacity ~20% lower (webhook bench, PostgreSQL on the same host: 4,721 and 5,044 msgs/s
 * with one against 3,881 and 4,062 with two, paced p99 no worse), since each commit's
 * flush is the cost.
 */
export type InboxWriterOptions = GroupCommitOptions;

export interface InboxWriter {
  /** Stores the messages of one webhook; resolves once they are committed. */
  store(messages: readonly InboundToStore[]): Promise<(StoredInbound | null)[]>;
}

/** The webhook's messages, stored with those of webhooks arriving meanwhile (groupCommit). */
export function createInboxWriter(db: Queries, options: InboxWriterOptions = {}): InboxWriter {
  const chats = createKnownChats();
  return { store: groupCommit((messages) => storeInboundMessages(db, messages, chats), options) };
}
