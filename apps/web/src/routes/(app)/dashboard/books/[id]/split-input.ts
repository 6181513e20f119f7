// The add-entry form's split choice read into the api's BookSplitInput.
import type { VariablesOf } from '#lib/graphql/graphql.ts';
import type { RecordMutation } from './book-mutations.ts';

type SplitInput = NonNullable<VariablesOf<typeof RecordMutation>['input']['split']>;

export type SplitReading = { split: SplitInput } | { problem: 'pickMembers' | 'weightProblem' };

/**
 * `mode` is "equal" (the ticked `with` members), "weights" (a whole-number `weight-<id>`
 * per member, blanks and zeros left out) or "for" (`forMember` alone).
 */
export function readSplit(form: FormData, memberIds: readonly string[]): SplitReading {
  const mode = form.get('mode');
  if (mode === 'weights') {
    const weights = memberIds.flatMap((memberId) => {
      const typed = form.get(`weight-${memberId}`);
      const weight = typeof typed === 'string' && /^\d+$/.test(typed.trim()) ? Number(typed) : 0;
      return weight > 0 ? [{ memberId, weight }] : [];
    });
    return weights.length ? { split: { weights } } : { problem: 'weightProblem' };
  }
  if (mode === 'for') {
    const forMember = form.get('forMember');
    return typeof forMember === 'string' && memberIds.includes(forMember)
      ? { split: { forMember } }
      : { problem: 'pickMembers' };
  }
  const equalWith = form
    .getAll('with')
    .filter((id): id is string => typeof id === 'string' && memberIds.includes(id));
  return equalWith.length ? { split: { equalWith } } : { problem: 'pickMembers' };
}
