export { conversationMachine, DEFAULT_QUESTION_TTL_MS, MACHINE_VERSION } from './machine.ts';
export {
  ConversationConflictError,
  createConversationHandler,
  type ConversationHandlerOptions,
  type ExpenseNotifier,
} from './runtime.ts';
export type { ExpenseChanges } from './effects.ts';
export { restoreConversation } from './snapshot.ts';
export { CHOICE, type BotContext, type BotEvent, type DraftExpense, type Effect } from './types.ts';
export { dailyDigest, reminderText, weeklyDigest } from './digests.ts';
export { recurringSavedText, type RecurringRun } from './recurring.ts';
