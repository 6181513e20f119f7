import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Generating thousands of 4,096-character strings for the property tests takes
    // seconds on a loaded CI machine; the per-message stall bound lives in the tests.
    testTimeout: 60_000,
  },
});
