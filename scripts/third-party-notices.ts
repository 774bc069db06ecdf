// The third-party notice file the package and the image ship (dist/THIRD-PARTY-NOTICES.txt):
// every npm package whose code esbuild put into dist/app, found from the build's metafile, with
// its name, version, licence id and the full text of its licence and notice files.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import * as z from 'zod';

/** The package folder of a bundled file: the innermost node_modules/<name> (or <@scope/name>). */
const PACKAGE_DIR = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//;

/** Licence and notice files, as packages name them: LICENSE, LICENCE.md, COPYING, NOTICE, LICENSE-MIT… */
const LICENCE_FILE = /^(licen[cs]e|copying|notice)([-._].*)?$/i;

const PackageJson = z.object({
  name: z.string(),
  version: z.string(),
  license: z.union([z.string(), z.object({ type: z.string() })]).optional(),
  /** The pre-SPDX form a few old packages still use. */
  licenses: z.array(z.object({ type: z.string() })).optional(),
});

export interface BundledPackage {
  name: string;
  version: string;
  /** The SPDX expression its package.json declares, or undefined when it declares none. */
  licence: string | undefined;
  /** Its licence and notice files, by file name, in name order. */
  files: Array<{ name: string; text: string }>;
}

/** The package folders (relative to the build's working directory) that contribute bytes to an output. */
export function bundledPackageDirs(metafile: Metafile): string[] {
  const dirs = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const dir = input.bytesInOutput > 0 ? PACKAGE_DIR.exec(path)?.[1] : undefined;
      if (dir) dirs.add(dir);
    }
  }
  return [...dirs].sort();
}

function declaredLicence(pkg: z.infer<typeof PackageJson>): string | undefined {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license) return pkg.license.type;
  return pkg.licenses?.length ? pkg.licenses.map((l) => l.type).join(' OR ') : undefined;
}

export function readBundledPackage(dir: string): BundledPackage {
  const pkg = PackageJson.parse(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')));
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && LICENCE_FILE.test(entry.name))
    .map((entry) => ({ name: entry.name, text: readFileSync(join(dir, entry.name), 'utf8').replace(/\r\n/g, '\n').trimEnd() }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { name: pkg.name, version: pkg.version, licence: declaredLicence(pkg), files };
}

const RULE = '='.repeat(80);

/** One package's notice: a header (name, version, licence id), then each licence file in full. */
function packageNotice(p: BundledPackage): string {
  const header = [RULE, `${p.name} ${p.version}`, `Licence: ${p.licence ?? 'not declared in its package.json'}`];
  if (p.files.length === 0) {
    const note = p.licence
      ? `The package ships no licence file; the standard text of ${p.licence} applies, as its package.json declares.`
      : 'The package ships no licence file and declares no licence.';
    return [...header, '', note].join('\n');
  }
  return [...header, ...p.files.flatMap((f) => ['', `--- ${f.name}`, '', f.text])].join('\n');
}

/**
 * The notice file's text. `legal` is what esbuild collected from licence comments inside the
 * bundled code (legalComments: 'external'): code one package carries from another.
 */
export function renderNotices(packages: readonly BundledPackage[], legal: readonly string[]): string {
  const sorted = [...packages].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version, undefined, { numeric: true }));
  const parts = [
    'Third-party software in RoleCall',
    '',
    `dist/app (the bundle npm start, the rolecall bin and the Docker image run) contains code from the ${sorted.length} npm packages below,`,
    'each under its own licence, given here in full. The packages installed beside the bundle in node_modules (better-sqlite3,',
    '@resvg/resvg-js, pino-pretty and the declared dependencies) carry their own licence files; the DejaVu Sans font is under',
    'assets/fonts/DejaVu-LICENSE.txt.',
    '',
    ...sorted.map(packageNotice),
  ];
  if (legal.length) parts.push('', RULE, 'Licence comments found inside the bundled code', '', ...legal);
  return `${parts.join('\n')}\n`;
}

/**
 * Reads the bundled packages named by `metafile` (its paths relative to `root`) and the
 * `*.LEGAL.txt` files esbuild wrote into `outdir`, and returns the notice text. The LEGAL files
 * are removed: their content is in the notice file.
 */
export function collectNotices(metafile: Metafile, root: string, outdir: string): { text: string; packages: BundledPackage[] } {
  // Two nested copies of one version (each depender's own) are one notice.
  const byVersion = new Map<string, BundledPackage>();
  for (const dir of bundledPackageDirs(metafile)) {
    const p = readBundledPackage(join(root, dir));
    byVersion.set(`${p.name}@${p.version}`, p);
  }
  const packages = [...byVersion.values()];
  const legal: string[] = [];
  for (const file of readdirSync(outdir)
    .filter((f) => f.endsWith('.LEGAL.txt'))
    .sort()) {
    const path = join(outdir, file);
    // Each file lists the comments of its own chunk's sources, under one heading we already have.
    legal.push(
      readFileSync(path, 'utf8')
        .replace(/^Bundled license information:\n+/, '')
        .trimEnd(),
      '',
    );
    rmSync(path);
  }
  return { text: renderNotices(packages, legal), packages };
}
