import type { KnowledgeBase } from '../knowledge-base.js';
import { defaultDataDir } from '../paths.js';
import { bundledSnapshotDir, readSnapshot, snapshotKey, userSnapshotDir, writeSnapshot } from './snapshot.js';

export interface OpenOptions {
  /** Folders searched for a snapshot, in order; the last one also receives a new snapshot. */
  snapshotDirs?: readonly string[];
}

/**
 * The knowledge base for a data folder, as fast as it can be had safely: a snapshot whose key
 * matches the data files and the validation code is loaded as is; otherwise the YAML is
 * validated (the same clear errors as ever) and its snapshot cached for the next start.
 */
export async function openKnowledgeBase(dataDir: string = defaultDataDir(), opts: OpenOptions = {}): Promise<KnowledgeBase> {
  const dirs = opts.snapshotDirs ?? [bundledSnapshotDir(), userSnapshotDir()];
  const key = snapshotKey(dataDir);
  if (key) {
    for (const dir of dirs) {
      const kb = readSnapshot(dir, key);
      if (kb) return kb;
    }
  }
  // The YAML parser and the zod schemas are loaded only when there is something to validate.
  const { loadKnowledgeBase } = await import('./load.js');
  const kb = loadKnowledgeBase(dataDir);
  const cacheDir = dirs.at(-1);
  if (key && cacheDir) {
    try {
      writeSnapshot(cacheDir, key, kb);
    } catch {
      // A read-only home or package folder only costs the next start its validation.
    }
  }
  return kb;
}
