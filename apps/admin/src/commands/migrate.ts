import type { Command } from '../cli.ts';

export const migrate: Command = {
  summary: 'apply pending database migrations',
  usage: 'migrate',
  options: {},
  async run(_values, { database, out }) {
    // database() applies pending migrations as it opens; report what it did.
    const db = await database();
    out(`Database (${db.engine}) is up to date.`);
  },
};
