import { blocksAllSends, graphErrorMeaning } from './graph-error-meanings.ts';

// The outbox's failed rows grouped as people act on them, for `npm run admin -- doctor`
// and the dashboard's operator page alike, so both say the same about the same row.

/**
 * The Meta error code a failed row's last_error starts with: the dispatcher writes
 * "<code>: <reason>" (the HTTP status when Graph gave no code, "network" when nothing
 * answered) and a failed status webhook "<code> <title>: <message>".
 */
export function failureKey(lastError: string | null): string {
  if (!lastError) return 'unknown';
  const http = /^(\d{3}): HTTP \1 without a Graph error/.exec(lastError);
  if (http) return `HTTP ${http[1]}`;
  return /^(\d+)\b/.exec(lastError)?.[1] ?? /^(\w+)/.exec(lastError)?.[1] ?? 'unknown';
}

export interface FailureMeaning {
  meaning: string;
  fix: string;
  /** No message goes out until the account is fixed, rather than one message failing. */
  blocking: boolean;
}

/** What a failureKey means and its fix, for any key (codes Meta's table lacks too). */
export function failureMeaning(key: string): FailureMeaning {
  const code = /^\d+$/.test(key) ? Number(key) : undefined;
  const known = code === undefined ? undefined : graphErrorMeaning(code);
  if (known) return { ...known, blocking: blocksAllSends(code ?? 0) };
  if (key === 'network') {
    return {
      meaning: 'Meta did not answer (network or timeout)',
      fix: 'Check that the api can reach WHATSAPP_API_URL over HTTPS.',
      blocking: false,
    };
  }
  return {
    meaning: 'an answer without a code Spendline knows',
    fix: 'Read last_error of those rows in outbound_messages.',
    blocking: false,
  };
}
