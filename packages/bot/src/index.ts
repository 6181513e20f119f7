export { conversationMachine, DEFAULT_QUESTION_TTL_MS, MACHINE_VERSION } from './machine.ts';
export {
  ConversationConflictError,
  createConversationHandler,
  type ConversationHandlerOptions,
} from './runtime.ts';
export { restoreConversation } from './snapshot.ts';
export { CHOICE, type BotContext, type BotEvent, type DraftExpense, type Effect } from './types.ts';
export { dailyDigest, reminderText, weeklyDigest } from './digests.ts';
export { recurringSavedText, type RecurringRun } from './recurring.ts';
export { repliesFor } from './replies.ts';
