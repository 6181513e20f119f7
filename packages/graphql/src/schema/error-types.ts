import { builder } from './builder.ts';
import {
  ConflictError,
  InvalidCredentialsError,
  NotFoundError,
  PasswordRequiredError,
  RateLimitedError,
  ValidationError,
  type FieldProblem,
} from './errors.ts';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'Every expected failure has a message meant for people.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const FieldProblemRef = builder.objectRef<FieldProblem>('FieldProblem').implement({
  fields: (t) => ({
    path: t.exposeStringList('path'),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  description: 'The input was refused; each problem names its field.',
  fields: (t) => ({ problems: t.field({ type: [FieldProblemRef], resolve: (e) => e.problems }) }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  description: 'No such row among yours (another user’s rows are indistinguishable from none).',
  fields: (t) => ({ id: t.exposeID('id', { nullable: true }) }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.exposeString('field', { nullable: true }) }),
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds') }),
});

builder.objectType(InvalidCredentialsError, {
  name: 'InvalidCredentialsError',
  interfaces: [ErrorInterface],
});

builder.objectType(PasswordRequiredError, {
  name: 'PasswordRequiredError',
  interfaces: [ErrorInterface],
  description: 'This change needs your password: give it in the `password` argument.',
  fields: (t) => ({
    wrong: t.exposeBoolean('wrong', {
      description: 'True when a password was given and did not match; false when none was.',
    }),
  }),
});
