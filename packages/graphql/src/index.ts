export type { GraphQLContext, Viewer } from './schema/context.ts';
export { authenticate, type Authentication } from './server/authenticate.ts';
export { GRAPHIQL_ASSETS_PATH } from './server/graphiql.ts';
export {
  createGraphQLHandler,
  GRAPHQL_PATH,
  QUERY_LIMITS,
  type GraphQLHandler,
  type GraphQLHandlerOptions,
  type NodeServerContext,
} from './server/handler.ts';
export { schema } from './schema/schema.ts';
export {
  type ReadReceipt,
  type ReceiptScan,
  type ReceiptScanKind,
} from './schema/attachments/receipt-scan.ts';
export {
  createTemplateStatus,
  type TemplateReport,
  type TemplateStatusOptions,
  type TemplateStatusSource,
} from './schema/operator/template-status.ts';
export {
  createOtpMessageQueue,
  DEFAULT_OTP_TEMPLATE,
  type OtpMessage,
  type OtpMessageOptions,
  type QueueOtpMessage,
} from './schema/whatsapp/otp-message.ts';
