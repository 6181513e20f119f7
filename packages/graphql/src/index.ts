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
export { schema } from './schema.ts';
export {
  createOtpMessageQueue,
  DEFAULT_OTP_TEMPLATE,
  type OtpMessage,
  type OtpMessageOptions,
  type QueueOtpMessage,
} from './otp-message.ts';
