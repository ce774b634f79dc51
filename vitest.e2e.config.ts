import { defineConfig } from 'vitest/config';

// Browser tests drive Debian's Chromium against the dev:web host (real ledger, real renderer).
// They share one machine with 2 cores, so files run one at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
