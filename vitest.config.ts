import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/app (the bundle the process suites run), and makes sure a Postgres server
    // answers (starting a throwaway one if needed), before any test.
    globalSetup: ['test/setup/build.ts', 'test/setup/postgres-server.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // End-to-end suites start servers on loopback; forks keep native modules and sockets isolated.
    pool: 'forks',
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
