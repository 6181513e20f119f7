import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { activeMembership } from '@spendline/books';
import type PrismaTypes from '@spendline/db/pothos-types';
import { getDatamodel } from '@spendline/db/pothos-types';
import { GraphQLError } from 'graphql';
import type { BrowserContext, GraphQLContext, SignedInContext } from './context.ts';
import { ValidationError } from './errors.ts';
import PlainTextPlugin from './plain-text-plugin.ts';

const capitalize = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    loggedIn: boolean;
    /** Signed in with a session cookie, not an API token: account management. */
    browser: boolean;
    /** The row's user id: passes only for that user. */
    owner: string;
    /** A shared book's id: passes only for its active members. */
    bookMember: string;
  };
  AuthContexts: { loggedIn: SignedInContext; browser: BrowserContext };
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: string; Output: string };
    MinorUnits: { Input: bigint; Output: bigint };
    /** An upload (GraphQL multipart request spec); input only. */
    File: { Input: File; Output: never };
  };
}>({
  // Relay first so scope checks see parsed global ids; scope-auth before the plugins
  // that wrap resolvers, so a denied field never reaches them. Plain text after validation:
  // input-field hooks run last to first, and validation reads the schemas it adds.
  plugins: [
    RelayPlugin,
    ScopeAuthPlugin,
    ErrorsPlugin,
    ValidationPlugin,
    PlainTextPlugin,
    PrismaPlugin,
  ],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: { authScopes: { loggedIn: true }, nullable: true },
    nodesQueryOptions: { authScopes: { loggedIn: true }, nullable: { list: false, items: true } },
  },
  scopeAuth: {
    // A subscription is checked once, when it starts, not at each event.
    authorizeOnSubscribe: true,
    // A type's scopes (the owner check of every row type) run once per object, when the
    // object is returned, instead of in a wrapper around each of its fields: a page of 20
    // entries asks 20 times, not 280. A refused object is null with its error on the field
    // that returned it.
    runScopesOnType: true,
    authScopes: (context) => ({
      loggedIn: context.viewer !== null,
      browser: context.viewer?.session != null,
      owner: (userId) => context.viewer !== null && context.viewer.user.id === userId,
      // Scope results are cached per request, so a book's rows ask once.
      bookMember: async (bookId) =>
        context.viewer !== null &&
        (await activeMembership(context.sql, context.viewer.user.id, bookId)) !== null,
    }),
    unauthorizedError: (_parent, context) =>
      context.viewer
        ? new GraphQLError('Not authorized.', { extensions: { code: 'FORBIDDEN' } })
        : new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } }),
  },
  errors: {
    defaultTypes: [],
    // A result union holds the object itself (Expense | ValidationError), not a wrapper.
    directResult: true,
    // Input problems say nothing about anyone's data, so returning them before the
    // field's authorization runs leaks nothing.
    unsafelyHandleInputErrors: true,
    defaultResultOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Success` },
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Result` },
  },
  validation: {
    validationError: (failure) =>
      new ValidationError(
        failure.issues.map((issue) => ({
          path: (issue.path ?? []).map((part) =>
            String(typeof part === 'object' ? part.key : part),
          ),
          message: issue.message,
        })),
      ),
  },
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
});

builder.queryType();
builder.mutationType();
