import { encodeGlobalID, resolveCursorConnection } from '@pothos/plugin-relay';
import { bookBalances, listBooks, settleUpPlan } from '@spendline/books';
import { BookRole, MembershipStatus, sql, type Membership, type Settlement } from '@spendline/db';
import { localDateOf } from '@spendline/ledger';
import { builder } from '../builder.ts';
import { viewerLocale, type GraphQLContext } from '../context.ts';
import { asUuid, NIL_UUID } from '../ids.ts';
import { money, MoneyRef } from '../money.ts';
import { personIn, type BookPerson } from './people.ts';

builder.enumType(BookRole, { name: 'BookRole' });
builder.enumType(MembershipStatus, { name: 'MembershipStatus' });

export const BookPersonRef = builder.objectRef<BookPerson>('BookPerson').implement({
  description: 'A member of a shared book as the others see them.',
  fields: (t) => ({
    id: t.id({
      description: 'Their user id: what split and settlement inputs take.',
      resolve: (p) => encodeGlobalID('User', p.userId),
    }),
    name: t.exposeString('name', {
      description: 'Empty for a former member: show a word such as “Former member” instead.',
    }),
    former: t.exposeBoolean('former', {
      description: 'Their account was deleted; what they paid for and shared stays.',
    }),
    isMe: t.boolean({ resolve: (p, _args, context) => context.viewer?.user.id === p.userId }),
  }),
});

/** The viewer's membership rows and the rows of the books they are in. */
export const BookRef = builder.prismaNode('Book', {
  id: { field: 'id' },
  // Reachable only by its members; anyone else finds no such book.
  findUnique: (id, context) => ({
    id: asUuid(id),
    memberships: {
      some: { userId: context.viewer?.user.id ?? NIL_UUID, status: 'ACTIVE' as const },
    },
  }),
  nullable: true,
  authScopes: (book) => ({ bookMember: book.id }),
  description: 'A shared book: its members split entries and settle up.',
  fields: (t) => ({
    name: t.exposeString('name'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    myRole: t.field({
      type: BookRole,
      resolve: async (book, _args, context) => {
        const [row] = await context.sql.rows<{ role: BookRole }>(sql`
          SELECT role::text AS role FROM book_memberships
           WHERE book_id = ${book.id}::uuid AND user_id = ${context.viewer?.user.id ?? NIL_UUID}::uuid`);
        return row?.role ?? 'MEMBER';
      },
    }),
    members: t.field({
      type: [MembershipRef],
      description: 'Active members, then open invitations by number, in the order made.',
      resolve: async (book, _args, context) => {
        const rows = await context.prisma.membership.findMany({
          where: {
            bookId: book.id,
            OR: [{ status: 'ACTIVE' }, { status: 'INVITED', phoneNumber: { not: null } }],
          },
          orderBy: [{ acceptedAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
        });
        return [
          ...rows.filter((m) => m.status === 'ACTIVE'),
          ...rows.filter((m) => m.status === 'INVITED'),
        ];
      },
    }),
    balances: t.field({
      type: [CurrencyBalancesRef],
      description: 'Per currency: what each member is owed (above zero) or owes (below).',
      resolve: async (book, _args, context) => {
        const balances = await bookBalances(context.sql, book.id);
        return Promise.all(
          [...balances].map(async ([currency, members]) => ({
            currency,
            members: await Promise.all(
              [...members].map(async ([userId, minor]) => ({
                person: await personIn(context, book.id, userId),
                amount: money(minor, currency, viewerLocale(context)),
              })),
            ),
          })),
        );
      },
    }),
    settleUpPlan: t.field({
      type: [TransferRef],
      description: 'The fewest payments that settle every balance.',
      resolve: async (book, _args, context) =>
        Promise.all(
          settleUpPlan(await bookBalances(context.sql, book.id)).map(async (transfer) => ({
            from: await personIn(context, book.id, transfer.from),
            to: await personIn(context, book.id, transfer.to),
            amount: money(transfer.amountMinor, transfer.currency, viewerLocale(context)),
          })),
        ),
    }),
    settlements: t.field({
      type: [SettlementRef],
      description: 'Payments between members, newest first (undone ones left out).',
      resolve: (book, _args, context) =>
        context.prisma.settlement.findMany({
          where: { bookId: book.id, deletedAt: null },
          orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
        }),
    }),
    entries: t.connection(
      {
        type: BookEntryRef,
        description: 'The book’s live entries, newest first.',
        resolve: (book, args, context) =>
          resolveCursorConnection<Promise<BookEntry[]>>(
            { args, defaultSize: 50, maxSize: 200, toCursor: entryCursor },
            (page) => entryPage(context, book.id, page),
          ),
      },
      { name: 'BookEntryConnection' },
      { name: 'BookEntryEdge' },
    ),
  }),
});

export const MembershipRef = builder.objectRef<Membership>('Membership').implement({
  description: 'A place in a book: a member, or an invitation by WhatsApp number.',
  fields: (t) => ({
    id: t.id({ resolve: (m) => encodeGlobalID('Membership', m.id) }),
    person: t.field({
      type: BookPersonRef,
      nullable: true,
      description: 'Null while an invitation is open.',
      resolve: (m, _args, context) => (m.userId ? personIn(context, m.bookId, m.userId) : null),
    }),
    phoneNumber: t.string({
      nullable: true,
      description: 'The number an open invitation went to.',
      resolve: (m) => (m.status === 'INVITED' ? m.phoneNumber : null),
    }),
    role: t.expose('role', { type: BookRole }),
    status: t.expose('status', { type: MembershipStatus }),
    notify: t.boolean({
      nullable: true,
      description: 'Your own choice of notices of others’ entries; null on others’ rows.',
      resolve: (m, _args, context) => (m.userId === context.viewer?.user.id ? m.notify : null),
    }),
    acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true }),
  }),
});

interface CurrencyBalances {
  currency: string;
  members: { person: BookPerson; amount: ReturnType<typeof money> }[];
}

const MemberBalanceRef = builder
  .objectRef<CurrencyBalances['members'][number]>('MemberBalance')
  .implement({
    fields: (t) => ({
      member: t.field({ type: BookPersonRef, resolve: (b) => b.person }),
      amount: t.field({
        type: MoneyRef,
        description: 'Above zero: owed to them; below: they owe.',
        resolve: (b) => b.amount,
      }),
    }),
  });

const CurrencyBalancesRef = builder.objectRef<CurrencyBalances>('CurrencyBalances').implement({
  fields: (t) => ({
    currency: t.exposeString('currency'),
    members: t.field({ type: [MemberBalanceRef], resolve: (b) => b.members }),
  }),
});

interface TransferShape {
  from: BookPerson;
  to: BookPerson;
  amount: ReturnType<typeof money>;
}

const TransferRef = builder.objectRef<TransferShape>('Transfer').implement({
  description: 'One payment of the settle-up plan.',
  fields: (t) => ({
    from: t.field({ type: BookPersonRef, resolve: (x) => x.from }),
    to: t.field({ type: BookPersonRef, resolve: (x) => x.to }),
    amount: t.field({ type: MoneyRef, resolve: (x) => x.amount }),
  }),
});

export const SettlementRef = builder.objectRef<Settlement>('Settlement').implement({
  description: 'A payment one member made another to settle up.',
  fields: (t) => ({
    id: t.id({ resolve: (s) => encodeGlobalID('Settlement', s.id) }),
    from: t.field({
      type: BookPersonRef,
      resolve: (s, _args, context) => personIn(context, s.bookId, s.fromUserId),
    }),
    to: t.field({
      type: BookPersonRef,
      resolve: (s, _args, context) => personIn(context, s.bookId, s.toUserId),
    }),
    amount: t.field({
      type: MoneyRef,
      resolve: (s, _args, context) => money(s.amountMinor, s.currency, viewerLocale(context)),
    }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    deletedAt: t.expose('deletedAt', { type: 'DateTime', nullable: true }),
  }),
});

/** A share of an entry, with the weight it was split by. */
interface SplitShape {
  bookId: string;
  userId: string;
  shareMinor: bigint;
  weight: bigint;
  currency: string;
}

export const SplitRef = builder.objectRef<SplitShape>('Split').implement({
  description: 'A member’s share of a shared entry; the shares sum to its amount.',
  fields: (t) => ({
    member: t.field({
      type: BookPersonRef,
      resolve: (s, _args, context) => personIn(context, s.bookId, s.userId),
    }),
    share: t.field({
      type: MoneyRef,
      resolve: (s, _args, context) => money(s.shareMinor, s.currency, viewerLocale(context)),
    }),
    weight: t.int({ resolve: (s) => Number(s.weight) }),
  }),
});

/** A book's entry as its members see it: no category or source of the payer's. */
export interface BookEntry {
  id: string;
  bookId: string;
  payerId: string;
  amountMinor: bigint;
  currency: string;
  occurredAt: Date;
  note: string | null;
  splits: SplitShape[];
}

export const BookEntryRef = builder.objectRef<BookEntry>('BookEntry').implement({
  description: 'An entry of a shared book, as every member sees it.',
  fields: (t) => ({
    id: t.id({
      description: 'The entry’s Expense id: its payer edits and deletes it with those mutations.',
      resolve: (e) => encodeGlobalID('Expense', e.id),
    }),
    paidBy: t.field({
      type: BookPersonRef,
      resolve: (e, _args, context) => personIn(context, e.bookId, e.payerId),
    }),
    amount: t.field({
      type: MoneyRef,
      resolve: (e, _args, context) => money(e.amountMinor, e.currency, viewerLocale(context)),
    }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    localDate: t.field({
      type: 'Date',
      description: 'The day it happened in your time zone.',
      resolve: (e, _args, context) =>
        localDateOf(e.occurredAt, context.viewer?.user.timeZone ?? 'UTC'),
    }),
    note: t.exposeString('note', { nullable: true }),
    splits: t.field({ type: [SplitRef], resolve: (e) => e.splits }),
  }),
});

const entryCursor = (entry: BookEntry) => `${entry.occurredAt.toISOString()}|${entry.id}`;

function parseCursor(cursor: string): { at: string; id: string } | null {
  const [at, id] = cursor.split('|');
  if (!at || !id || Number.isNaN(Date.parse(at))) return null;
  return { at: new Date(at).toISOString(), id: asUuid(id) };
}

/** One page of the book's live entries with their shares, newest first. */
async function entryPage(
  context: GraphQLContext,
  bookId: string,
  page: { before?: string; after?: string; limit: number; inverted: boolean },
): Promise<BookEntry[]> {
  const after = page.after ? parseCursor(page.after) : null;
  const before = page.before ? parseCursor(page.before) : null;
  const rows = await context.sql.rows<Omit<BookEntry, 'splits' | 'bookId'>>(sql`
    SELECT e.id::text AS id, e.user_id::text AS "payerId", e.amount_minor AS "amountMinor",
           e.currency, e.occurred_at AS "occurredAt", e.note
      FROM expenses e
     WHERE e.book_id = ${bookId}::uuid AND e.deleted_at IS NULL
       ${after ? sql`AND (e.occurred_at, e.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
       ${before ? sql`AND (e.occurred_at, e.id) > (${before.at}::timestamptz, ${before.id}::uuid)` : sql``}
     ORDER BY e.occurred_at ${page.inverted ? sql`ASC` : sql`DESC`},
              e.id ${page.inverted ? sql`ASC` : sql`DESC`}
     LIMIT ${page.limit}`);
  const splits = await context.sql.rows<Omit<SplitShape, 'bookId'> & { expenseId: string }>(sql`
    SELECT s.expense_id::text AS "expenseId", s.user_id::text AS "userId",
           s.share_minor AS "shareMinor", s.weight, e.currency
      FROM splits s JOIN expenses e ON e.id = s.expense_id
     WHERE s.expense_id = ANY(${rows.map((row) => row.id)}::uuid[])
     ORDER BY s.position`);
  return rows.map((row) => ({
    ...row,
    bookId,
    splits: splits
      .filter((s) => s.expenseId === row.id)
      .map(({ userId, shareMinor, weight, currency }) => ({
        bookId,
        userId,
        shareMinor,
        weight,
        currency,
      })),
  }));
}

builder.queryField('books', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: ['Book'],
    description: 'The shared books you are a member of, by name.',
    resolve: async (query, _root, _args, context) => {
      const ids = (await listBooks(context.sql, context.viewer.user.id)).map((book) => book.id);
      const books = await context.prisma.book.findMany({ ...query, where: { id: { in: ids } } });
      return ids.flatMap((id) => books.filter((book) => book.id === id));
    },
  }),
);

builder.queryField('book', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: 'Book',
    nullable: true,
    description: 'One of your books by id; null for a book you are not in.',
    args: { id: t.arg.globalID({ required: true, for: BookRef }) },
    resolve: (query, _root, { id }, context) =>
      context.prisma.book.findFirst({
        ...query,
        where: {
          id: asUuid(id.id),
          memberships: { some: { userId: context.viewer.user.id, status: 'ACTIVE' } },
        },
      }),
  }),
);
