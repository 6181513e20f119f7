/** PASS: nothing to do. WARN: works, or cannot be checked, but deserves a look. FAIL: broken. */
export type Status = 'PASS' | 'WARN' | 'FAIL';

/** One check's answer, as printed and as `--json` gives it. */
export interface CheckResult {
  check: string;
  status: Status;
  /** What was found, in a sentence or two. */
  detail: string;
  /** What to do, in a line; null when there is nothing to do. */
  fix: string | null;
}

export const pass = (check: string, detail: string): CheckResult => ({
  check,
  status: 'PASS',
  detail,
  fix: null,
});

export const warn = (check: string, detail: string, fix: string): CheckResult => ({
  check,
  status: 'WARN',
  detail,
  fix,
});

export const fail = (check: string, detail: string, fix: string): CheckResult => ({
  check,
  status: 'FAIL',
  detail,
  fix,
});

/** The names of the checks, in the order they are reported. */
export const CHECKS = {
  configuration: 'configuration',
  database: 'database',
  migrations: 'migrations',
  number: 'whatsapp-number',
  webhooks: 'whatsapp-webhooks',
  templates: 'whatsapp-templates',
  publicUrl: 'public-url',
  webhookRoute: 'webhook-route',
  outbox: 'outbox',
  scheduler: 'scheduler',
} as const;

/** How long ago `then` was, for people: "12 s", "5 min", "3 h", "2 days". */
export function ago(then: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - then.getTime()) / 1000));
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 2 * 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 2 * 86400) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} days`;
}

/** The first line of an error's message: what people see, never a stack. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim().slice(0, 300) || 'unknown error';
}

/**
 * Runs a check; one that throws fails in a line of its own, so the others still report.
 */
export async function guarded(
  check: string,
  work: () => Promise<CheckResult>,
): Promise<CheckResult> {
  try {
    return await work();
  } catch (error) {
    return fail(
      check,
      `could not be checked: ${firstLine(error)}`,
      'Fix what the checks above report, then run doctor again.',
    );
  }
}
