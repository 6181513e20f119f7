// Input that graphql-js refuses before any resolver runs (a variable that is not a valid
// MinorUnits, Date...) and ValidationErrors thrown by fields without a result union both
// reach the client as top-level errors. They get extensions.problems, the same
// { path, message } pairs a ValidationError carries, so a client can put each message
// beside its field instead of showing graphql-js's sentence.
import { GraphQLError } from 'graphql';
import { ValidationError, type FieldProblem } from '../schema/errors.ts';
import { isGraphQLError } from './graphql-errors.ts';

const VARIABLE = /^Variable "\$(\w+)" got invalid value /;

/** ".amountMinor[2].note" -> ["amountMinor", "2", "note"] */
function pathParts(printed: string): string[] {
  return [...printed.matchAll(/\.(\w+)|\[(\d+)\]/g)].map((m) => m[1] ?? m[2] ?? '');
}

// graphql-js says which part of a variable failed only inside its message:
// `Variable "$input" got invalid value <value> at "input.amountMinor"; <reason>`.
// The value is printed by the client's own text, so the path is read from the end.
function variableProblem(error: GraphQLError): FieldProblem | null {
  const variable = VARIABLE.exec(error.message)?.[1];
  const original = error.originalError;
  const reason = original?.message;
  if (!variable || !reason || !error.message.endsWith(`; ${reason}`)) return null;
  const head = error.message.slice(0, -`; ${reason}`.length);
  const at = new RegExp(` at "${variable}((?:\\.\\w+|\\[\\d+\\])*)"$`).exec(head);
  return { path: [variable, ...pathParts(at?.[1] ?? '')], message: plainReason(original) };
}

// Our scalars word their refusals for people (code BAD_USER_INPUT); graphql-js's own name
// GraphQL types ('Value "GIFT" does not exist in "ExpenseKind" enum.'): a person needs only
// to know the value was refused.
function plainReason(original: Error | undefined): string {
  const ours = isGraphQLError(original) && original.extensions.code === 'BAD_USER_INPUT';
  return ours ? original.message : 'is not valid';
}

/** The error with extensions.problems and code BAD_USER_INPUT, or null when not about input. */
export function inputError(error: GraphQLError): GraphQLError | null {
  const original = error.originalError;
  if (original instanceof ValidationError) {
    return new GraphQLError(original.message, {
      path: error.path,
      nodes: error.nodes,
      extensions: { ...error.extensions, code: 'BAD_USER_INPUT', problems: original.problems },
    });
  }
  if (!isGraphQLError(original)) return null;
  const problem = variableProblem(error);
  if (!problem) return null;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT', problems: [problem] },
  });
}
