import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Suites that assert a platform's deadline or race processes against each other (a replica
 * answering within Discord's 3 s while another is SIGKILLed, kill -9 mid-fan-out, shutdown
 * within 10 s, rate-limited fan-outs): they run one at a time, after the rest, so no other test
 * file competes for the two cores while they measure.
 */
const ALONE = [
  'test/service/replicas.e2e.test.ts',
  'test/service/shutdown.test.ts',
  'test/service/database-outage.e2e.test.ts',
  'test/service/locked-db.e2e.test.ts',
  'test/spotlight/chaos.test.ts',
  'test/spotlight/multiprocess.test.ts',
  'test/spotlight/platform-delivery.test.ts',
];

/** What both groups share. (The global set-up is the root's alone: it must run once.) */
const common = {
  testTimeout: 30_000,
  hookTimeout: 30_000,
  // End-to-end suites start servers on loopback; forks keep native modules and sockets isolated.
  pool: 'forks',
} as const;

export default defineConfig({
  test: {
    // Builds dist/app (the bundle the process suites run), and makes sure a Postgres server
    // answers (starting a throwaway one if needed), before any test.
    globalSetup: ['test/setup/build.ts', 'test/setup/postgres-server.ts'],
    // Two files at a time for the rest: most suites wait on processes, sockets and timers, so on
    // the 2-core CI machine two workers keep both cores busy (vitest's default there is one).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { test: { ...common, name: 'parallel', include: ['test/**/*.test.ts'], exclude: ALONE, sequence: { groupOrder: 0 } } },
      { test: { ...common, name: 'alone', include: ALONE, fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
