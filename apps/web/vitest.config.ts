import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// Three projects: fast unit tests of the modules, the components rendered by Svelte's
// server renderer (what the first paint is), and tests of the built app
// (build/index.js on a free port, driven over HTTP and through Chromium). The second
// builds the app first when build/ is missing or older than the sources.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.svelte.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [svelte()],
        resolve: { alias: { '#lib': new URL('./src/lib', import.meta.url).pathname } },
        test: {
          name: 'components',
          include: ['src/**/*.svelte.test.ts'],
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
