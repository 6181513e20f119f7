/** Graph API error codes Spendline acts on (Meta's WhatsApp Cloud API error codes). */
export const GRAPH_ERROR = {
  unknown: 1,
  temporarilyUnavailable: 2,
  appRateLimit: 4,
  invalidParameter: 100,
  accessTokenExpired: 190,
  managementRateLimit: 80007,
  throughputExceeded: 130429,
  somethingWentWrong: 131000,
  undeliverable: 131026,
  outsideServiceWindow: 131047,
  spamRateLimit: 131048,
  unsupportedMessageType: 131051,
  pairRateLimit: 131056,
  throughputUpgrading: 131057,
  bsuidRecipientUnsupported: 131062,
} as const;

/*
 * Worth retrying: throttling, which clears with time, and Meta's own transient faults
 * (1, 2 and 131000 are documented as "try again"; callers cap the attempts).
 */
const RETRYABLE_CODES: ReadonlySet<number> = new Set([
  GRAPH_ERROR.unknown,
  GRAPH_ERROR.temporarilyUnavailable,
  GRAPH_ERROR.appRateLimit,
  GRAPH_ERROR.managementRateLimit,
  GRAPH_ERROR.throughputExceeded,
  GRAPH_ERROR.somethingWentWrong,
  GRAPH_ERROR.pairRateLimit,
  GRAPH_ERROR.throughputUpgrading,
]);

/*
 * Never worth retrying as is, whatever the HTTP status: the message, the recipient, the
 * window or the credentials must change first. Other 4xx are permanent by default.
 */
const PERMANENT_CODES: ReadonlySet<number> = new Set([
  GRAPH_ERROR.invalidParameter,
  GRAPH_ERROR.accessTokenExpired,
  GRAPH_ERROR.undeliverable,
  GRAPH_ERROR.outsideServiceWindow,
  GRAPH_ERROR.spamRateLimit,
  GRAPH_ERROR.unsupportedMessageType,
  GRAPH_ERROR.bsuidRecipientUnsupported,
]);

/** Whether a Graph answer with HTTP `status` and error `code` may succeed if sent again. */
export function isRetryable(status: number, code: number | undefined): boolean {
  if (code !== undefined && PERMANENT_CODES.has(code)) return false;
  if (code !== undefined && RETRYABLE_CODES.has(code)) return true;
  return status === 429 || status >= 500;
}
