export { ConfigError, isWhatsAppSandbox, loadConfig, type LoadConfigOptions } from './load.ts';
export {
  DEVELOPMENT_SECRET_KEY,
  DEVELOPMENT_WEBHOOK_SECRET,
  envSchema,
  type Config,
} from './schema.ts';
