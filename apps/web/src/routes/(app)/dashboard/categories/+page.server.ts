import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { fail } from '@sveltejs/kit';
import {
  ARCHIVE_CATEGORY,
  CATEGORIES,
  CREATE_CATEGORY,
  MERGE_CATEGORIES,
  UPDATE_CATEGORY,
} from '#lib/graphql/documents.ts';
import type { Category } from '#lib/graphql/types.ts';
import { asTypedError, refusal, text } from '#lib/forms.ts';
import { apiFor } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { categories } = await apiFor(event).must<{ categories: Category[] }>(CATEGORIES, {
    includeArchived: true,
  });
  return { categories, editing: event.url.searchParams.get('edit') };
};

function categoryInput(form: FormData) {
  const color = text(form, 'color');
  return {
    name: text(form, 'name'),
    emoji: text(form, 'emoji') || null,
    color: /^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : null,
    aliases: text(form, 'aliases')
      .split(',')
      .map((alias) => alias.trim())
      .filter(Boolean),
  };
}

type Result = { __typename: string; name?: string };

/** The category fields as typed, to show again with a refusal. */
const typed = (form: FormData) => ({
  name: text(form, 'name'),
  emoji: text(form, 'emoji'),
  color: text(form, 'color'),
  aliases: text(form, 'aliases'),
});

async function mutate(
  event: Parameters<Actions[string]>[0],
  action: string,
  id: string,
  document: TypedDocumentNode<Record<string, Result>, AnyVariables>,
  variables: Record<string, unknown>,
  key: string,
  done: string,
  values?: Record<string, string>,
) {
  const answer = await apiFor(event).run<Record<string, Result>>(document, variables);
  const { data } = answer;
  const error = asTypedError(data?.[key]);
  if (error || !data) {
    const failure = refusal(answer, error);
    return fail(400, { action, id, ...failure, ...(values ? { values } : {}) });
  }
  return { action, done };
}

export const actions: Actions = {
  create: async (event) => {
    const form = await event.request.formData();
    const input = categoryInput(form);
    if (!input.name) {
      return fail(400, {
        action: 'create',
        id: '',
        message: 'Give the category a name.',
        fields: { name: 'Required.' },
        values: typed(form),
      });
    }
    return mutate(
      event,
      'create',
      '',
      CREATE_CATEGORY,
      { input },
      'createCategory',
      `Added ${input.name}.`,
      typed(form),
    );
  },
  update: async (event) => {
    const form = await event.request.formData();
    const input = categoryInput(form);
    return mutate(
      event,
      'update',
      text(form, 'id'),
      UPDATE_CATEGORY,
      { id: text(form, 'id'), input },
      'updateCategory',
      `Saved ${input.name}.`,
      typed(form),
    );
  },
  archive: async (event) => {
    const form = await event.request.formData();
    const archived = text(form, 'archived') !== 'false';
    return mutate(
      event,
      'archive',
      text(form, 'id'),
      ARCHIVE_CATEGORY,
      { id: text(form, 'id'), archived },
      'archiveCategory',
      archived ? 'Archived. Its expenses keep it.' : 'Restored.',
    );
  },
  merge: async (event) => {
    const form = await event.request.formData();
    const source = text(form, 'source');
    const target = text(form, 'target');
    if (!source || !target || source === target) {
      return fail(400, {
        action: 'merge',
        id: '',
        message: 'Pick two different categories.',
        fields: {},
      });
    }
    return mutate(
      event,
      'merge',
      '',
      MERGE_CATEGORIES,
      { sourceIds: [source], targetId: target },
      'mergeCategories',
      'Merged. The old name now maps to the kept category.',
    );
  },
};
