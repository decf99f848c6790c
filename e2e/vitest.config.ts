// End-to-end tests: the real server with a seeded PGlite database, driven through Chromium. Run after `npm run build:web`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every answer is checked for members its response schema would drop (src/http/strict-responses.ts).
    env: { AANWEZIG_STRICT_RESPONSES: '1' },
    include: ['e2e/**/*.e2e.test.ts'],
    // One browser and one server per file, and files one after the other: no fighting over CPU or ports.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
