import { AccountError, createAccount, normalizePhoneNumber } from '@spendline/auth';
import { optionalString, requireString, UsageError, type Command } from '../cli.ts';

export const createUser: Command = {
  summary: 'create an account with the default categories',
  usage:
    'create-user --email E --password P [--name NAME] [--whatsapp +E164] [--currency INR] [--timezone Asia/Kolkata] [--locale en-IN]',
  options: {
    email: { type: 'string' },
    password: { type: 'string' },
    name: { type: 'string' },
    whatsapp: { type: 'string' },
    currency: { type: 'string' },
    timezone: { type: 'string' },
    locale: { type: 'string' },
  },
  async run(values, { database, out }) {
    const input = {
      email: requireString(values, 'email'),
      password: requireString(values, 'password'),
      displayName: optionalString(values, 'name'),
      whatsapp: optionalString(values, 'whatsapp'),
      currency: optionalString(values, 'currency'),
      timeZone: optionalString(values, 'timezone'),
      locale: optionalString(values, 'locale'),
    };
    const db = await database();
    try {
      const user = await createAccount(db.prisma, input);
      const link = input.whatsapp
        ? `, WhatsApp ${normalizePhoneNumber(input.whatsapp)} linked`
        : '';
      out(
        `Created ${user.email} (${user.currency}, ${user.timeZone}) with the default categories${link}.`,
      );
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      // Map the account's field names back to the flags the person typed.
      const flag: Record<string, string> = { displayName: 'name', timeZone: 'timezone' };
      throw new UsageError(
        Object.entries(error.fields)
          .map(([field, problem]) => `--${flag[field] ?? field}: ${problem}`)
          .join('\n'),
      );
    }
  },
};
