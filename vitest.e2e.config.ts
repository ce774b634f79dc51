import { defineConfig } from 'vitest/config';

// Browser tests drive Debian's Chromium against the dev:web host (real ledger, real renderer).
// `*.stubbed-answers.test.ts` run the same way but answer some API calls in the test (lists too
// long to seed in a test's time): not end-to-end, and named so.
// They share one machine with 2 cores, so files run one at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts', 'tests/e2e/**/*.stubbed-answers.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
