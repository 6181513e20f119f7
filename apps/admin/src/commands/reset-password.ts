import { setPasswordByAdmin } from '@spendline/auth';
import { InputError, requireString, type Command } from '../cli.ts';

export const resetPassword: Command = {
  summary: 'set a new password for an account (read from the terminal or stdin) and sign it out',
  usage: 'reset-password EMAIL   (the password is asked for, or read from the first line of stdin)',
  options: {},
  positionals: ['email'],
  async run(values, { database, out, readSecret }) {
    const email = requireString(values, 'email');
    // Never an argument: those end up in shell history and process listings.
    const password = await readSecret('New password: ', { confirm: true });
    const db = await database();
    const result = await setPasswordByAdmin(db.prisma, { email, newPassword: password });
    if (!result) throw new InputError(`No account has the email ${email}.`);
    if (!result.ok) throw new InputError(result.problem);
    const ended = result.sessionsEnded;
    out(`Password of ${email} changed; ${ended} signed-in session${ended === 1 ? '' : 's'} ended.`);
  },
};
