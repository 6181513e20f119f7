import { describe, expect, it } from 'vitest';
import { asTypedError, CHECK_FIELDS, failureFrom, refusal, sentence } from './forms.ts';

describe('failureFrom', () => {
  it('puts a password error next to the password field', () => {
    const error = asTypedError({
      __typename: 'PasswordRequiredError',
      message: 'That password is not right.',
      wrong: true,
    } as { __typename: string });
    expect(error && failureFrom(error)).toEqual({
      message: 'That password is not right.',
      fields: { password: 'That password is not right.' },
    });
  });

  it('spreads validation problems over the form’s field names', () => {
    const failure = failureFrom(
      {
        __typename: 'ValidationError',
        message: 'phoneNumber: must be in international format',
        problems: [{ path: ['phoneNumber'], message: 'must be in international format' }],
      },
      { phoneNumber: 'phone' },
    );
    expect(failure).toStrictEqual({
      message: CHECK_FIELDS,
      fields: { phone: 'Must be in international format.' },
    });
  });

  it('never shows a ValidationError’s own message, which lists input paths', () => {
    const failure = failureFrom({
      __typename: 'ValidationError',
      message: 'input.text: must be at most 4,096 characters',
      problems: [{ path: ['input', 'text'], message: 'must be at most 4,096 characters' }],
    });
    expect(failure.message).not.toContain('input.');
    expect(failure.fields).toStrictEqual({ text: 'Must be at most 4,096 characters.' });
  });

  it('puts a problem with an item of a list beside the list’s field', () => {
    const failure = failureFrom({
      __typename: 'ValidationError',
      message: '',
      problems: [
        { path: ['input', 'aliases', '1'], message: 'must not contain control characters' },
      ],
    });
    expect(failure.fields).toStrictEqual({ aliases: 'Must not contain control characters.' });
  });
});

describe('refusal', () => {
  it('puts input the api refused before running beside its field, in words', () => {
    const failure = refusal(
      {
        error: 'Some of what you entered could not be used.',
        problems: [{ path: ['input', 'amountMinor'], message: 'is too large' }],
      },
      null,
      { amountMinor: 'amount' },
    );
    expect(failure).toStrictEqual({
      message: CHECK_FIELDS,
      fields: { amount: 'This is too large.' },
    });
  });

  it('prefers the typed error, and falls back to the api’s message or a default', () => {
    const typed = { __typename: 'NotFoundError' as const, message: 'Category not found' };
    expect(refusal({}, typed).message).toBe('Category not found');
    expect(refusal({ error: 'Sandbox chat is off.' }, null).message).toBe('Sandbox chat is off.');
    expect(refusal({}, null, {}, 'Not sent.').message).toBe('Not sent.');
  });
});

describe('sentence', () => {
  it('makes a fragment a sentence and leaves sentences alone', () => {
    expect(sentence('must be at most 500 characters')).toBe('Must be at most 500 characters.');
    expect(sentence('is too large')).toBe('This is too large.');
    expect(sentence('Use at least 12 characters (this one has 10).')).toBe(
      'Use at least 12 characters (this one has 10).',
    );
  });
});
