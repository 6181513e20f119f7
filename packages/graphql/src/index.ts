export type { GraphQLContext, Viewer } from './context.ts';
export { GRAPHIQL_ASSETS_PATH } from './graphiql.ts';
export {
  createGraphQLHandler,
  GRAPHQL_PATH,
  QUERY_LIMITS,
  type GraphQLHandler,
  type GraphQLHandlerOptions,
  type NodeServerContext,
} from './handler.ts';
export {
  createInProcessExpenseEvents,
  EXPENSE_EVENT_KINDS,
  type ExpenseAddedEvent,
  type ExpenseEventKind,
  type ExpenseEvents,
} from './pubsub.ts';
export {
  createExpenseEvents,
  createPostgresExpenseEvents,
  EXPENSE_EVENTS_CHANNEL,
  type ExpenseEventsHandle,
  type PostgresExpenseEventsOptions,
} from './postgres-events.ts';
export { schema } from './schema.ts';
export {
  createOtpMessageQueue,
  DEFAULT_OTP_TEMPLATE,
  type OtpMessage,
  type OtpMessageOptions,
  type QueueOtpMessage,
} from './otp-message.ts';
