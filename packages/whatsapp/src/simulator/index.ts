export {
  ACCOUNT_FAULTS,
  SIMULATOR_TEMPLATES,
  type AccountFault,
  type SimulatedAccount,
  type SimulatedAccountOptions,
  type SimulatedTemplate,
} from './business-account.ts';
export {
  DEFAULT_SIMULATOR_PORT,
  DEVELOPMENT_WEBHOOK_SECRET,
  SIMULATOR_API_VERSION,
  SIMULATOR_APP_ID,
  SIMULATOR_BUSINESS_ACCOUNT_ID,
  SIMULATOR_PHONE_NUMBER_ID,
} from './defaults.ts';
export {
  SIMULATED_FAILURES,
  startGraphSimulator,
  type FailureSettings,
  type GraphSimulator,
  type GraphSimulatorOptions,
  type RecordedMessage,
  type RecordedRead,
  type SimulatedFailure,
} from './graph-simulator.ts';
export { type SimulatedMedia, type StoredMedia } from './media-store.ts';
export { type UploadedMedia } from './media-uploads.ts';
export { seededRandom } from './random.ts';
export { formatReply, parseWaArgs, runWa, WA_USAGE, type WaArgs, type WaIo } from './wa-cli.ts';
export { SIMULATOR_ACCESS_TOKEN, simulatorBanner, simulatorOptionsFromEnv } from './wa-sim-cli.ts';
export {
  signedWebhookRequest,
  signWebhookPayload,
  statusWebhook,
  type SignedWebhookOptions,
  type SignedWebhookRequest,
  type SimulatedMediaMessage,
  type StatusWebhookOptions,
} from './webhook-requests.ts';
