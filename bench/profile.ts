import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext } from '../commands/command.js';
import { Dispatcher } from '../src/app/dispatch.js';
import { createCore } from '../src/core/index.js';
import { PgStore } from '../src/store/postgres/pg-store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { ProfileKey, Store } from '../src/store/store.js';
import { createTestDatabase } from '../test/helpers/postgres.js';
import setupPostgres from '../test/setup/postgres-server.js';
import { heading, row, summarize } from './stats.js';

/**
 * What a saved profile costs a personalised command: each command through the Dispatcher with
 * the asker's profile read from the store (SQLite file, Postgres on 127.0.0.1:5432 in a throwaway
 * database), beside the same command in the same run with no profiles in its context.
 */
type Input = Record<string, unknown>;
/** Each command's input with the profile, and without it: /match and /path then take what the profile gives typed out. */
const COMMANDS: Array<[string, Input, Input]> = [
  ['role', { name: 'ML Engineer' }, { name: 'ML Engineer' }],
  ['salary', { role: 'ML Engineer' }, { role: 'ML Engineer' }],
  ['match', {}, { skills: 'python, pytorch, sql, docker, basket weaving' }],
  ['compare', { role_a: 'AI Engineer', role_b: 'ML Engineer' }, { role_a: 'AI Engineer', role_b: 'ML Engineer' }],
  ['path', {}, { from: 'ML Engineer', to: 'AI Engineer' }],
];
const ITERATIONS = 1_000;
const WARM_UP = 100;
const USER = '222222222222222222';
const KEY: ProfileKey = { platform: 'discord', workspaceId: '', userId: USER };

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (n: number) => (n < 1 ? n.toFixed(3) : n.toFixed(2));

export async function benchProfile(): Promise<void> {
  const teardown = await setupPostgres();
  const core = createCore();
  const dispatcher = new Dispatcher(core);
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-bench-profile-'));
  const pgDb = await createTestDatabase('rolecall_bench');
  const stores: Array<[string, Store]> = [
    ['SQLite', SqliteStore.open(join(dir, 'bench.db'))],
    ['Postgres', await PgStore.open({ url: pgDb.url })],
  ];
  try {
    const bare: CommandContext = { platform: 'discord', invoker: { userId: USER, workspaceId: 'G1' } };
    for (const [label, store] of stores) {
      await store.profiles.put(KEY, {
        currentRole: 'ml-engineer',
        goalRole: 'ai-engineer',
        market: 'india',
        skills: ['python', 'pytorch', 'sql', 'docker'],
        otherSkills: ['basket weaving'],
      });
      const withProfile: CommandContext = { ...bare, profiles: store };
      heading(`Profile lookup per command, ${label} (${ITERATIONS.toLocaleString('en')} each, after ${WARM_UP} warm-up; ms)`);
      for (const [name, input, plain] of COMMANDS) {
        const first = await dispatcher.run(name, input, withProfile);
        if (first.outcome !== 'ok' || !first.view.fields.some((f) => f.label === 'For you')) throw new Error(`${name}: no personalised answer`);
        if ((await dispatcher.run(name, plain, bare)).outcome !== 'ok') throw new Error(`${name}: the plain answer failed`);
        const on: number[] = [];
        const off: number[] = [];
        // Interleaved, so load on the shared machine falls on both alike.
        for (let i = 0; i < WARM_UP + ITERATIONS; i++) {
          let t0 = process.hrtime.bigint();
          await dispatcher.run(name, input, withProfile);
          const a = ms(t0);
          t0 = process.hrtime.bigint();
          await dispatcher.run(name, plain, bare);
          const b = ms(t0);
          if (i >= WARM_UP) {
            on.push(a);
            off.push(b);
          }
        }
        const p = summarize(on);
        const q = summarize(off);
        row(`/${name}`, `with profile p50 ${fmt(p.p50)} / p99 ${fmt(p.p99)}; without (same run) p50 ${fmt(q.p50)} / p99 ${fmt(q.p99)}`);
      }
    }
  } finally {
    for (const [, s] of stores) await s.close();
    await pgDb.drop();
    rmSync(dir, { recursive: true, force: true });
    await teardown?.();
  }
}
