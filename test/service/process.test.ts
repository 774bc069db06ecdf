import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs what `npm start` runs (the bundle, dist/app/main.js) as a real process. */
function start(env: Record<string, string>, opts: { tty?: boolean; input?: string[] } = {}) {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env };
  const node = `${process.execPath} dist/app/main.js`;
  // `script` gives the child a pseudo-terminal, as a person's shell would.
  const child = opts.tty
    ? spawn('script', ['-qec', node, '/dev/null'], { env: base, stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn(process.execPath, ['dist/app/main.js'], { env: base, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

describe('npm start as a process', () => {
  it('fails fast on a bad configuration, naming every variable and no secret', async () => {
    const run = start({ DISCORD_TOKEN: 'token-SECRET-1', SLACK_BOT_TOKEN: 'wrong-SECRET-2', SLACK_APP_TOKEN: 'also-SECRET-3', PORT: 'eighty' });
    expect(await run.exited).toBe(2);
    const text = run.output();
    for (const name of ['DISCORD_APPLICATION_ID', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'PORT']) expect(text).toContain(name);
    expect(text).not.toMatch(/SECRET/);
  });

  it('half a platform (an application id, no token) names the missing token, not "no platform is configured"', async () => {
    const run = start({ DISCORD_APPLICATION_ID: '123456789012345678' });
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/DISCORD_TOKEN is missing: required when DISCORD_APPLICATION_ID is set/);
    expect(run.output()).not.toMatch(/no platform is configured/);
  });

  it('without a platform or a terminal, exits non-zero naming the variables to set', async () => {
    const run = start({});
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/DISCORD_TOKEN/);
    expect(run.output()).toMatch(/SLACK_BOT_TOKEN/);
  });

  it('without a platform but in a terminal, opens the console chat', async () => {
    const run = start({}, { tty: true });
    await expect.poll(() => run.output(), { timeout: 20_000 }).toContain('rolecall>');
    run.child.stdin!.write('/role AI Engineer\n');
    await expect.poll(() => run.output(), { timeout: 20_000 }).toContain('Data as of 2026-03');
    run.child.stdin!.write('/compare AI Engineer vs ML Engineer\n');
    await expect.poll(() => run.output(), { timeout: 20_000 }).toMatch(/Shared must-have skills \(\d+ of \d+\)/);
    run.child.stdin!.write('/quit\n');
    expect(await run.exited).toBe(0);
    const text = run.output();
    expect(text).toContain('8. AI Engineer');
    expect(text).toContain('Entry difficulty: Moderate');
  });

  it('with only ROLECALL_PUBLIC_URL, serves the pages and /healthz, and nothing chat', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'rolecall-pages-')), 'rolecall.db');
    const run = start({ ROLECALL_PUBLIC_URL: 'https://rolecall.example.org', PORT: '0', ROLECALL_DB: db, SPOTLIGHT_ENABLED: 'false' });
    try {
      // The log line is JSON when stdout is no terminal: {"port":N,...,"msg":"http server listening (...)"}.
      await expect.poll(() => run.output(), { timeout: 20_000 }).toMatch(/"port":\d+.*http server listening/);
      const port = /"port":(\d+)/.exec(run.output())![1];
      const base = `http://127.0.0.1:${port}`;
      expect(run.output()).toMatch(/http server listening \(\/, \/healthz, \/metrics, \/roles, /);
      // The address to open, in words.
      expect(run.output()).toContain(`"msg":"RoleCall is listening on ${base}"`);

      const health = (await (await fetch(`${base}/healthz`)).json()) as { status: string; components: Record<string, { ok: boolean }> };
      expect(health.status).toBe('ok');
      expect(Object.keys(health.components).sort()).toEqual(['store', 'web']);

      const index = await fetch(`${base}/roles`);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('href="/roles/ai-engineer"');
      const role = await fetch(`${base}/roles/ai-engineer`);
      expect(role.status).toBe(200);
      expect(await role.text()).toContain('<meta property="og:url" content="https://rolecall.example.org/roles/ai-engineer">');
      const moved = await fetch(`${base}/roles/mle`, { redirect: 'manual' });
      expect(moved.status).toBe(301);
      expect(moved.headers.get('location')).toBe('https://rolecall.example.org/roles/ml-engineer');
      for (const hostile of ['/roles/..%2f..%2fetc%2fpasswd', '/roles/%3Cscript%3E', '/compare/ai-engineer/..%2F..%2Fpackage.json']) {
        const res = await fetch(`${base}${hostile}`);
        expect(res.status, hostile).toBe(404);
        expect(await res.text(), hostile).not.toMatch(/<script|"name": "rolecall"/);
      }
      // The landing page links to the index; no chat platform's endpoint is mounted.
      expect(await (await fetch(`${base}/`)).text()).toContain('href="https://rolecall.example.org/roles"');
      expect((await fetch(`${base}/slack/events`, { method: 'POST', body: 'x' })).status).toBe(404);
      expect((await fetch(`${base}/discord/interactions`, { method: 'POST', body: '{}' })).status).toBe(404);
    } finally {
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    }
  });
});
