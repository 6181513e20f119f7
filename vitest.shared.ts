// Test settings shared by every package whose tests open a database.
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export const databaseTests = defineConfig({
  // graphql 16 has no "exports" map: Node loads its CommonJS build, Vite would pick the
  // .mjs one for our sources, and two copies break `instanceof GraphQLError`. Point
  // Vite at the file Node uses so tests run what production runs.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    // Each test file migrates or clones a database (PGlite or PostgreSQL): seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
