import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { currentHolder, describeOwner, ownerIsDead, ownerString, parseOwner, processStart, processState } from '../../src/spotlight/owner.js';

const linux = processStart(process.pid) !== undefined;

/** The pid of a process that has run and exited (reaped, so the pid is free). */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(done.stdout);
}

describe('claim owners: host, pid and start token', () => {
  it('round-trips, and reads an older owner ("host:pid:tag") as unknown', () => {
    const me = currentHolder();
    const owner = ownerString(me, 'abc123');
    expect(parseOwner(owner)).toEqual(me);
    expect(owner.startsWith(`${me.host}:${process.pid}:`)).toBe(true);
    expect(describeOwner(owner)).toBe(`pid ${process.pid} on ${me.host.split('~')[0]}`);
    expect(parseOwner('build-box:4242:a1b2c3')).toBeUndefined();
    expect(ownerIsDead('build-box:4242:a1b2c3')).toBe(false);
  });

  it('a live owner is alive: this process, under another tag (a second service in it)', () => {
    expect(ownerIsDead(ownerString(currentHolder(), 'other'))).toBe(false);
  });

  it.runIf(linux)('an owner on this host whose process is gone is provably dead', () => {
    const me = currentHolder();
    expect(ownerIsDead(ownerString({ ...me, pid: deadPid(), start: '1' }))).toBe(true);
  });

  it.runIf(linux)('a zombie owner (killed, never reaped by its parent) is dead, though kill(pid, 0) still answers', async () => {
    // The shell starts `sleep 0`, prints its pid and becomes `sleep 30`, which never waits for
    // its child: the child stays a zombie, as a run killed with its process group does.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = await new Promise<number>((resolve) => parent.stdout.once('data', (b: Buffer) => resolve(Number(b.toString().trim()))));
      const start = processStart(pid);
      for (let i = 0; i < 200 && processState(pid) !== 'Z'; i++) await new Promise((r) => setTimeout(r, 10));
      expect(processState(pid)).toBe('Z');
      expect(() => process.kill(pid, 0)).not.toThrow();
      const me = currentHolder();
      expect(ownerIsDead(ownerString({ ...me, pid, start: start ?? processStart(pid)! }))).toBe(true);
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it.runIf(linux)('a pid reused by a process that started at another time is not the owner', () => {
    const me = currentHolder();
    // process.ppid is alive (the runner), but its start token is not the one recorded.
    expect(ownerIsDead(ownerString({ ...me, pid: process.ppid, start: '1' }))).toBe(true);
    expect(ownerIsDead(ownerString({ ...me, pid: process.ppid, start: processStart(process.ppid)! }))).toBe(false);
  });

  it('an owner on another host (or another pid namespace) is never judged, whatever its pid', () => {
    const me = currentHolder();
    expect(ownerIsDead(ownerString({ ...me, host: 'elsewhere~0123456789ab', pid: deadPid() }))).toBe(false);
  });
});
