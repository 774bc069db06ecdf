// `npm run build`: validates the bundled data/*.yaml with the zod schemas, as start-up would,
// and writes the compiled snapshot that start-up then loads without YAML or zod.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../dist/src/core/data/load.js';
import { bundledSnapshotDir, snapshotKey, writeSnapshot } from '../dist/src/core/data/snapshot.js';
import { defaultDataDir } from '../dist/src/core/paths.js';
import { DataError } from '../dist/src/core/data/errors.js';

const dataDir = defaultDataDir();
let kb;
try {
  kb = loadKnowledgeBase(dataDir);
} catch (err) {
  if (err instanceof DataError) {
    process.stderr.write(`build: ${err.message}\n`);
    process.exit(3);
  }
  throw err;
}
const dir = bundledSnapshotDir();
rmSync(dir, { recursive: true, force: true });
writeSnapshot(dir, snapshotKey(dataDir), kb, { shared: true });
process.stdout.write(`build: compiled ${kb.roles.length} roles into ${join('dist', 'kb', readdirSync(dir)[0])}\n`);
