import {
  Prisma,
  type Category,
  type Expense,
  type User,
  type WhatsAppLink,
} from './generated/prisma/client.ts';

/**
 * A select list that gives raw rows a model's shape: `column AS "field"` for each field.
 * Raw SQL serves the hot paths, where a model query costs several times more; the maps
 * are typed against the models, so a field added to the schema fails the typecheck
 * until it is selected too. Enum columns named in `asText` come back as plain strings,
 * as the model has them.
 */
export function modelColumns(
  columns: Record<string, string>,
  { table, asText = [], prefix = '' }: { table?: string; asText?: string[]; prefix?: string } = {},
): Prisma.Sql {
  return Prisma.raw(
    Object.entries(columns)
      .map(([field, column]) => {
        const qualified = table ? `${table}.${column}` : column;
        const value = asText.includes(column) ? `${qualified}::text` : qualified;
        return `${value} AS "${prefix}${field}"`;
      })
      .join(', '),
  );
}

const user: Record<keyof User, string> = {
  id: 'id',
  email: 'email',
  passwordHash: 'password_hash',
  displayName: 'display_name',
  currency: 'currency',
  timeZone: 'time_zone',
  locale: 'locale',
  confirmAboveMinor: 'confirm_above_minor',
  dailyDigestHour: 'daily_digest_hour',
  weeklyDigest: 'weekly_digest',
  weekStartsOn: 'week_starts_on',
  reminderHour: 'reminder_hour',
  dailyDigestOn: 'daily_digest_on',
  weeklyDigestOn: 'weekly_digest_on',
  reminderOn: 'reminder_on',
  monthlyStatement: 'monthly_statement',
  monthlyStatementOn: 'monthly_statement_on',
  isOperator: 'is_operator',
  deletedAt: 'deleted_at',
  defaultBookId: 'default_book_id',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** `SELECT ${userColumns('u')} FROM users u` gives User rows. */
export const userColumns = (table?: string): Prisma.Sql =>
  modelColumns(user, table ? { table } : {});

const expense: Record<keyof Expense, string> = {
  id: 'id',
  userId: 'user_id',
  kind: 'kind',
  amountMinor: 'amount_minor',
  currency: 'currency',
  occurredAt: 'occurred_at',
  note: 'note',
  categoryId: 'category_id',
  source: 'source',
  inboundMessageId: 'inbound_message_id',
  recurringExpenseId: 'recurring_expense_id',
  reference: 'reference',
  bookId: 'book_id',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  deletedAt: 'deleted_at',
};

/** `SELECT ${expenseColumns('e')} FROM expenses e` gives Expense rows. */
export const expenseColumns = (table: string): Prisma.Sql =>
  modelColumns(expense, { table, asText: ['kind', 'source'] });

const category: Record<keyof Category, string> = {
  id: 'id',
  userId: 'user_id',
  name: 'name',
  nameKey: 'name_key',
  emoji: 'emoji',
  color: 'color',
  archivedAt: 'archived_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** Category columns named `${prefix}field`, to read beside another table's in one row. */
export const categoryColumns = (table: string, prefix: string): Prisma.Sql =>
  modelColumns(category, { table, prefix });

/** The Category in a row selected with categoryColumns(table, prefix); null when absent. */
export function categoryFromRow(row: Record<string, unknown>, prefix: string): Category | null {
  if (row[`${prefix}id`] == null) return null;
  return Object.fromEntries(
    Object.keys(category).map((field) => [field, row[`${prefix}${field}`]]),
  ) as unknown as Category;
}

const whatsAppLink: Record<keyof WhatsAppLink, string> = {
  id: 'id',
  userId: 'user_id',
  phoneNumber: 'phone_number',
  bsuid: 'bsuid',
  verifiedAt: 'verified_at',
  active: 'active',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** `RETURNING ${whatsAppLinkColumns}` gives WhatsAppLink rows. */
export const whatsAppLinkColumns = modelColumns(whatsAppLink);
