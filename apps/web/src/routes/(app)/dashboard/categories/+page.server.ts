import { fail } from '@sveltejs/kit';
import { CategoryFormFields } from '#lib/components/categories/category-form-fields.ts';
import { asTypedError, refusal, text } from '#lib/forms.ts';
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import { apiFor, type ApiResult } from '#lib/server/api.ts';
import { serverTranslator, type Translate } from '#lib/server/i18n.ts';
import type { Actions, PageServerLoad } from './$types';

const CategoriesQuery = graphql(
  `
    query Categories {
      categories(includeArchived: true) {
        id
        name
        emoji
        color
        archived
        aliases
        expenseCount
        ...CategoryFormFields
      }
    }
  `,
  [CategoryFormFields],
);

const CreateCategoryMutation = graphql(
  `
    mutation CreateCategory($input: CategoryInput!) {
      createCategory(input: $input) {
        __typename
        ...TypedErrorFields
        ... on Category {
          id
        }
      }
    }
  `,
  [TypedErrorFields],
);

const UpdateCategoryMutation = graphql(
  `
    mutation UpdateCategory($id: ID!, $input: CategoryPatch!) {
      updateCategory(id: $id, input: $input) {
        __typename
        ...TypedErrorFields
        ... on Category {
          id
        }
      }
    }
  `,
  [TypedErrorFields],
);

const ArchiveCategoryMutation = graphql(
  `
    mutation ArchiveCategory($id: ID!, $archived: Boolean) {
      archiveCategory(id: $id, archived: $archived) {
        __typename
        ...TypedErrorFields
        ... on Category {
          id
        }
      }
    }
  `,
  [TypedErrorFields],
);

const MergeCategoriesMutation = graphql(
  `
    mutation MergeCategories($sourceIds: [ID!]!, $targetId: ID!) {
      mergeCategories(sourceIds: $sourceIds, targetId: $targetId) {
        __typename
        ...TypedErrorFields
        ... on Category {
          id
          name
        }
      }
    }
  `,
  [TypedErrorFields],
);

export const load: PageServerLoad = async (event) => {
  const { categories } = await apiFor(event).must(CategoriesQuery);
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

/** The category fields as typed, to show again with a refusal. */
const typed = (form: FormData) => ({
  name: text(form, 'name'),
  emoji: text(form, 'emoji'),
  color: text(form, 'color'),
  aliases: text(form, 'aliases'),
});

/** A mutation's answer under `key` as the page's result: a confirmation or a failure. */
function settle<Data extends Record<Key, { __typename: string }>, Key extends string>(
  t: Translate,
  action: string,
  id: string,
  answer: ApiResult<Data>,
  key: Key,
  done: string,
  values?: Record<string, string>,
) {
  const { data } = answer;
  const error = asTypedError(data?.[key]);
  if (error || !data) {
    const failure = refusal(t, answer, error);
    return fail(400, { action, id, ...failure, ...(values ? { values } : {}) });
  }
  return { action, done };
}

export const actions: Actions = {
  create: async (event) => {
    const form = await event.request.formData();
    const t = await serverTranslator(event);
    const input = categoryInput(form);
    if (!input.name) {
      return fail(400, {
        action: 'create',
        id: '',
        message: t('categories.nameMissing'),
        fields: { name: t('settings.required') },
        values: typed(form),
      });
    }
    return settle(
      t,
      'create',
      '',
      await apiFor(event).run(CreateCategoryMutation, { input }),
      'createCategory',
      t('categories.added', { name: input.name }),
      typed(form),
    );
  },
  update: async (event) => {
    const form = await event.request.formData();
    const t = await serverTranslator(event);
    const input = categoryInput(form);
    return settle(
      t,
      'update',
      text(form, 'id'),
      await apiFor(event).run(UpdateCategoryMutation, { id: text(form, 'id'), input }),
      'updateCategory',
      t('categories.saved', { name: input.name }),
      typed(form),
    );
  },
  archive: async (event) => {
    const form = await event.request.formData();
    const t = await serverTranslator(event);
    const archived = text(form, 'archived') !== 'false';
    return settle(
      t,
      'archive',
      text(form, 'id'),
      await apiFor(event).run(ArchiveCategoryMutation, { id: text(form, 'id'), archived }),
      'archiveCategory',
      archived ? t('categories.archivedDone') : t('expenses.restored'),
    );
  },
  merge: async (event) => {
    const form = await event.request.formData();
    const t = await serverTranslator(event);
    const source = text(form, 'source');
    const target = text(form, 'target');
    if (!source || !target || source === target) {
      return fail(400, {
        action: 'merge',
        id: '',
        message: t('categories.pickTwo'),
        fields: {},
      });
    }
    return settle(
      t,
      'merge',
      '',
      await apiFor(event).run(MergeCategoriesMutation, {
        sourceIds: [source],
        targetId: target,
      }),
      'mergeCategories',
      t('categories.merged'),
    );
  },
};
