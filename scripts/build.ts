// `npm run build`: (1) validates the bundled data/*.yaml with the zod schemas, as start-up would,
// and writes the compiled knowledge base that start-up then loads without YAML or zod; (2) bundles
// each entry point with esbuild into dist/app/, so a start reads a few files instead of ~1,000
// modules (see docs/startup.md); (3) writes dist/THIRD-PARTY-NOTICES.txt, the licences of every
// package in the bundle, from the bundle's metafile (kept as dist/bundle-meta.json for the test
// that checks the notices against it). Type checking is `npm run typecheck`'s job, not this one's.
import { chmodSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS, EXTERNAL } from './bundle-options.js';
import { collectNotices } from './third-party-notices.js';
import { loadKnowledgeBase } from '../src/core/data/load.js';
import { bundledSnapshotDir, snapshotKey, validationCodeFingerprint, writeSnapshot } from '../src/core/data/snapshot.js';
import { defaultDataDir, packageRoot } from '../src/core/paths.js';
import { DataError } from '../src/core/data/errors.js';

/** What dist/app/<name>.js runs. */
const ENTRY_POINTS = {
  main: 'src/main.ts',
  cli: 'src/cli/bin.ts',
  'discord-deploy': 'src/platforms/discord/deploy.ts',
};

function compileKnowledgeBase(): void {
  const dataDir = defaultDataDir();
  let kb: ReturnType<typeof loadKnowledgeBase>;
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
  writeSnapshot(dir, snapshotKey(dataDir) ?? '', kb, { shared: true });
  process.stdout.write(`build: compiled ${kb.roles.length} roles into ${join('dist', 'kb', readdirSync(dir)[0] ?? '')}\n`);
}

async function bundle(): Promise<void> {
  const dist = join(packageRoot(), 'dist');
  const outdir = join(dist, 'app');
  rmSync(outdir, { recursive: true, force: true });
  const { metafile } = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: ENTRY_POINTS,
    absWorkingDir: packageRoot(),
    outdir,
    // Shared code goes to chunks, and every import() stays lazy: the CLI never loads a chat SDK.
    splitting: true,
    external: EXTERNAL,
    // Collected into the notice file below, with the packages' own licence files.
    legalComments: 'external',
    metafile: true,
    sourcemap: 'linked',
    // The knowledge base's snapshot key covers the validation code, which is not beside the bundle.
    define: { __ROLECALL_VALIDATION_FINGERPRINT__: JSON.stringify(validationCodeFingerprint()) },
  });
  chmodSync(join(outdir, 'cli.js'), 0o755);
  process.stdout.write(`build: bundled ${Object.keys(ENTRY_POINTS).join(', ')} into dist/app/\n`);
  writeFileSync(join(dist, 'bundle-meta.json'), JSON.stringify(metafile));
  const notices = collectNotices(metafile, packageRoot(), outdir);
  writeFileSync(join(dist, 'THIRD-PARTY-NOTICES.txt'), notices.text);
  process.stdout.write(`build: licences of ${notices.packages.length} bundled packages in dist/THIRD-PARTY-NOTICES.txt\n`);
}

compileKnowledgeBase();
await bundle();
