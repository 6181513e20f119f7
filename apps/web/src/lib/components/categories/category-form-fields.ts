// What CategoryFields.svelte fills its edit form with, fetched by the categories page.
import { graphql } from '#lib/graphql/graphql.ts';

export const CategoryFormFields = graphql(`
  fragment CategoryFormFields on Category {
    name
    emoji
    color
    aliases
  }
`);
