import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // @typescript-eslint/rule-tester hooks into the global describe/it/afterAll.
    globals: true,
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
