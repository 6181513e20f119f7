import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests of the server modules, and tests of the built app
// (build/index.js on a free port, driven over HTTP and through Chromium). The second
// builds the app first when build/ is missing or older than the sources.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'app',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
