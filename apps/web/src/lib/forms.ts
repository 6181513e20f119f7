// What form actions hand back to their page when the api refused the input.
import type { TypedError } from './graphql/types.ts';

export interface FormFailure {
  /** One message for the whole form. */
  message: string;
  /** Messages keyed by field name. */
  fields: Record<string, string>;
}

/** A result-union member that is one of the api's typed errors, or null. */
export function asTypedError(result: { __typename: string } | null | undefined): TypedError | null {
  return result && 'message' in result && result.__typename.endsWith('Error')
    ? (result as TypedError)
    : null;
}

/** Spreads an api error over the form's fields (by the last segment of each problem's path). */
export function failureFrom(
  error: TypedError,
  fieldNames: Record<string, string> = {},
): FormFailure {
  const fields: Record<string, string> = {};
  for (const problem of error.problems ?? []) {
    const key = problem.path.at(-1) ?? '';
    const field = fieldNames[key] ?? key;
    fields[field] ??= problem.message;
  }
  if (error.field) fields[fieldNames[error.field] ?? error.field] ??= error.message;
  if (error.__typename === 'PasswordRequiredError') {
    fields[fieldNames.password ?? 'password'] ??= error.message;
  }
  return { message: error.message, fields };
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
