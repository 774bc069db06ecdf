/**
 * The "may import" table of docs/architecture.md, as a check `npm test` runs (npm run check:deps).
 * Each area lists what it may import besides itself and Node's built-ins, and what only as types
 * (`import type`); anything else fails. Change this file and the table in the docs together:
 * test/docs/import-table.test.ts fails while they differ.
 */
const npm = (...names) => names.map((n) => `node_modules/${n.replace('.', '\\.')}/`);
const either = (...paths) => `^(${paths.join('|')})`;

/** area → [path pattern of the area, what it may import, what it may import as types only] */
const table = {
  core: ['^src/core/', [...npm('zod', 'yaml', 'fuse.js')], []],
  views: ['^src/views/', ['src/core/'], []],
  understand: ['^src/understand/', ['src/core/', ...npm('zod')], []],
  commands: ['^commands/', ['src/core/', 'src/views/', 'src/understand/', 'src/spotlight/', ...npm('zod')], ['src/store/', 'src/platforms/names\\.ts']],
  app: ['^src/app/', ['commands/', 'src/views/', 'src/core/', ...npm('zod', 'fuse.js')], []],
  config: ['^src/config/', [...npm('zod')], []],
  observability: ['^src/observability/', [...npm('pino', 'prom-client')], []],
  store: ['^src/store/', ['src/config/', ...npm('better-sqlite3', 'pg')], ['src/core/', 'src/observability/', 'src/platforms/names\\.ts']],
  spotlight: ['^src/spotlight/', ['src/core/', 'src/views/', 'src/observability/', ...npm('zod', 'node-cron')], ['src/store/']],
  platformList: ['^src/platforms/(index|names)\\.ts$', ['src/platforms/[^/]+/index\\.ts'], ['src/platforms/shared/']],
  platformShared: [
    '^src/platforms/shared/',
    ['src/app/', 'src/views/'],
    ['commands/', 'src/config/', 'src/observability/', 'src/spotlight/', 'src/store/', 'src/web/', 'src/platforms/names\\.ts'],
  ],
  discord: [
    '^src/platforms/discord/',
    [
      'src/platforms/shared/',
      'src/app/',
      'commands/',
      'src/views/',
      'src/charts/',
      'src/spotlight/',
      'src/config/',
      'src/observability/',
      'src/core/schema/',
      ...npm('discord.js', '@discordjs', 'discord-api-types', 'zod'),
    ],
    ['src/core/', 'src/store/'],
  ],
  slack: [
    '^src/platforms/slack/',
    [
      'src/platforms/shared/',
      'src/app/',
      'commands/',
      'src/views/',
      'src/charts/',
      'src/web/',
      'src/spotlight/',
      'src/config/',
      'src/observability/',
      'src/core/schema/',
      ...npm('@slack', 'zod'),
    ],
    ['src/core/', 'src/store/'],
  ],
  charts: ['^src/charts/', ['src/views/', 'src/core/paths', ...npm('vega', 'vega-lite', '@resvg/resvg-js')], []],
  web: ['^src/web/', [], []],
  'web-platform': [
    '^src/platforms/web/',
    ['src/platforms/shared/', 'src/app/', 'commands/', 'src/views/', 'src/charts/', 'src/web/', 'src/core/schema/'],
    ['src/core/', 'src/config/'],
  ],
  console: [
    '^src/platforms/console/',
    ['src/platforms/shared/', 'src/app/', 'commands/', 'src/views/', 'src/spotlight/', 'src/config/', 'src/core/schema/'],
    ['src/core/', 'src/store/'],
  ],
};

/** The composition roots: they wire everything, and nothing imports them. */
const roots = ['src/service/', 'src/cli/', 'src/main\\.ts', 'src/launch\\.ts', 'src/exit-codes\\.ts'];

const forbidden = Object.entries(table).flatMap(([name, [from, may, typesOnly]]) => {
  const own = from.slice(1);
  const rules = [
    {
      name: `${name}-imports`,
      comment: `${own} may import ${[...may, ...typesOnly.map((t) => `${t} (types)`)].join(', ') || 'nothing else'}: see docs/architecture.md`,
      severity: 'error',
      from: { path: from },
      to: { pathNot: either(own, ...may, ...typesOnly), dependencyTypesNot: ['core'] },
    },
  ];
  if (typesOnly.length) {
    rules.push({
      name: `${name}-type-only-imports`,
      comment: `${own} may import only types from ${typesOnly.join(', ')}: see docs/architecture.md`,
      severity: 'error',
      from: { path: from },
      to: { path: either(...typesOnly), pathNot: either(...may), dependencyTypesNot: ['type-only'] },
    });
  }
  return rules;
});

module.exports = {
  forbidden: [
    ...forbidden,
    {
      name: 'nothing-imports-composition-roots',
      comment:
        'src/service, src/cli, src/main.ts, src/launch.ts and src/exit-codes.ts wire everything; nothing else imports them. (A platform importing another is caught above.)',
      severity: 'error',
      from: { pathNot: either(...roots) },
      to: { path: either(...roots) },
    },
    {
      name: 'platforms-only-through-their-index',
      comment: 'The composition roots reach a platform only through its index.ts (its Platform object), or the list: see docs/architecture.md',
      severity: 'error',
      from: { path: either(...roots) },
      to: { path: '^src/platforms/[^/]+/', pathNot: '^src/platforms/([^/]+/index\\.ts$|shared/)' },
    },
    {
      name: 'no-circular',
      comment: 'Files that import each other (types included) share a contract that wants a module of its own: move it there.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
