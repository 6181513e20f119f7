import { describe, expect, it } from 'vitest';
import { asTypedError, failureFrom } from './forms.ts';

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
    expect(failure.fields).toStrictEqual({ phone: 'must be in international format' });
  });
});
