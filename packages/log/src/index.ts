export { createLogger, redactedPaths, type Logger, type LoggerOptions } from './logger.ts';
export { requestId } from './request-id.ts';
export { stdoutDestination, type StdoutDestination, type StdoutOptions } from './stdout.ts';
