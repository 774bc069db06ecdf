/**
 * The "may import" table of docs/architecture.md, as a check `npm test` runs (npm run check:deps).
 * Each area lists what it may import besides itself and Node's built-ins, and what only as types
 * (`import type`); anything else fails. Keep this file and the table in the docs identical.
 */
const npm = (...names) => names.map((n) => `node_modules/${n.replace('.', '\\.')}/`);
const either = (...paths) => `^(${paths.join('|')})`;

/** area → [path pattern of the area, what it may import, what it may import as types only] */
const table = {
  core: ['^src/core/', [...npm('zod', 'yaml', 'fuse.js')], []],
  views: ['^src/views/', ['src/core/'], []],
  understand: ['^src/understand/', ['src/core/', ...npm('zod')], []],
  commands: ['^commands/', ['src/core/', 'src/views/', 'src/understand/', 'src/spotlight/', ...npm('zod')], ['src/store/']],
  app: ['^src/app/', ['commands/', 'src/views/', 'src/core/', ...npm('zod', 'fuse.js')], []],
  config: ['^src/config/', [...npm('zod')], []],
  observability: ['^src/observability/', [...npm('pino', 'prom-client')], []],
  store: ['^src/store/', ['src/config/', ...npm('better-sqlite3', 'pg')], ['src/core/', 'src/observability/']],
  spotlight: ['^src/spotlight/', ['src/core/', 'src/views/', 'src/observability/', ...npm('zod', 'node-cron')], ['src/store/']],
  discord: [
    '^src/platforms/discord/',
    ['src/app/', 'commands/', 'src/views/', 'src/charts/', 'src/spotlight/', 'src/config/', 'src/observability/', 'src/core/schema/', ...npm('discord.js', '@discordjs', 'zod')],
    ['src/core/', 'src/store/'],
  ],
  slack: [
    '^src/platforms/slack/',
    ['src/app/', 'commands/', 'src/views/', 'src/charts/', 'src/web/', 'src/spotlight/', 'src/config/', 'src/observability/', 'src/core/schema/', ...npm('@slack', 'zod')],
    ['src/core/', 'src/store/'],
  ],
  charts: ['^src/charts/', ['src/views/', 'src/core/paths', ...npm('vega', 'vega-lite', '@resvg')], []],
  web: ['^src/web/', [], []],
  console: ['^src/platforms/console/', ['src/app/', 'commands/', 'src/views/', 'src/spotlight/', 'src/config/', 'src/core/schema/'], ['src/core/', 'src/store/']],
};

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
      comment: 'src/service, src/cli, src/main.ts and src/launch.ts wire everything; nothing else imports them. (A platform importing another is caught above.)',
      severity: 'error',
      from: { pathNot: either('src/service/', 'src/cli/', 'src/main\\.ts', 'src/launch\\.ts') },
      to: { path: either('src/service/', 'src/cli/', 'src/main\\.ts', 'src/launch\\.ts') },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
