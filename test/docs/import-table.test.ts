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
  return m[1]!.split('|').map((p) => p.replace(/\\\./g, '.'));
}

/** node_modules/zod/ → zod, node_modules/@slack/ → @slack/*; our own paths stay. */
function entryOf(path: string): string {
  const pkg = /^node_modules\/(.+)\/$/.exec(path)?.[1];
  if (!pkg) return path;
  return pkg.startsWith('@') && !pkg.includes('/') ? `${pkg}/*` : pkg;
}

/** Each area of the config, by its folder: what it may import, and what as types only. */
function cruiserTable(): Map<string, Allowed> {
  const table = new Map<string, Allowed>();
  for (const rule of config.forbidden.filter((r) => r.name.endsWith('-imports') && !r.name.endsWith('-type-only-imports'))) {
    const own = rule.from.path!.replace(/^\^/, '');
    const typeRule = config.forbidden.find((r) => r.name === rule.name.replace(/-imports$/, '-type-only-imports'));
    const types = typeRule ? alternatives(typeRule.to.path) : [];
    const may = alternatives(rule.to.pathNot).filter((p) => p !== own && !types.includes(p));
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
  const areas = rows.filter((r) => r.cell !== 'everything; nothing imports them');
  // A folder's short name is its last segment: `src/core/` is "core".
  const shortNames = new Map(areas.flatMap((r) => r.folders.map((f): [string, string] => [f.replace(/\/$/, '').split('/').at(-1)!, f])));
  const cruiser = cruiserTable();

  it('has one row per area of .dependency-cruiser.cjs, and no other', () => {
    expect(areas.every((r) => r.folders.length === 1)).toBe(true);
    expect(areas.map((r) => r.folders[0]).sort()).toEqual([...cruiser.keys()].sort());
  });

  it('lets each folder import exactly what .dependency-cruiser.cjs lets it', () => {
    const docs = Object.fromEntries(areas.map((r) => [r.folders[0]!, docAllowed(r.cell, shortNames)]));
    expect(docs, 'docs/architecture.md and .dependency-cruiser.cjs differ: change both').toEqual(Object.fromEntries(cruiser));
  });

  it('names the composition roots the config keeps everything else from importing', () => {
    const roots = rows.filter((r) => r.cell === 'everything; nothing imports them');
    expect(roots).toHaveLength(1);
    const rule = config.forbidden.find((r) => r.name === 'nothing-imports-composition-roots')!;
    expect(alternatives(rule.to.path).sort()).toEqual(roots[0]!.folders.sort());
  });
});
