export { ConfigError, isWhatsAppSandbox, loadConfig, type LoadConfigOptions } from './load.ts';
export { DEVELOPMENT_SECRET_KEY, envSchema, type Config } from './schema.ts';
