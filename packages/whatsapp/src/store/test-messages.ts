import type { InboundMessageEvent } from '../payload.ts';
import type { InboundToStore } from './inbox.ts';

let counter = 0;

/** A text message event as the webhook parser gives it, for the store's tests. */
export function textEvent(
  from: string,
  body: string,
  overrides: Partial<InboundMessageEvent> = {},
): InboundToStore {
  counter++;
  const phoneNumber = `+${from}`;
  const event: InboundMessageEvent = {
    kind: 'message',
    waMessageId: `wamid.TEST.${Date.now()}.${counter}`,
    phoneNumberId: '1234567890',
    sender: { phoneNumber },
    waKey: phoneNumber,
    sentAt: new Date(Date.UTC(2026, 10, 24, 9, 0, counter % 60)),
    type: 'text',
    content: { kind: 'text', body },
    ...overrides,
  };
  return { event, payload: { sender: event.sender, content: event.content } };
}
