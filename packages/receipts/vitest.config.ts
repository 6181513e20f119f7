import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // OCR of the whole corpus on two worker threads takes a minute or two on a loaded
    // two-core machine; the corpus test shares one reader across its assertions.
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
