import type { InboundMessageEvent } from '../payload.ts';

interface KnownChat {
  conversationId: string;
  phoneNumber: string | null;
  bsuid: string | null;
}

/**
 * The conversation of each sender this process has stored a message for, so a webhook
 * from a known sender is stored by a plain insert instead of the statement that finds or
 * creates its conversation (half the time for a group of eight on PostgreSQL). A sender
 * counts as known only while Meta names them exactly as it did then: another identity
 * goes through the full statement, which records it. A conversation deleted meanwhile
 * (its account deleted) fails the insert's foreign key; its sender is then forgotten.
 */
export interface KnownChats {
  conversationOf(event: InboundMessageEvent): string | undefined;
  remember(event: InboundMessageEvent, conversationId: string): void;
  forget(event: InboundMessageEvent): void;
}

export function createKnownChats(capacity = 50_000): KnownChats {
  // A Map keeps insertion order: re-inserting on use makes the first key the least used.
  const chats = new Map<string, KnownChat>();
  const identity = (event: InboundMessageEvent) => ({
    phoneNumber: event.sender.phoneNumber ?? null,
    bsuid: event.sender.bsuid ?? null,
  });
  return {
    conversationOf(event) {
      const known = chats.get(event.waKey);
      if (!known) return undefined;
      const { phoneNumber, bsuid } = identity(event);
      if (known.phoneNumber !== phoneNumber || known.bsuid !== bsuid) return undefined;
      chats.delete(event.waKey);
      chats.set(event.waKey, known);
      return known.conversationId;
    },
    remember(event, conversationId) {
      chats.delete(event.waKey);
      chats.set(event.waKey, { conversationId, ...identity(event) });
      if (chats.size > capacity) chats.delete(chats.keys().next().value!);
    },
    forget(event) {
      chats.delete(event.waKey);
    },
  };
}
