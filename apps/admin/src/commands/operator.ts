import { normalizeEmail } from '@spendline/auth';
import { sql, type SqlDatabase } from '@spendline/db';
import { InputError, requireString, type Command } from '../cli.ts';

/** Sets whether the account is an operator; throws when no account has the email. */
async function setOperator(db: SqlDatabase, email: string, isOperator: boolean) {
  const changed = await db.execute(sql`
    UPDATE users SET is_operator = ${isOperator}, updated_at = now()
     WHERE email = ${normalizeEmail(email)}`);
  if (changed === 0) throw new InputError(`No account has the email ${email}.`);
  const [left] = await db.rows<{ operators: number }>(sql`
    SELECT count(*)::int AS operators FROM users WHERE is_operator`);
  return left?.operators ?? 0;
}

export const grantOperator: Command = {
  summary: "let an account see the operator page (the deployment's health) on the dashboard",
  usage: 'grant-operator EMAIL',
  options: {},
  positionals: ['email'],
  async run(values, { database, out }) {
    const email = requireString(values, 'email');
    const operators = await setOperator((await database()).sql, email, true);
    out(`${email} is an operator (${operators} in all); the page is at /dashboard/operator/.`);
  },
};

export const revokeOperator: Command = {
  summary: 'take the operator page away from an account',
  usage: 'revoke-operator EMAIL',
  options: {},
  positionals: ['email'],
  async run(values, { database, out }) {
    const email = requireString(values, 'email');
    const operators = await setOperator((await database()).sql, email, false);
    out(
      operators === 0
        ? `${email} is no longer an operator; no account is now: grant-operator EMAIL makes one.`
        : `${email} is no longer an operator (${operators} left).`,
    );
  },
};
