import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // @typescript-eslint/rule-tester hooks into the global describe/it/afterAll.
    globals: true,
    include: ['test/**/*.test.ts'],
    // Installs from the npm registry: `npm run test:install` (vitest.install.config.ts), run by CI beside `npm test`.
    exclude: [...configDefaults.exclude, 'test/package/install.test.ts'],
    testTimeout: 60_000,
  },
});
