import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('stores an argon2id hash at OWASP parameters, never the password', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored).not.toContain('correct horse battery');
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse batterY')).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('treats a malformed stored hash as a failed check', async () => {
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });

  it('explains why a password is too short or too long', async () => {
    expect(await passwordProblem('short')).toBe('Use at least 12 characters (this one has 5).');
    expect(await passwordProblem('Abcdef12')).toMatch(/at least 12/);
    expect(await passwordProblem('x'.repeat(257))).toMatch(/at most 256/);
    expect(await passwordProblem('plum kettle orbit')).toBeNull();
  });

  it('counts characters as a person sees them', async () => {
    expect(await passwordProblem('🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑')).toMatch(/this one has 11/);
  });

  it('refuses common and leaked passwords of any length, saying why', async () => {
    for (const password of ['password1234', 'qwertyuiop123', 'iloveyou12345', '123456789012']) {
      expect(await passwordProblem(password)).toMatch(/common|guess/i);
    }
  });

  it('refuses a password made of the account’s own email or name', async () => {
    const problem = await passwordProblem('ashakapoor2026', [
      'asha.kapoor@example.com',
      'Asha Kapoor',
    ]);
    expect(problem).not.toBeNull();
    expect(await passwordProblem('ashakapoor2026')).toBeNull();
  });
});
