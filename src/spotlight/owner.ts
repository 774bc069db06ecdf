import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Who holds a claim: the host, the process id and the process's start token, so another run on
 * the same host can prove the holder is gone (kill -9, OOM, power cut of a container) and
 * recover its claim at once instead of waiting for the lease to run out.
 *
 * - host: the hostname plus a hash of the boot id and the pid namespace. Two containers that
 *   share a database file and a hostname but not a pid namespace are different hosts: neither
 *   can see the other's processes, so neither may judge them.
 * - start: the process's start time in clock ticks since boot (/proc/<pid>/stat, field 22).
 *   A pid reused by an unrelated process has another start time, so it does not look alive.
 * - a random tag per service instance, so two services in one process (tests) are distinct.
 *
 * Without /proc (macOS, Windows) the host gets a random part: no other process can prove this
 * one dead, and its claims are recovered when their lease ends, as before.
 */

export interface Holder {
  host: string;
  pid: number;
  start: string;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The fields of /proc/<pid>/stat from field 3 on; the command name (field 2) may hold spaces and parentheses. */
function statFields(pid: number): string[] | undefined {
  const stat = read(`/proc/${pid}/stat`);
  return stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ') : undefined;
}

/** Field 22 of /proc/<pid>/stat: the start time in clock ticks since boot. */
export function processStart(pid: number): string | undefined {
  return statFields(pid)?.[19];
}

/** Field 3 of /proc/<pid>/stat: R, S, D, Z (zombie), X (dead), … */
export function processState(pid: number): string | undefined {
  return statFields(pid)?.[0];
}

function hostIdentity(): string {
  const boot = read('/proc/sys/kernel/random/boot_id')?.trim();
  let ns: string | undefined;
  try {
    ns = readlinkSync('/proc/self/ns/pid');
  } catch {
    ns = undefined;
  }
  // No way to see other processes: a part nobody else shares, so nobody judges us.
  const seen = boot && ns ? `${boot}|${ns}` : randomBytes(8).toString('hex');
  return `${hostname()}~${createHash('sha256').update(seen).digest('hex').slice(0, 12)}`;
}

let self: Holder | undefined;

/** This process. */
export function currentHolder(): Holder {
  self ??= { host: hostIdentity(), pid: process.pid, start: processStart(process.pid) ?? randomBytes(6).toString('hex') };
  return self;
}

/** The claim's `owner` column: "host:pid:start:tag". */
export function ownerString(holder: Holder = currentHolder(), tag = randomBytes(3).toString('hex')): string {
  return `${holder.host}:${holder.pid}:${holder.start}:${tag}`;
}

/** Reads an owner string; undefined for one written by an older release ("host:pid:tag"). */
export function parseOwner(owner: string): Holder | undefined {
  const m = /^([^:]+):(\d+):([^:]+):([^:]+)$/.exec(owner);
  return m ? { host: m[1]!, pid: Number(m[2]), start: m[3]! } : undefined;
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is just not ours to signal.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True only when the owner is provably gone: it ran on this host (same boot, same pid
 * namespace) and its process no longer exists or is a zombie, or its pid now belongs to a process that started
 * at another time. Anything else (another host, an older owner format) is "maybe alive".
 */
export function ownerIsDead(owner: string, me: Holder = currentHolder()): boolean {
  const holder = parseOwner(owner);
  if (!holder || holder.host !== me.host) return false;
  if (holder.pid === me.pid) return holder.start !== me.start;
  if (!pidExists(holder.pid)) return true;
  // A zombie answers kill(pid, 0) and keeps its start time, but it will never finish the send:
  // killed with its process group, it stays one until something reaps it (forever under a
  // container PID 1 that does not reap).
  const fields = statFields(holder.pid);
  if (fields?.[0] === 'Z' || fields?.[0] === 'X') return true;
  const start = fields?.[19];
  return start !== undefined && start !== holder.start;
}

/** For messages: "pid 4242 on host-a". */
export function describeOwner(owner: string): string {
  const holder = parseOwner(owner);
  return holder ? `pid ${holder.pid} on ${holder.host.split('~')[0]}` : owner;
}
