import { consume, RATE_LIMITS } from '@spendline/auth';
import { ImportError, importRows, type ImportProgress, type Mapping } from '@spendline/transfer';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { OWN_CHECK } from '../plain-text-plugin.ts';
import { RateLimitedError, ValidationError } from '../errors.ts';

/** Rows per call: a dashboard batch of 1,000 fits twice, and the body stays under 1 MB. */
export const MAX_IMPORT_ROWS = 2000;

const column = z.number().int().min(0, 'must be a column index from 0').max(999).nullish();

const ImportMapping = builder.inputType('ImportMapping', {
  description: 'Which cell of each row holds what, counting from 0.',
  fields: (t) => ({
    date: t.int({ required: true, validate: column }),
    amount: t.int({ required: true, validate: column }),
    currency: t.int({ validate: column, description: 'ISO-4217; default your currency.' }),
    category: t.int({ validate: column, description: 'Matched by name or alias, or created.' }),
    note: t.int({ validate: column }),
    kind: t.int({ validate: column, description: 'Income, Credit, ... mark income.' }),
  }),
});

const ImportExpensesInput = builder.inputType('ImportExpensesInput', {
  fields: (t) => ({
    rows: t.field({
      type: [t.listRef('String')],
      required: true,
      description:
        `The file's data rows, as cells; at most ${MAX_IMPORT_ROWS} a call. A row whose ` +
        'note or category holds control characters is reported among the problems.',
      // Each row is checked on its own (transfer's readRow), so a NUL in one cell is a
      // problem for that line rather than a refusal of the whole call.
      extensions: { [OWN_CHECK]: true },
      validate: z.array(z.array(z.string())).max(MAX_IMPORT_ROWS, {
        message: `send at most ${MAX_IMPORT_ROWS} rows a call`,
      }),
    }),
    mapping: t.field({ type: ImportMapping, required: true }),
    startedAt: t.field({
      type: 'DateTime',
      description:
        'For the second and later calls of one import: the startedAt the first call ' +
        'returned, so rows the earlier calls recorded are not taken for duplicates.',
    }),
    firstLine: t.int({
      description: 'The line of rows[0] in the file, counting the header as 1 (default 2).',
      validate: z.number().int().min(1, 'must be 1 or more').nullish(),
    }),
  }),
});

interface Problem {
  line: number;
  message: string;
}

const ImportProblemRef = builder.objectRef<Problem>('ImportProblem').implement({
  fields: (t) => ({
    line: t.exposeInt('line', { description: 'Counting the header as line 1.' }),
    message: t.exposeString('message'),
  }),
});

const ExpenseImportRef = builder.objectRef<ImportProgress>('ExpenseImport').implement({
  description: 'What one importExpenses call did.',
  fields: (t) => ({
    startedAt: t.expose('startedAt', {
      type: 'DateTime',
      description: 'When the import began: pass it to the next call of the same import.',
    }),
    read: t.exposeInt('read'),
    imported: t.exposeInt('imported'),
    duplicates: t.exposeInt('duplicates', {
      description: 'Rows recorded already before the import began (same day, amount, note...).',
    }),
    failed: t.exposeInt('failed', { description: 'Rows that could not be read.' }),
    problems: t.field({
      type: [ImportProblemRef],
      description: 'Why rows could not be read: the first 100 of a call.',
      resolve: (result) => result.problems.map(({ line, problem }) => ({ line, message: problem })),
    }),
  }),
});

builder.mutationField('importExpenses', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: ExpenseImportRef,
    description:
      'Records rows of a spreadsheet as your entries (source IMPORT), skipping those ' +
      'recorded before the import began. A long file goes in several calls that share ' +
      'the startedAt the first returns; dates read in your locale, amounts in your currency ' +
      'unless a column names one.',
    args: { input: t.arg({ type: ImportExpensesInput, required: true }) },
    errors: { types: [ValidationError, RateLimitedError] },
    resolve: async (_root, { input }, context) => {
      const { user } = context.viewer;
      const { limit, windowMs } = RATE_LIMITS.importBatchesPerAccount;
      const allowance = await consume(
        context.sql,
        `import:${user.id}`,
        limit,
        windowMs,
        context.now(),
      );
      if (!allowance.allowed) throw new RateLimitedError(allowance.retryAfterMs);
      const mapping: Mapping = Object.fromEntries(
        Object.entries(input.mapping).filter(([, index]) => index != null),
      );
      try {
        return await importRows(context.sql, {
          userId: user.id,
          rows: input.rows,
          mapping,
          events: context.events,
          now: context.now,
          ...(input.startedAt ? { startedAt: input.startedAt } : {}),
          ...(input.firstLine ? { firstLine: input.firstLine } : {}),
        });
      } catch (error) {
        if (error instanceof ImportError) throw ValidationError.field('mapping', error.message);
        throw error;
      }
    },
  }),
);
