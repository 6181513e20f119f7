export { hostName, isAllowedHost } from './hosts.ts';
export { isAddressOrRange, proxyTrust, type ProxyTrust } from './proxies.ts';
export { ConfigError, isWhatsAppSandbox, loadConfig, type LoadConfigOptions } from './load.ts';
export {
  DEVELOPMENT_SECRET_KEY,
  DEVELOPMENT_WEBHOOK_SECRET,
  envSchema,
  type Config,
} from './schema.ts';
