// What form actions hand back to their page when the api refused the input, in the
// reader's language (`t` is the request's translator).
import { codeText, errorText, problemText, type Translate } from './api-words.ts';
import type { FieldProblem, TypedError } from './graphql/errors.ts';

export { sentence, type Translate } from './api-words.ts';

export interface FormFailure {
  /** One message for the whole form. */
  message: string;
  /** Messages keyed by field name. */
  fields: Record<string, string>;
}

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

function spread(
  t: Translate,
  problems: readonly FieldProblem[],
  fieldNames: Record<string, string>,
) {
  const fields: Record<string, string> = {};
  for (const problem of problems) {
    // An item of a list ("aliases", "1") belongs to the list's field.
    const key = problem.path.findLast((part) => !/^\d+$/.test(part)) ?? '';
    fields[fieldNames[key] ?? key] ??= problemText(t, problem.message);
  }
  return fields;
}

/** Spreads an api error over the form's fields (by the last segment of each problem's path). */
export function failureFrom(
  t: Translate,
  error: TypedError,
  fieldNames: Record<string, string> = {},
): FormFailure {
  const fields = spread(t, 'problems' in error ? error.problems : [], fieldNames);
  const said = errorText(t, error);
  if ('field' in error && error.field) {
    fields[fieldNames[error.field] ?? error.field] ??= said;
  }
  if (error.__typename === 'PasswordRequiredError') {
    fields[fieldNames.password ?? 'password'] ??= said;
  }
  // A ValidationError's own message lists paths ("input.note: ..."): the fields say it better.
  const checked = t(Object.keys(fields).length ? 'form.checkFields' : 'form.checkInput');
  const message = error.__typename === 'ValidationError' ? checked : said;
  return { message, fields };
}

/** An api call's outcome as far as a form cares (see ApiResult). */
export interface Answer {
  error?: string | undefined;
  /** The error's extensions code, which says what went wrong in the reader's language. */
  code?: string | undefined;
  problems?: readonly FieldProblem[] | undefined;
}

/**
 * Why the api did not do what a form asked: its typed error, or the input it refused
 * before running (e.g. an amount past the largest it takes), or what its error code says
 * (`fallback`, else a plain "did not work", for the codes people need not know).
 */
export function refusal(
  t: Translate,
  answer: Answer,
  error: TypedError | null,
  fieldNames: Record<string, string> = {},
  fallback = t('form.failed'),
): FormFailure {
  if (error) return failureFrom(t, error, fieldNames);
  if (answer.problems?.length) {
    return { message: t('form.checkFields'), fields: spread(t, answer.problems, fieldNames) };
  }
  return { message: codeText(t, answer.code, fallback), fields: {} };
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
