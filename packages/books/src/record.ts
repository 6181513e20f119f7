import { newId, sql, type Queries } from '@spendline/db';
import {
  recordEntries,
  type EntryDraft,
  type EntrySource,
  type EntryUser,
  type Recorded,
  type RecordOptions,
} from '@spendline/entries';
import { BookRefusal } from './errors.ts';
import { MAX_WEIGHT, splitAmount } from './pure/split.ts';

type Tx = Queries;

/** Who a shared entry is for. */
export type SplitInput =
  /** Equal shares among these members (the payer too, when listed); absent = every member. */
  | { kind: 'equal'; userIds?: readonly string[] }
  /** Shares in proportion, "3000 hotel split 2:1 with rahul": payer 2, Rahul 1. */
  | { kind: 'weighted'; weights: readonly { userId: string; weight: bigint }[] }
  /** "paid 500 for priya": the whole amount is that member's share. */
  | { kind: 'for'; userId: string };

/** A member's share of a recorded entry. */
export interface RecordedShare {
  userId: string;
  shareMinor: bigint;
}

export interface RecordedBookEntry extends Recorded {
  /** The entry's id; null when it was skipped (its payment reference was recorded before). */
  id: string | null;
  shares: RecordedShare[];
}

/**
 * Records an expense the user paid into a shared book, with its split, through the one
 * write path for entries (checks, budget thresholds and the live event included) and
 * the shares in the same transaction. The payer and every member in the split must be
 * active members; their memberships are held (FOR SHARE) so nobody leaves the book
 * while an entry is split with them.
 */
export async function recordBookEntry(
  tx: Tx,
  user: EntryUser,
  bookId: string,
  draft: Omit<EntryDraft, 'bookId'>,
  split: SplitInput,
  options: RecordOptions & { source: EntrySource },
): Promise<RecordedBookEntry> {
  if (draft.kind !== 'EXPENSE') throw new BookRefusal('INVALID_SPLIT');
  const members = await tx.rows<{ userId: string }>(sql`
    SELECT user_id::text AS "userId" FROM book_memberships
     WHERE book_id = ${bookId}::uuid AND status = 'ACTIVE'
     ORDER BY accepted_at, id
     FOR SHARE`);
  const memberIds = new Set(members.map((member) => member.userId));
  if (!memberIds.has(user.id)) throw new BookRefusal('NOT_A_MEMBER');
  const weights = weightsOf(
    split,
    members.map((member) => member.userId),
  );
  if (
    weights.length === 0 ||
    new Set(weights.map((w) => w.userId)).size !== weights.length ||
    weights.some((w) => !memberIds.has(w.userId) || w.weight < 1n || w.weight > MAX_WEIGHT)
  ) {
    throw new BookRefusal('INVALID_SPLIT');
  }
  const recorded = await recordEntries(tx, user, [{ ...draft, bookId }], options.source, options);
  const id = recorded.ids[0] ?? null;
  if (id === null) return { ...recorded, id, shares: [] };
  const amounts = splitAmount(
    BigInt(draft.amountMinor),
    weights.map((w) => w.weight),
  );
  const shares = weights.map((w, i) => ({ userId: w.userId, shareMinor: amounts[i]! }));
  await tx.execute(sql`
    INSERT INTO splits (id, expense_id, user_id, share_minor, weight, position)
    SELECT s.id, ${id}::uuid, s.user_id, s.share_minor, s.weight, s.position::int
      FROM unnest(${shares.map(() => newId())}::uuid[],
                  ${shares.map((s) => s.userId)}::uuid[],
                  ${shares.map((s) => s.shareMinor)}::bigint[],
                  ${weights.map((w) => w.weight)}::bigint[])
           WITH ORDINALITY AS s(id, user_id, share_minor, weight, position)`);
  return { ...recorded, id, shares };
}

function weightsOf(
  split: SplitInput,
  members: readonly string[],
): { userId: string; weight: bigint }[] {
  switch (split.kind) {
    case 'equal':
      return (split.userIds ?? members).map((userId) => ({ userId, weight: 1n }));
    case 'weighted':
      return split.weights.map(({ userId, weight }) => ({ userId, weight }));
    case 'for':
      return [{ userId: split.userId, weight: 1n }];
  }
}
