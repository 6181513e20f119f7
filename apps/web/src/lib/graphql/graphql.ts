// The one graphql() every document is written with: its result and variable types come
// from the api's schema (packages/graphql/schema.graphql, introspected into
// graphql-env.d.ts by `npm run graphql:types`).
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    /** YYYY-MM-DD in the viewer's zone. */
    Date: string;
    /** An ISO-8601 instant. */
    DateTime: string;
    /** Minor units as a decimal string: never a float. */
    MinorUnits: string;
  };
}>();

export { readFragment } from 'gql.tada';
export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
