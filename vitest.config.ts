import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // End-to-end suites start servers on loopback; forks keep native modules and sockets isolated.
    pool: 'forks',
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
