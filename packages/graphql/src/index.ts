export type { GraphQLContext, Viewer } from './context.ts';
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
  type ExpenseAddedEvent,
  type ExpenseEvents,
} from './pubsub.ts';
export { schema } from './schema.ts';
export { queueOtpTemplate, type OtpMessage, type QueueOtpMessage } from './otp-message.ts';
