import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KnowledgeBase } from '../knowledge-base.js';
import type { Role } from '../schema/role.js';
import type { Reference } from '../schema/reference.js';
import type { AiEngineerDeepDive } from '../schema/ai-engineer.js';
import { packageRoot } from '../paths.js';

/**
 * A compiled knowledge base: the data exactly as validation produced it, stored as JSON under
 * a key that hashes the data files AND the code that validates them. A changed YAML file or a
 * changed schema gives a new key, so a stale snapshot is never found, let alone served.
 */
const FORMAT = 1;
const DATA_FILE_NAMES = ['roles.yaml', 'reference.yaml', 'ai-engineer.yaml'] as const;

interface SnapshotPayload {
  roles: readonly Role[];
  reference: Reference;
  aiEngineer: AiEngineerDeepDive;
}

interface SnapshotHeader {
  format: number;
  key: string;
  sha256: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(?:ts|js)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Set by the bundler (scripts/build.ts) to the fingerprint of the validation code in src/ the
 * bundle was built from: inside a bundle those files are not beside the running code.
 */
declare const __ROLECALL_VALIDATION_FINGERPRINT__: string | undefined;

let codeFingerprint: string | undefined;

/** The schemas and the checks that decide what valid data is, as this process runs them. */
export function validationCodeFingerprint(): string {
  if (typeof __ROLECALL_VALIDATION_FINGERPRINT__ === 'string') return __ROLECALL_VALIDATION_FINGERPRINT__;
  if (codeFingerprint) return codeFingerprint;
  const hash = createHash('sha256');
  for (const dir of ['../schema/', './']) {
    for (const file of filesUnder(fileURLToPath(new URL(dir, import.meta.url)))) hash.update(file.replace(/^.*[\\/]core[\\/]/, '')).update(readFileSync(file));
  }
  return (codeFingerprint = hash.digest('hex'));
}

/** The snapshot key for a data folder, or undefined when a file cannot be read (validation then names it). */
export function snapshotKey(dataDir: string): string | undefined {
  const hash = createHash('sha256').update(`rolecall-kb:${FORMAT}:${validationCodeFingerprint()}`);
  try {
    for (const name of DATA_FILE_NAMES) hash.update(`\0${name}\0`).update(readFileSync(join(dataDir, name)));
  } catch {
    return undefined;
  }
  return hash.digest('hex').slice(0, 40);
}

/** Where `npm run build` puts the bundled data's snapshot, inside the package. */
export function bundledSnapshotDir(): string {
  return join(packageRoot(), 'dist', 'kb');
}

/** Where snapshots of a community's own data (ROLECALL_DATA_DIR) are cached: the user's cache folder. */
export function userSnapshotDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'rolecall', 'kb');
}

/** Reads a snapshot; anything missing, truncated, tampered with or of another key is a miss. */
export function readSnapshot(dir: string, key: string): KnowledgeBase | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, `${key}.json`), 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(text.slice(0, newline)) as SnapshotHeader;
    const body = text.slice(newline + 1);
    if (header.format !== FORMAT || header.key !== key || header.sha256 !== sha256(body)) return undefined;
    const data = JSON.parse(body) as SnapshotPayload;
    return new KnowledgeBase(data.roles, data.reference, data.aiEngineer);
  } catch {
    return undefined;
  }
}

/**
 * Writes a snapshot atomically (temp file, then rename), so a reader never sees half of one.
 * A user's cache is private; the package's own snapshot must be readable by whoever runs it.
 */
export function writeSnapshot(dir: string, key: string, kb: KnowledgeBase, { shared = false } = {}): string {
  const body = JSON.stringify({ roles: kb.roles, reference: kb.reference, aiEngineer: kb.aiEngineer } satisfies SnapshotPayload);
  const header: SnapshotHeader = { format: FORMAT, key, sha256: sha256(body) };
  mkdirSync(dir, { recursive: true, mode: shared ? 0o755 : 0o700 });
  const path = join(dir, `${key}.json`);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(header)}\n${body}`, { mode: shared ? 0o644 : 0o600 });
  renameSync(temp, path);
  return path;
}
