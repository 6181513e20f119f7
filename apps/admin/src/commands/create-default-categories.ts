import { normalizeEmail } from '@spendline/auth';
import { createDefaultCategories } from '@spendline/db';
import { optionalString, UsageError, type Command } from '../cli.ts';

export const createDefaultCategoriesCommand: Command = {
  summary: 'give every user (or one) the default categories they lack; safe to re-run',
  usage: 'create-default-categories [--email E]',
  options: { email: { type: 'string' } },
  async run(values, { database, out }) {
    const { prisma } = await database();
    const email = optionalString(values, 'email');
    const users = await prisma.user.findMany({
      // Deleted accounts kept for their shared books get nothing personal back.
      where: { deletedAt: null, ...(email ? { email: normalizeEmail(email) } : {}) },
      select: { id: true, email: true },
      orderBy: { createdAt: 'asc' },
    });
    if (email && users.length === 0) throw new UsageError(`--email ${email}: no such user`);
    let categories = 0;
    let aliases = 0;
    for (const [index, user] of users.entries()) {
      const added = await createDefaultCategories(prisma, user.id);
      categories += added.categories;
      aliases += added.aliases;
      if (users.length > 1)
        out(
          `[${index + 1}/${users.length}] ${user.email}: +${added.categories} categories, +${added.aliases} aliases`,
        );
    }
    out(`Done: ${users.length} user(s), ${categories} categories and ${aliases} aliases added.`);
  },
};
