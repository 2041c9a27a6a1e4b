import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests are server code.
      'server-only': path.resolve(import.meta.dirname, 'tests/support/empty-module.ts'),
    },
  },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    // The download memory tests collect garbage before they sample, to measure what is retained.
    execArgv: ['--expose-gc'],
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The fixtures' batches carry fixed dates of late 2026: the longest retention keeps them
    // writable for a year (the retention's own tests pass their clock and days explicitly).
    env: { NODE_ENV: 'test', DATA_RETENTION_DAYS: '400' },
  },
});
