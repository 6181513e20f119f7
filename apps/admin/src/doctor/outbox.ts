import type { PrismaClient } from '@spendline/db';
import { failureKey, failureMeaning } from '@spendline/whatsapp';
import { ago, CHECKS, fail, pass, warn, type CheckResult } from './check.ts';

const DAYS = 7;
/** A reply still unsent after this long means no dispatcher is sending. */
const STUCK_MS = 10 * 60_000;

// Shared with the dashboard's operator page, which groups the same rows.
export { failureKey };

interface Group {
  key: string;
  count: number;
  meaning: string;
  fix: string;
  blocking: boolean;
}

function describeGroup(key: string, count: number): Group {
  return { key, count, ...failureMeaning(key) };
}

/**
 * The outbox over the last week: failed sends grouped by Meta's error code with what
 * each means and its fix, and replies left waiting (no dispatcher running).
 */
export async function checkOutbox(prisma: PrismaClient, now: Date): Promise<CheckResult> {
  const since = new Date(now.getTime() - DAYS * 86_400_000);
  const [failedRows, sent, stuck, oldest] = await Promise.all([
    prisma.outboundMessage.groupBy({
      by: ['lastError'],
      where: { status: 'FAILED', updatedAt: { gte: since } },
      _count: { _all: true },
    }),
    prisma.outboundMessage.count({
      where: { status: { in: ['SENT', 'DELIVERED', 'READ'] }, createdAt: { gte: since } },
    }),
    prisma.outboundMessage.count({
      where: {
        status: { in: ['PENDING', 'SENDING'] },
        createdAt: { lt: new Date(now.getTime() - STUCK_MS) },
      },
    }),
    prisma.outboundMessage.findFirst({
      where: { status: { in: ['PENDING', 'SENDING'] } },
      orderBy: { createdAt: 'asc' },
      select: { createdAt: true },
    }),
  ]);

  const counts = new Map<string, number>();
  for (const row of failedRows) {
    const key = failureKey(row.lastError);
    counts.set(key, (counts.get(key) ?? 0) + row._count._all);
  }
  // Problems with the account first (nothing goes out until they are fixed), then the most frequent.
  const groups = [...counts]
    .map(([key, count]) => describeGroup(key, count))
    .sort((a, b) => Number(b.blocking) - Number(a.blocking) || b.count - a.count);
  const failed = groups.reduce((sum, g) => sum + g.count, 0);

  const parts: string[] = [];
  const fixes: string[] = [];
  if (failed > 0) {
    parts.push(
      `${failed} of ${failed + sent} sends failed in the last ${DAYS} days: ` +
        groups.map((g) => `${g.key} ×${g.count} (${g.meaning})`).join(', '),
    );
    const seen = new Set<string>();
    for (const g of groups) {
      if (seen.has(g.fix)) continue;
      seen.add(g.fix);
      fixes.push(`${g.key}: ${g.fix}`);
    }
  }
  if (stuck > 0 && oldest) {
    parts.push(
      `${stuck} ${stuck === 1 ? 'reply has' : 'replies have'} waited more than ${STUCK_MS / 60_000} min (the oldest ${ago(oldest.createdAt, now)})`,
    );
    fixes.push(
      "Start the api (its dispatcher sends them); if it runs, look for 'outbound' in its log.",
    );
  }
  if (parts.length === 0) {
    return pass(
      CHECKS.outbox,
      `${sent} sent in the last ${DAYS} days, none failed; nothing waiting`,
    );
  }
  const detail = `${parts.join('; ')}.`;
  return groups.some((g) => g.blocking)
    ? fail(CHECKS.outbox, detail, fixes.join(' '))
    : warn(CHECKS.outbox, detail, fixes.join(' '));
}
