import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // graphql 16 has no "exports" map: Node loads its CommonJS build, Vite would pick the
  // .mjs one for our sources, and two copies break `instanceof GraphQLError`. Point
  // Vite at the file Node uses so tests run what production runs.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    // Every test file migrates a database (PGlite or PostgreSQL): seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
