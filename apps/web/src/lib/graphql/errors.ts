// The api's typed errors as forms read them. Unmasked, so a mutation that spreads it gets
// the fields on the error members of its result union directly.
import { graphql, type ResultOf } from './graphql.ts';

export const TypedErrorFields = graphql(`
  fragment TypedErrorFields on Error @_unmask {
    __typename
    message
    ... on ValidationError {
      problems {
        path
        message
      }
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
    ... on ConflictError {
      field
    }
    ... on PasswordRequiredError {
      wrong
    }
  }
`);

/** Any of the schema's errors, with what each kind adds. */
export type TypedError = ResultOf<typeof TypedErrorFields>;

export type FieldProblem = Extract<
  TypedError,
  { __typename: 'ValidationError' }
>['problems'][number];
