// What form actions hand back to their page when the api refused the input.
import type { FieldProblem, TypedError } from './graphql/errors.ts';

export interface FormFailure {
  /** One message for the whole form. */
  message: string;
  /** Messages keyed by field name. */
  fields: Record<string, string>;
}

/** What the page says when the api named the fields it refused. */
export const CHECK_FIELDS = 'Please check the fields marked below.';

/** A result-union member that is one of the api's typed errors, or null. */
export function asTypedError<Result extends { __typename: string }>(
  result: Result | null | undefined,
): Extract<Result, TypedError> | null {
  return result && isTypedError(result) ? result : null;
}

function isTypedError<Result extends { __typename: string }>(
  result: Result,
): result is Extract<Result, TypedError> {
  return 'message' in result && result.__typename.endsWith('Error');
}

/** A result-union member that is what was asked for, not one of the api's typed errors. */
export function isAnswer<Result extends { __typename: string }>(
  result: Result,
): result is Exclude<Result, TypedError> {
  return !isTypedError(result);
}

/**
 * The api's problems read as fragments beside a field ("must be at most 500 characters",
 * "is too large"); beside the field they read as sentences.
 */
export function sentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  const whole = /^(is|are) /.test(text) ? `This ${text}` : text[0]!.toUpperCase() + text.slice(1);
  return /[.!?]$/.test(whole) ? whole : `${whole}.`;
}

function spread(problems: readonly FieldProblem[], fieldNames: Record<string, string>) {
  const fields: Record<string, string> = {};
  for (const problem of problems) {
    // An item of a list ("aliases", "1") belongs to the list's field.
    const key = problem.path.findLast((part) => !/^\d+$/.test(part)) ?? '';
    fields[fieldNames[key] ?? key] ??= sentence(problem.message);
  }
  return fields;
}

/** Spreads an api error over the form's fields (by the last segment of each problem's path). */
export function failureFrom(
  error: TypedError,
  fieldNames: Record<string, string> = {},
): FormFailure {
  const fields = spread('problems' in error ? error.problems : [], fieldNames);
  if ('field' in error && error.field) {
    fields[fieldNames[error.field] ?? error.field] ??= error.message;
  }
  if (error.__typename === 'PasswordRequiredError') {
    fields[fieldNames.password ?? 'password'] ??= error.message;
  }
  // A ValidationError's own message lists paths ("input.note: ..."): the fields say it better.
  const checked = Object.keys(fields).length ? CHECK_FIELDS : 'Please check what you entered.';
  const message = error.__typename === 'ValidationError' ? checked : error.message;
  return { message, fields };
}

/** An api call's outcome as far as a form cares (see ApiResult). */
export interface Answer {
  error?: string | undefined;
  problems?: readonly FieldProblem[] | undefined;
}

/**
 * Why the api did not do what a form asked: its typed error, or the input it refused
 * before running (e.g. an amount past the largest it takes), or its message.
 */
export function refusal(
  answer: Answer,
  error: TypedError | null,
  fieldNames: Record<string, string> = {},
  fallback = 'That did not work. Please try again.',
): FormFailure {
  if (error) return failureFrom(error, fieldNames);
  if (answer.problems?.length) {
    return { message: CHECK_FIELDS, fields: spread(answer.problems, fieldNames) };
  }
  return { message: answer.error ?? fallback, fields: {} };
}

/** A field kept exactly as typed (passwords), '' when missing. */
export function raw(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** A trimmed text field from a form, '' when missing. */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}
