import pg from 'pg';
import { Prisma } from '../generated/prisma/client.ts';

const INT8 = 20;
const INT8_ARRAY = 1016;
const NUMERIC = 1700;
const NUMERIC_ARRAY = 1231;
const DATE = 1082;
const DATE_ARRAY = 1182;
const TIMESTAMP = 1114;
const TIMESTAMP_ARRAY = 1115;
const TEXT_ARRAY = 1009;

const utcDate = (text: string) => new Date(`${text}T00:00:00Z`);
const utcTimestamp = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);

// Array types are missing from pg's TypeId list, though its parsers handle them.
const parserOf = pg.types.getTypeParser as (oid: number, format: 'text') => unknown;
const elements = parserOf(TEXT_ARRAY, 'text') as (text: string) => (string | null)[];
function arrayOf<T>(parse: (text: string) => T): (text: string) => (T | null)[] {
  return (text) => elements(text).map((item) => (item === null ? null : parse(item)));
}

/**
 * The column types whose JavaScript value both engines must agree on, as the rest of
 * the code reads them: int8 as bigint (money in minor units), numeric as Decimal, date
 * and timestamp (without zone) as UTC instants. node-postgres and PGlite already read
 * the others alike (int4 and floats as numbers, text, bool, uuid, timestamptz, json).
 */
export const resultParsers: Readonly<Record<number, (text: string) => unknown>> = {
  [INT8]: (text) => BigInt(text),
  [INT8_ARRAY]: arrayOf((text) => BigInt(text)),
  [NUMERIC]: (text) => new Prisma.Decimal(text),
  [NUMERIC_ARRAY]: arrayOf((text) => new Prisma.Decimal(text)),
  [DATE]: utcDate,
  [DATE_ARRAY]: arrayOf(utcDate),
  [TIMESTAMP]: utcTimestamp,
  [TIMESTAMP_ARRAY]: arrayOf(utcTimestamp),
};

/** A parameter as text both engines read the same way: instants in UTC, decimals exact. */
export function parameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Prisma.Decimal.isDecimal(value)) return value.toString();
  if (Array.isArray(value)) return value.map(parameter);
  return value;
}
