// The failures a client is expected to handle, returned as members of a mutation's
// result union. Anything else is unexpected: masked, logged, and tied to a request id.

export interface FieldProblem {
  /** The input path, e.g. ["input", "amountMinor"]. */
  path: string[];
  message: string;
}

export class ValidationError extends Error {
  readonly problems: FieldProblem[];

  constructor(problems: FieldProblem[], message?: string) {
    super(
      message ?? problems.map((p) => `${p.path.join('.') || 'input'}: ${p.message}`).join('; '),
    );
    this.name = 'ValidationError';
    this.problems = problems;
  }

  static field(field: string, message: string): ValidationError {
    return new ValidationError([{ path: ['input', field], message }]);
  }
}

export class NotFoundError extends Error {
  readonly id: string | null;

  constructor(what: string, id?: string | null) {
    super(`${what} not found`);
    this.name = 'NotFoundError';
    this.id = id ?? null;
  }
}

export class ConflictError extends Error {
  readonly field: string | null;

  constructor(message: string, field?: string) {
    super(message);
    this.name = 'ConflictError';
    this.field = field ?? null;
  }
}

export class RateLimitedError extends Error {
  readonly retryAfterSeconds: number;

  constructor(retryAfterMs: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super(`Too many attempts. Try again in ${seconds} seconds.`);
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = seconds;
  }
}

/**
 * A change that could hand the account to someone else (e.g. another WhatsApp number)
 * needs the password again: it was not given, or it did not match.
 */
export class PasswordRequiredError extends Error {
  readonly wrong: boolean;

  constructor(wrong: boolean) {
    super(wrong ? 'That password is not right.' : 'Enter your password to confirm this change.');
    this.name = 'PasswordRequiredError';
    this.wrong = wrong;
  }
}

/** One message for an unknown email and a wrong password alike. */
export class InvalidCredentialsError extends Error {
  constructor() {
    super('The email or password is not right.');
    this.name = 'InvalidCredentialsError';
  }
}
