// What a question leaves out comes from the one before it when it is a follow-up ("and
// transport?" keeps the period, "what about last month?" keeps the category), else from
// the defaults: the total, this month so far.

import type { Question, ResolvedQuestion } from './types.ts';

export function resolveQuestion(asked: Question, last: ResolvedQuestion | null): ResolvedQuestion {
  const threshold = asked.thresholdMinor === null ? null : asked.thresholdMinor.toString();
  if (!asked.followUp || last === null) {
    return {
      measure: asked.measure ?? 'total',
      filter: asked.filter,
      period: asked.period ?? asked.defaultPeriod,
      compare: asked.compare,
      top: asked.top,
      thresholdMinor: threshold,
      currency: asked.currency,
    };
  }
  const measure = asked.measure ?? last.measure;
  const keepsThreshold =
    asked.thresholdMinor === null && (measure === 'list' || measure === last.measure);
  return {
    measure,
    filter: asked.filter ?? last.filter,
    period: asked.period ?? last.period,
    // A new period replaces the whole comparison; a new category keeps it.
    compare: asked.compare ?? (asked.period === null ? last.compare : null),
    top: asked.top ?? last.top,
    thresholdMinor: keepsThreshold ? last.thresholdMinor : threshold,
    currency: keepsThreshold ? last.currency : asked.currency,
  };
}
