import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { EXTERNAL } from '../../scripts/bundle-options.js';

/**
 * Honest packaging, checked against what the build really bundled: esbuild's metafile of
 * dist/app (dist/bundle-meta.json, written by `npm run build`, which the tests' set-up runs).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LEGAL_COMMENTS = 'Licence comments found inside the bundled code';
const metafile = JSON.parse(readFileSync(join(ROOT, 'dist/bundle-meta.json'), 'utf8')) as Metafile;
const notices = readFileSync(join(ROOT, 'dist/THIRD-PARTY-NOTICES.txt'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[]; dependencies: Record<string, string> };

interface Manifest {
  name: string;
  version: string;
  license?: string | { type: string };
}

/** Each folder under node_modules with at least one byte of code in an output file. */
const bundledDirs = new Set(
  Object.values(metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1])
      .filter((dir): dir is string => dir !== undefined),
  ),
);
const manifest = (dir: string) => JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as Manifest;

/** The notice file's package sections, by their first line ("<name> <version>"). */
const sections = new Map(
  notices
    .split(/^={80}$/m)
    .slice(1)
    .map((s) => s.replace(/^\n/, ''))
    .map((s) => [s.split('\n', 1)[0]!, s] as const)
    .filter(([title]) => title !== LEGAL_COMMENTS),
);

describe('dist/THIRD-PARTY-NOTICES.txt', () => {
  it('names every package whose code is in the bundle, with its version, licence id and full licence text', () => {
    expect(bundledDirs.size).toBeGreaterThan(100);
    for (const dir of bundledDirs) {
      const { name, version, license } = manifest(dir);
      const section = sections.get(`${name} ${version}`);
      expect(section, `${name} ${version} (${dir}) is bundled but missing from the notices`).toBeDefined();
      const id = typeof license === 'string' ? license : license?.type;
      if (id) expect(section).toContain(`Licence: ${id}`);
      const files = readdirSync(join(ROOT, dir)).filter((f) => /^(licen[cs]e|copying|notice)\b/i.test(f));
      for (const file of files)
        expect(section, `${name}: ${file}`).toContain(
          readFileSync(join(ROOT, dir, file), 'utf8')
            .replace(/\r\n/g, '\n')
            .trim(),
        );
      if (files.length === 0) expect(section).toMatch(/ships no licence file/);
    }
  });

  it('includes the packages the old legal file left out, and nothing that is not bundled', () => {
    for (const name of ['discord.js', 'fuse.js', 'vega', 'pg', 'pino', 'zod', '@slack/bolt']) {
      expect(
        [...sections.keys()].some((k) => k.startsWith(`${name} `)),
        name,
      ).toBe(true);
    }
    const bundled = new Set([...bundledDirs].map((dir) => `${manifest(dir).name} ${manifest(dir).version}`));
    expect(new Set(sections.keys())).toEqual(bundled);
    // The licence comments esbuild found are folded in, not left as partial files beside the chunks.
    expect(notices).toContain(`${'='.repeat(80)}\n${LEGAL_COMMENTS}\n`);
    expect(notices).toContain('formdata-polyfill. MIT License');
    expect(readdirSync(join(ROOT, 'dist/app')).filter((f) => f.endsWith('.LEGAL.txt'))).toEqual([]);
  });

  it('ships in the npm package and the Docker image', () => {
    expect(pkg.files).toContain('dist/THIRD-PARTY-NOTICES.txt');
    expect(readFileSync(join(ROOT, 'Dockerfile'), 'utf8')).toMatch(/^COPY --from=build \/app\/dist\/THIRD-PARTY-NOTICES\.txt /m);
  });
});

describe('what runs in production is a dependency', () => {
  it('every bundled package is installed by a production install (npm install --omit=dev), and so are the externals it loads', () => {
    const production = new Set(
      execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map((path) => path.slice(ROOT.length)),
    );
    for (const dir of bundledDirs) expect(production, `${dir} is bundled but only a dev dependency brings it`).toContain(dir);
    // Left outside the bundle: a dependency, or an optional peer a production install never has.
    for (const name of EXTERNAL) {
      if (!(name in pkg.dependencies)) expect(production, `${name} is external but installed in production`).not.toContain(`node_modules/${name}`);
    }
  });

  it('every package our code imports, bundled or left outside, is in dependencies', () => {
    const imported = new Set<string>();
    for (const [path, input] of Object.entries(metafile.inputs)) {
      if (!/^(src|commands)\//.test(path)) continue;
      for (const { path: to, external } of input.imports) {
        const name = external ? /^((?:@[^/]+\/)?[^/]+)/.exec(to)?.[1] : /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(to)?.[1];
        if (name && !to.startsWith('node:')) imported.add(name);
      }
    }
    expect(imported).toContain('discord.js');
    expect(imported).toContain('@resvg/resvg-js');
    for (const name of imported) expect(Object.keys(pkg.dependencies), name).toContain(name);
  });
});
