import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every answer is checked for members its response schema would drop (src/http/strict-responses.ts).
    env: { AANWEZIG_STRICT_RESPONSES: '1' },
    include: ['src/**/*.test.ts', 'web/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Off unless asked for (`npm run test:coverage` = `vitest run --coverage`); `npm test` is unchanged.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'web/**/*.{ts,tsx}'],
      exclude: ['**/*.test.ts', 'src/testing/**'],
      reporter: ['text-summary', 'json-summary', 'html'],
      reportsDirectory: 'coverage',
    },
  },
});
