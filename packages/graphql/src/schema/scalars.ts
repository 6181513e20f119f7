import { isLocalDate } from '@spendline/ledger';
import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder.ts';

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO-8601 string with a time zone (e.g. 2026-03-08T05:00:00Z).',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    if (
      typeof value !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/.test(value)
    ) {
      throw badInput('DateTime must be an ISO-8601 string with a time zone');
    }
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw badInput(`"${value}" is not a valid instant`);
    return date;
  },
});

builder.scalarType('Date', {
  description: 'A calendar date in the user’s time zone, as YYYY-MM-DD.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || !isLocalDate(value)) {
      throw badInput('Date must be a real date as YYYY-MM-DD');
    }
    return value;
  },
});

// Beyond any realistic amount, but far inside PostgreSQL's bigint.
const MAX_MINOR = 10n ** 15n;

function parseMinor(value: unknown): bigint {
  const digits = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof digits !== 'string' || !/^-?\d+$/.test(digits)) {
    throw badInput('must be a whole number of minor units, e.g. "12050" for 120.50');
  }
  // Length first: BigInt of a megabyte of digits is slow, and it would be too large anyway.
  const minor = digits.length <= 19 ? BigInt(digits) : null;
  if (minor === null || minor > MAX_MINOR || minor < -MAX_MINOR) throw badInput('is too large');
  return minor;
}

builder.scalarType('MinorUnits', {
  description:
    'A whole number of a currency’s minor units (paise, cents), as a decimal string so no ' +
    'precision is ever lost: "12050" INR is ₹120.50. Integers are accepted as input.',
  serialize: (value) => value.toString(),
  parseValue: parseMinor,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parseMinor(ast.value);
    throw badInput('must be a whole number of minor units, as a string or an integer');
  },
});
