import { createContextCache } from '@pothos/core';
import type { Category } from '@spendline/db';
import type { GraphQLContext } from '../context.ts';
import { NIL_UUID } from '../ids.ts';

interface Batch {
  ids: Set<string>;
  rows: Promise<Map<string, Category>>;
}

// Entries read by the ORM come without their category (a category's own entries, the
// answer of a mutation); those asked for in one tick of a request are read in one query.
const openBatch = createContextCache((): { batch: Batch | null } => ({ batch: null }));

/** One of the viewer's categories by id, batched with the others asked for beside it. */
export function loadCategory(context: GraphQLContext, id: string): Promise<Category | null> {
  const state = openBatch(context);
  let batch = state.batch;
  if (!batch) {
    const ids = new Set<string>();
    const rows = Promise.resolve().then(async () => {
      state.batch = null;
      const found = await context.prisma.category.findMany({
        where: { id: { in: [...ids] }, userId: context.viewer?.user.id ?? NIL_UUID },
      });
      return new Map(found.map((category) => [category.id, category]));
    });
    batch = { ids, rows };
    state.batch = batch;
  }
  batch.ids.add(id);
  return batch.rows.then((rows) => rows.get(id) ?? null);
}
