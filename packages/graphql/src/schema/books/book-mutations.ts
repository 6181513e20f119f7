import {
  acceptInvite,
  acceptInviteLink,
  createBook,
  createInviteLink,
  deleteSettlement,
  inviteByPhone,
  leaveBook,
  recordBookEntry,
  settle,
  type SplitInput,
} from '@spendline/books';
import type { Queries } from '@spendline/db';
import { afterCommit } from '@spendline/entries';
import { z } from 'zod';
import { UserRef } from '../accounts/auth.ts';
import { builder } from '../builder.ts';
import type { SignedInContext } from '../context.ts';
import { ConflictError, NotFoundError, RateLimitedError, ValidationError } from '../errors.ts';
import { asUuid } from '../ids.ts';
import { amount, currency, note } from '../validators.ts';
import { bookError, MemberGoneError, UnsettledBalanceError } from './book-errors.ts';
import { BookEntryRef, BookRef, MembershipRef, SettlementRef } from './books.ts';

/** Runs a books call in a transaction; its refusals become the errors clients show. */
async function inBook<T>(
  context: SignedInContext,
  bookId: string | null,
  work: (tx: Queries) => Promise<T>,
): Promise<T> {
  try {
    return await context.sql.transaction(work);
  } catch (error) {
    throw await bookError(context, bookId, error);
  }
}

builder.mutationField('createBook', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: 'Book',
    description: 'Creates a shared book; you are its owner.',
    args: { name: t.arg.string({ required: true, validate: z.string().max(100) }) },
    errors: { types: [ValidationError, ConflictError] },
    resolve: async (query, _root, { name }, context) => {
      const book = await inBook(context, null, (tx) =>
        createBook(tx, context.viewer.user.id, name),
      );
      return context.prisma.book.findUniqueOrThrow({ ...query, where: { id: book.id } });
    },
  }),
);

builder.mutationField('inviteToBook', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: MembershipRef,
    description: 'Invites a WhatsApp number (with its country code) to one of your books.',
    args: {
      bookId: t.arg.globalID({ required: true, for: BookRef }),
      phoneNumber: t.arg.string({ required: true, validate: z.string().trim().max(20) }),
    },
    errors: { types: [ValidationError, NotFoundError, ConflictError, RateLimitedError] },
    resolve: (_root, { bookId, phoneNumber }, context) => {
      const id = asUuid(bookId.id);
      return inBook(context, id, (tx) =>
        inviteByPhone(tx, context.viewer.user.id, id, phoneNumber.replace(/[\s-]/g, '')),
      );
    },
  }),
);

const BookInviteLinkRef = builder.objectRef<{ token: string }>('BookInviteLink').implement({
  description: 'A link invitation for one person; the token is shown once, never stored.',
  fields: (t) => ({ token: t.exposeString('token') }),
});

builder.mutationField('createBookInviteLink', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: BookInviteLinkRef,
    args: { bookId: t.arg.globalID({ required: true, for: BookRef }) },
    errors: { types: [NotFoundError] },
    resolve: async (_root, { bookId }, context) => {
      const id = asUuid(bookId.id);
      const { token } = await inBook(context, id, (tx) =>
        createInviteLink(tx, context.viewer.user.id, id),
      );
      return { token };
    },
  }),
);

builder.mutationField('acceptBookInvite', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: 'Book',
    description:
      'Joins a book: by the token of a link invitation, or by the book’s id when it ' +
      'invited a WhatsApp number linked to your account.',
    args: {
      bookId: t.arg.globalID({ for: BookRef }),
      token: t.arg.string({ validate: z.string().max(100).nullish() }),
    },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    resolve: async (query, _root, { bookId, token }, context) => {
      const { id: userId } = context.viewer.user;
      const id = bookId ? asUuid(bookId.id) : null;
      if (!token && !id) throw ValidationError.field('token', 'give a token or a book id');
      const membership = await inBook(context, id, (tx) =>
        token ? acceptInviteLink(tx, userId, token) : acceptInvite(tx, userId, id!),
      );
      return context.prisma.book.findUniqueOrThrow({
        ...query,
        where: { id: membership.bookId },
      });
    },
  }),
);

builder.mutationField('leaveBook', (t) =>
  t.withAuth({ loggedIn: true }).boolean({
    description: 'Leaves a book; refused while your balance there is not zero.',
    args: { bookId: t.arg.globalID({ required: true, for: BookRef }) },
    errors: { types: [NotFoundError, UnsettledBalanceError], directResult: false },
    resolve: async (_root, { bookId }, context) => {
      const id = asUuid(bookId.id);
      await inBook(context, id, (tx) => leaveBook(tx, context.viewer.user.id, id));
      return true;
    },
  }),
);

const BookSplitWeight = builder.inputType('BookSplitWeight', {
  fields: (t) => ({
    memberId: t.globalID({ required: true, for: UserRef }),
    weight: t.int({ required: true, validate: z.number().int().min(1).max(1000) }),
  }),
});

const BookSplitInput = builder.inputType('BookSplitInput', {
  description:
    'Who the expense is for: one of equalWith, weights or forMember; none splits it ' +
    'equally among every member.',
  fields: (t) => ({
    equalWith: t.globalIDList({
      for: UserRef,
      description: 'Equal shares among these members (list yourself to take a share).',
    }),
    weights: t.field({ type: [BookSplitWeight], description: 'Shares in proportion ("2:1").' }),
    forMember: t.globalID({ for: UserRef, description: 'Paid in full for this member.' }),
  }),
});

const NewBookExpense = builder.inputType('NewBookExpense', {
  fields: (t) => ({
    bookId: t.globalID({ required: true, for: BookRef }),
    amountMinor: t.field({ type: 'MinorUnits', required: true, validate: amount }),
    currency: t.string({ description: 'Defaults to your currency.', validate: currency.nullish() }),
    occurredAt: t.field({ type: 'DateTime', description: 'Defaults to now.' }),
    note: t.string({ validate: note.nullish() }),
    split: t.field({ type: BookSplitInput }),
  }),
});

type SplitArg = {
  equalWith?: { id: string }[] | null;
  weights?: { memberId: { id: string }; weight: number }[] | null;
  forMember?: { id: string } | null;
};

function splitOf(split: SplitArg | null | undefined): SplitInput {
  const given = [split?.equalWith, split?.weights, split?.forMember].filter((x) => x != null);
  if (given.length > 1) throw ValidationError.field('split', 'give one way to split, not several');
  if (split?.equalWith) {
    return { kind: 'equal', userIds: split.equalWith.map((m) => asUuid(m.id)) };
  }
  if (split?.weights) {
    return {
      kind: 'weighted',
      weights: split.weights.map((w) => ({
        userId: asUuid(w.memberId.id),
        weight: BigInt(w.weight),
      })),
    };
  }
  if (split?.forMember) return { kind: 'for', userId: asUuid(split.forMember.id) };
  return { kind: 'equal' };
}

builder.mutationField('recordBookExpense', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: BookEntryRef,
    description: 'Records an expense you paid into a shared book, split among its members.',
    args: { input: t.arg({ type: NewBookExpense, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: async (_root, { input }, context) => {
      const { user, apiToken } = context.viewer;
      const bookId = asUuid(input.bookId.id);
      const split = splitOf(input.split);
      const draft = {
        kind: 'EXPENSE' as const,
        amountMinor: input.amountMinor,
        currency: input.currency ?? user.currency,
        occurredAt: input.occurredAt ?? context.now(),
        note: input.note || null,
        categoryId: null,
      };
      const announce = afterCommit(context.events);
      const recorded = await inBook(context, bookId, (tx) =>
        recordBookEntry(tx, user, bookId, draft, split, {
          now: context.now(),
          announce,
          source: apiToken ? 'API' : 'WEB',
        }),
      );
      announce.publish();
      const weights = new Map(
        split.kind === 'weighted' ? split.weights.map((w) => [w.userId, w.weight]) : [],
      );
      return {
        id: recorded.id!,
        bookId,
        payerId: user.id,
        amountMinor: draft.amountMinor,
        currency: draft.currency,
        occurredAt: draft.occurredAt,
        note: draft.note,
        splits: recorded.shares.map((share) => ({
          bookId,
          userId: share.userId,
          shareMinor: share.shareMinor,
          weight: weights.get(share.userId) ?? 1n,
          currency: draft.currency,
        })),
      };
    },
  }),
);

const SettleUpInput = builder.inputType('SettleUpInput', {
  fields: (t) => ({
    bookId: t.globalID({ required: true, for: BookRef }),
    fromId: t.globalID({ required: true, for: UserRef, description: 'Who paid.' }),
    toId: t.globalID({ required: true, for: UserRef, description: 'Who was paid.' }),
    amountMinor: t.field({ type: 'MinorUnits', required: true, validate: amount }),
    currency: t.string({ description: 'Defaults to your currency.', validate: currency.nullish() }),
    occurredAt: t.field({ type: 'DateTime', description: 'Defaults to now.' }),
  }),
});

builder.mutationField('settleUp', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: SettlementRef,
    description: 'Records a payment between you and another member of a book.',
    args: { input: t.arg({ type: SettleUpInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_root, { input }, context) => {
      const { user } = context.viewer;
      const bookId = asUuid(input.bookId.id);
      return inBook(context, bookId, (tx) =>
        settle(tx, user.id, bookId, {
          fromUserId: asUuid(input.fromId.id),
          toUserId: asUuid(input.toId.id),
          amountMinor: input.amountMinor,
          currency: input.currency ?? user.currency,
          occurredAt: input.occurredAt ?? context.now(),
        }),
      );
    },
  }),
);

builder.mutationField('deleteSettlement', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: SettlementRef,
    description: 'Undoes a settlement you are part of.',
    args: { id: t.arg.globalID({ required: true }) },
    errors: { types: [NotFoundError, MemberGoneError] },
    resolve: async (_root, { id }, context) => {
      const settlementId = id.typename === 'Settlement' ? asUuid(id.id) : asUuid('');
      const deleted = await inBook(context, null, (tx) =>
        deleteSettlement(tx, context.viewer.user.id, settlementId, context.now()),
      );
      if (!deleted) throw new NotFoundError('Settlement', id.id);
      return context.prisma.settlement.findUniqueOrThrow({ where: { id: settlementId } });
    },
  }),
);
