import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Migrating a database (PGlite or PostgreSQL) takes seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
