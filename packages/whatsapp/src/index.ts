export {
  createAccountReader,
  type AccountReader,
  type AccountReaderOptions,
  type AppWebhook,
  type BusinessPhoneNumber,
  type MessageTemplate,
  type MetaApp,
  type Read,
  type ReadFailure,
} from './account-reader.ts';
export { backoffDelay, retryDelay, type BackoffOptions } from './backoff.ts';
export {
  createGraphClient,
  type GraphClient,
  type GraphClientOptions,
  type MarkReadResult,
  type SendFailure,
  type SendResult,
} from './graph-client.ts';
export {
  createMediaDownloader,
  MEDIA_LIMITS,
  type DownloadedMedia,
  type MediaDownload,
  type MediaDownloader,
  type MediaFailure,
  type MediaFailureReason,
} from './media-download.ts';
export {
  blocksAllSends,
  graphErrorMeaning,
  type GraphErrorMeaning,
} from './graph-error-meanings.ts';
export { GRAPH_ERROR, isRetryable } from './graph-errors.ts';
export { failureKey, failureMeaning, type FailureMeaning } from './outbox-failures.ts';
export {
  isBsuid,
  isPhoneNumber,
  toE164,
  toWaDigits,
  waKeyOf,
  type WhatsAppUser,
} from './identity.ts';
export { LIMITS, MessageLimitError } from './message-limits.ts';
export {
  createMediaUploader,
  type MediaFile,
  type MediaUploadOptions,
  type UploadResult,
} from './media-upload.ts';
export {
  addressee,
  authenticationTemplate,
  documentMessage,
  listMessage,
  markRead,
  replyButtons,
  templateMessage,
  textMessage,
  type Addressee,
  type AuthenticationTemplateOptions,
  type DocumentMessage,
  type InteractiveExtras,
  type ListMessage,
  type ListRow,
  type ListSection,
  type MarkReadRequest,
  type OutboundMessage,
  type ReplyButton,
  type ReplyButtonsMessage,
  type TemplateComponent,
  type TemplateMessage,
  type TemplateParameter,
  type TextMessage,
} from './messages.ts';
export { metaJson } from './meta-json.ts';
export { storedInboundSchema, whatsAppUserSchema, type StoredInbound } from './stored-inbound.ts';
export {
  parseWebhook,
  type ErrorEvent,
  type InboundMessageEvent,
  type MessageContent,
  type MediaContent,
  type ParseWebhookResult,
  type ReportedStatus,
  type StatusError,
  type StatusEvent,
  type WebhookEvent,
} from './payload.ts';
export { templateLanguage } from './template-language.ts';
export {
  readTemplateStatus,
  type TemplateApproval,
  type TemplateLanguageStatus,
  type TemplateStatus,
} from './template-status.ts';
export { signPayload, verifySignature, verifyToken } from './signature.ts';
export { shouldApplyStatus, statusRank, type DeliveryStatus } from './status-order.ts';
