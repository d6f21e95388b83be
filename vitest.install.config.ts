import { defineConfig } from 'vitest/config';

// `npm run test:install`: the packed package installed from the npm registry into projects of each
// kind (test/package/install.test.ts). Online and slow, so not part of `npm test`; CI runs both.
export default defineConfig({
  test: {
    globals: true,
    include: ['test/package/install.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
