import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * docs/architecture.md's "may import" table and `.dependency-cruiser.cjs` (what `npm run
 * check:deps` enforces) say the same thing twice: this holds them equal, row by row.
 */

interface Rule {
  name: string;
  from: { path?: string };
  to: { path?: string; pathNot?: string };
}

interface Allowed {
  may: string[];
  types: string[];
}

const root = new URL('../../', import.meta.url);
const config = createRequire(import.meta.url)(new URL('.dependency-cruiser.cjs', root).pathname) as { forbidden: Rule[] };

/** "^(src/core/|node_modules/fuse\.js/)" → ["src/core/", "node_modules/fuse.js/"] */
function alternatives(pattern: string | undefined): string[] {
  const m = /^\^\((.*)\)$/.exec(pattern ?? '');
  if (!m) throw new Error(`not a list of paths: ${pattern}`);
  // Split at the top level only: an area may itself be a group, `src/platforms/(index|names)\.ts$`.
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (const [i, ch] of [...m[1]!].entries()) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      parts.push(m[1]!.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(m[1]!.slice(start));
  return parts.map((p) => p.replace(/\\\./g, '.'));
}

/** node_modules/zod/ → zod, node_modules/@slack/ → @slack/*; our own paths stay. */
function entryOf(path: string): string {
  const pkg = /^node_modules\/(.+)\/$/.exec(path)?.[1];
  if (!pkg) return path;
  return pkg.startsWith('@') && !pkg.includes('/') ? `${pkg}/*` : pkg;
}

/**
 * An area's path pattern as the docs name it: a folder (`^src/core/`), or a few files of one
 * folder (`^src/platforms/(index|names)\\.ts$` → "src/platforms/index.ts, src/platforms/names.ts").
 */
function areaKey(pattern: string): string {
  const files = /^\^(.*\/)\(([^)]+)\)\\\.(\w+)\$$/.exec(pattern);
  if (!files) return pattern.replace(/^\^/, '');
  return files[2]!
    .split('|')
    .map((name) => `${files[1]}${name}.${files[3]}`)
    .join(', ');
}

/** Each area of the config, by its folder: what it may import, and what as types only. */
function cruiserTable(): Map<string, Allowed> {
  const table = new Map<string, Allowed>();
  for (const rule of config.forbidden.filter((r) => r.name.endsWith('-imports') && !r.name.endsWith('-type-only-imports'))) {
    const own = areaKey(rule.from.path!);
    const typeRule = config.forbidden.find((r) => r.name === rule.name.replace(/-imports$/, '-type-only-imports'));
    const types = typeRule ? alternatives(typeRule.to.path) : [];
    const self = rule.from.path!.replace(/^\^/, '').replace(/\\\./g, '.');
    const may = alternatives(rule.to.pathNot).filter((p) => p !== self && !types.includes(p));
    table.set(own, { may: may.map(entryOf).sort(), types: types.map(entryOf).sort() });
  }
  return table;
}

interface DocRow {
  folders: string[];
  cell: string;
}

function docRows(): DocRow[] {
  const text = readFileSync(new URL('docs/architecture.md', root), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.split(' | ');
      return { folders: [...cells[0]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!), cell: cells.at(-1)!.replace(/\s*\|$/, '') };
    });
}

/**
 * A "may import" cell: entries separated by commas; "(types)" marks a type-only entry, any other
 * parenthesis is a note; a folder goes by its short name ("core"), a narrower path in backticks.
 */
function docAllowed(cell: string, shortNames: Map<string, string>): Allowed {
  const may: string[] = [];
  const types: string[] = [];
  const entries = cell
    .replace(/\(types\)/g, '#types')
    .replace(/\([^)]*\)|`/g, '')
    .split(',');
  for (const raw of entries) {
    const entry = raw.replace('#types', '').trim();
    if (entry) (raw.includes('#types') ? types : may).push(shortNames.get(entry) ?? entry);
  }
  return { may: may.sort(), types: types.sort() };
}

describe('docs/architecture.md’s may-import table', () => {
  const rows = docRows();
  const isRoots = (r: DocRow) => r.cell.endsWith('nothing imports them');
  const areas = rows.filter((r) => !isRoots(r));
  // A folder's short name is its last segment: `src/core/` is "core".
  const shortNames = new Map(areas.flatMap((r) => r.folders.map((f): [string, string] => [f.replace(/\/$/, '').split('/').at(-1)!, f])));
  const cruiser = cruiserTable();

  it('has one row per area of .dependency-cruiser.cjs, and no other', () => {
    expect(areas.map((r) => r.folders.join(', ')).sort()).toEqual([...cruiser.keys()].sort());
  });

  it('lets each folder import exactly what .dependency-cruiser.cjs lets it', () => {
    const docs = Object.fromEntries(areas.map((r) => [r.folders.join(', '), docAllowed(r.cell, shortNames)]));
    expect(docs, 'docs/architecture.md and .dependency-cruiser.cjs differ: change both').toEqual(Object.fromEntries(cruiser));
  });

  it('names the composition roots the config keeps everything else from importing', () => {
    const roots = rows.filter(isRoots);
    expect(roots).toHaveLength(1);
    const rule = config.forbidden.find((r) => r.name === 'nothing-imports-composition-roots')!;
    expect(alternatives(rule.to.path).sort()).toEqual(roots[0]!.folders.sort());
  });
});
