import { Prisma, type User } from './generated/prisma/client.ts';

/**
 * A select list that gives raw rows a model's shape: `column AS "field"` for each field.
 * Raw SQL serves the hot paths, where a model query costs several times more; the maps
 * are typed against the models, so a field added to the schema fails the typecheck
 * until it is selected too. Enum columns named in `asText` come back as plain strings,
 * as the model has them.
 */
export function modelColumns(
  columns: Record<string, string>,
  { table, asText = [] }: { table?: string; asText?: string[] } = {},
): Prisma.Sql {
  return Prisma.raw(
    Object.entries(columns)
      .map(([field, column]) => {
        const qualified = table ? `${table}.${column}` : column;
        return `${asText.includes(column) ? `${qualified}::text` : qualified} AS "${field}"`;
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
  reminderHour: 'reminder_hour',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** `SELECT ${userColumns('u')} FROM users u` gives User rows. */
export const userColumns = (table?: string): Prisma.Sql =>
  modelColumns(user, table ? { table } : {});
