import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Vitest global set-up: makes sure a Postgres server answers at ROLECALL_TEST_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/test). When none does, it starts a throwaway server from
 * the Debian packages' initdb/pg_ctl in a temp dir on a free port and points the variable at it.
 * With neither a server nor the binaries it fails: the Postgres suite is never skipped silently.
 */
export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** initdb refuses to run as root: run the server binaries as the `postgres` system user then. */
function asServerUser(bin: string, args: string[]): { cmd: string; args: string[] } {
  return process.getuid?.() === 0 ? { cmd: 'runuser', args: ['-u', 'postgres', '--', bin, ...args] } : { cmd: bin, args };
}

export default async function setup(): Promise<(() => void) | undefined> {
  const url = process.env.ROLECALL_TEST_PG_URL ?? DEFAULT_TEST_PG_URL;
  process.env.ROLECALL_TEST_PG_URL = url;
  if (await answers(url)) return undefined;

  const bin = postgresBinDir();
  if (!bin) {
    throw new Error(
      `No Postgres server answers at ROLECALL_TEST_PG_URL (${url}) and no initdb was found under /usr/lib/postgresql/*/bin. ` +
        'Start a server, point ROLECALL_TEST_PG_URL at one, or install the postgresql package.',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  const run = (binary: string, args: string[]) => {
    const c = asServerUser(join(bin, binary), args);
    const r = spawnSync(c.cmd, c.args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${binary} failed: ${r.stderr || r.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  run('pg_ctl', [
    '-D',
    data,
    '-w',
    '-l',
    join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`,
    'start',
  ]);
  const stop = () => {
    const c = asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    spawnSync(c.cmd, c.args);
    rmSync(dir, { recursive: true, force: true });
  };
  const throwaway = `postgres://postgres@127.0.0.1:${port}/postgres`;
  if (!(await answers(throwaway))) {
    stop();
    throw new Error('started a throwaway Postgres server, but it does not answer');
  }
  process.env.ROLECALL_TEST_PG_URL = throwaway;
  process.stderr.write(`[test set-up] no Postgres at ${url}; started a throwaway server at ${throwaway}\n`);
  return stop;
}
