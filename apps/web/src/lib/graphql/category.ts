// A category as the forms' pickers list it. Unmasked: the pages build these lists
// themselves (an archived category is added back for the entry that still has it).
import { graphql, type ResultOf } from './graphql.ts';

export const CategoryOptionFields = graphql(`
  fragment CategoryOptionFields on Category @_unmask {
    id
    name
    emoji
  }
`);

export type CategoryOption = ResultOf<typeof CategoryOptionFields>;
