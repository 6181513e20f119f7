export { afterCommit, inTransaction, silent, type Announcer } from './announce.ts';
export type { BudgetTelling } from './budgets.ts';
export {
  deleteEntries,
  moveEntriesToCategory,
  restoreEntries,
  updateEntry,
  type BalanceGuard,
  type ChangeOptions,
  type EntryPatch,
} from './change.ts';
export {
  EntryValidationError,
  isPlainText,
  keptNote,
  MAX_AMOUNT_MINOR,
  MAX_NOTE,
  type EntryDraft,
  type EntryKind,
  type EntrySource,
  type EntryUser,
} from './drafts.ts';
export {
  createInProcessExpenseEvents,
  EXPENSE_EVENT_KINDS,
  type ExpenseAddedEvent,
  type ExpenseEventKind,
  type ExpenseEvents,
  type TransactionSql,
} from './events.ts';
export {
  createExpenseEvents,
  createPostgresExpenseEvents,
  EXPENSE_EVENTS_CHANNEL,
  type ExpenseEventsHandle,
  type PostgresExpenseEventsOptions,
} from './postgres-events.ts';
export { recordEntries, type RecordOptions, type Recorded } from './record.ts';
export {
  AttachmentTooLargeError,
  MAX_ATTACHMENT_BYTES,
  postgresAttachments,
  type AttachmentFile,
  type AttachmentStore,
  type AttachmentSummary,
  type StoredAttachment,
} from './attachments.ts';
