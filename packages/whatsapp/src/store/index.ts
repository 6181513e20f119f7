// The database side of the channel: inbox, delivery statuses, outbox and its dispatcher.
export {
  createDispatcher,
  type Dispatcher,
  type DispatcherOptions,
  type SendOutcome,
} from './dispatcher.ts';
export {
  storeInboundMessage,
  storeInboundMessages,
  type InboundToStore,
  type StoredInbound,
} from './inbox.ts';
export { groupCommit, type GroupCommitOptions } from './group-commit.ts';
export { createInboxWriter, type InboxWriter, type InboxWriterOptions } from './inbox-writer.ts';
export {
  claimedInsert,
  claimOutbound,
  enqueueOutbound,
  pendingInsert,
  type OutboxSlot,
} from './outbox.ts';
export {
  createInboxProcessor,
  type InboundHandler,
  type InboundWork,
  type InboxProcessor,
  type InboxProcessorOptions,
} from './processor.ts';
export { pruneMessages, startPruning, type PruneOptions, type Pruned } from './pruning.ts';
export { createReadReceipts, type ReadReceiptOptions } from './read-receipts.ts';
export { NOTICE_TEMPLATE, queueNotice, type Notice, type NoticeSent } from './notices.ts';
export { serviceWindow, type ServiceWindow } from './service-window.ts';
export { applyStatuses, createStatusWriter, type StatusWriter } from './statuses.ts';
