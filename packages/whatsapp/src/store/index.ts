// The database side of the channel: inbox, delivery statuses, outbox and its dispatcher.
export { createDispatcher, type Dispatcher, type DispatcherOptions } from './dispatcher.ts';
export { storeInboundMessage, type StoredInbound } from './inbox.ts';
export { claimOutbound, enqueueOutbound } from './outbox.ts';
export {
  createInboxProcessor,
  type InboundHandler,
  type InboundWork,
  type InboxProcessor,
  type InboxProcessorOptions,
} from './processor.ts';
export { applyStatus } from './statuses.ts';
