import type { GraphQLError } from 'graphql';

// By its toStringTag rather than instanceof: a second copy of graphql (CommonJS and
// ESM builds side by side) would make instanceof miss.
export function isGraphQLError(value: unknown): value is GraphQLError {
  return Object.prototype.toString.call(value) === '[object GraphQLError]';
}

/** Raised on purpose (auth, bad input, limits), not a crash wrapped by graphql-js. */
export function isIntendedError(value: unknown): boolean {
  return isGraphQLError(value) && (!value.originalError || isGraphQLError(value.originalError));
}
