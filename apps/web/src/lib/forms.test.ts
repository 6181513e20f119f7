import { translator } from '@spendline/i18n';
import { describe, expect, it } from 'vitest';
import { asTypedError, failureFrom, refusal, sentence, type Translate } from './forms.ts';
import { english } from './i18n/english.ts';
import { loadWebMessages } from './i18n/catalog.ts';

const t: Translate = english.t;
const CHECK_FIELDS = 'Please check the fields marked below.';
const portuguese: Translate = translator(await loadWebMessages('pt-BR'), 'pt-BR');

describe('failureFrom', () => {
  it('puts a password error next to the password field', () => {
    const error = asTypedError({
      __typename: 'PasswordRequiredError',
      message: 'That password is not right.',
      wrong: true,
    } as { __typename: string });
    expect(error && failureFrom(t, error)).toEqual({
      message: 'That password is not right.',
      fields: { password: 'That password is not right.' },
    });
  });

  it('spreads validation problems over the form’s field names', () => {
    const failure = failureFrom(
      t,
      {
        __typename: 'ValidationError',
        message: 'phoneNumber: must be in international format, e.g. +919812345678',
        problems: [
          {
            path: ['phoneNumber'],
            message: 'must be in international format, e.g. +919812345678',
          },
        ],
      },
      { phoneNumber: 'phone' },
    );
    expect(failure).toStrictEqual({
      message: CHECK_FIELDS,
      fields: { phone: 'Must be in international format, e.g. +919812345678.' },
    });
  });

  it('never shows a ValidationError’s own message, which lists input paths', () => {
    const failure = failureFrom(t, {
      __typename: 'ValidationError',
      message: 'input.text: must be at most 4,096 characters',
      problems: [{ path: ['input', 'text'], message: 'must be at most 4,096 characters' }],
    });
    expect(failure.message).not.toContain('input.');
    expect(failure.fields).toStrictEqual({ text: 'Must be at most 4,096 characters.' });
  });

  it('puts a problem with an item of a list beside the list’s field', () => {
    const failure = failureFrom(t, {
      __typename: 'ValidationError',
      message: '',
      problems: [
        {
          path: ['input', 'aliases', '1'],
          message: 'must not contain control characters such as NUL',
        },
      ],
    });
    expect(failure.fields).toStrictEqual({
      aliases: 'Must not contain control characters such as NUL.',
    });
  });
});

describe('refusal', () => {
  it('puts input the api refused before running beside its field, in words', () => {
    const failure = refusal(
      t,
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
    expect(refusal(t, {}, typed).message).toBe('Category not found');
    expect(refusal(t, { error: 'Sandbox chat is off.', code: 'SANDBOX_OFF' }, null).message).toBe(
      'The test chat is off: it runs only in sandbox mode, outside production.',
    );
    expect(refusal(t, {}, null, {}, 'Not sent.').message).toBe('Not sent.');
    // An error people cannot act on is not shown in the api's words.
    expect(
      refusal(t, { error: 'Query cost 9001 exceeds 5000', code: 'QUERY_TOO_COSTLY' }, null),
    ).toStrictEqual({ message: 'That did not work. Please try again.', fields: {} });
  });
});

describe('in another language', () => {
  it('says the form’s own words and the api’s field problems in the reader’s language', () => {
    const failure = refusal(
      portuguese,
      {
        error: 'Some of what you entered could not be used.',
        code: 'BAD_USER_INPUT',
        problems: [
          { path: ['input', 'amountMinor'], message: 'is too large' },
          { path: ['input', 'note'], message: 'must be at most 500 characters' },
        ],
      },
      null,
      { amountMinor: 'amount' },
    );
    expect(failure).toStrictEqual({
      message: 'Confira os campos marcados abaixo.',
      fields: { amount: 'Isto é grande demais.', note: 'Deve ter no máximo 500 caracteres.' },
    });
    expect(refusal(portuguese, {}, null).message).toBe('Não deu certo. Tente de novo.');
  });

  it('words the api’s typed errors in the reader’s language', () => {
    const wrong = failureFrom(portuguese, {
      __typename: 'PasswordRequiredError',
      message: 'That password is not right.',
      wrong: true,
    });
    expect(wrong).toStrictEqual({
      message: 'Essa senha não está certa.',
      fields: { password: 'Essa senha não está certa.' },
    });
    const taken = failureFrom(portuguese, {
      __typename: 'ConflictError',
      message: 'You already have a category called that.',
      field: 'name',
    });
    expect(taken.fields).toStrictEqual({ name: 'Você já tem uma categoria com esse nome.' });
    const limited = failureFrom(portuguese, {
      __typename: 'RateLimitedError',
      message: 'Too many attempts. Try again in 30 seconds.',
      retryAfterSeconds: 30,
    });
    expect(limited.message).toBe('Tentativas demais. Tente de novo em 30 segundos.');
    const gone = failureFrom(portuguese, {
      __typename: 'NotFoundError',
      message: 'Expense not found',
    });
    expect(gone.message).toBe('Lançamento não encontrado');
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
