import type { BuildOptions } from 'esbuild';

/** How dist/app is bundled (scripts/build.ts); the start-up benchmark and the tests' process fixtures are bundled the same way. */
export const BUNDLE_OPTIONS = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Comments out and one-byte source: V8 keeps each file's source in memory, as UTF-16 if one
  // character needs it. Names stay as written, for stack traces; the source map has the rest.
  // (Renaming identifiers too made starts slower: keeping names then costs a call per function.)
  minifyWhitespace: true,
  minifySyntax: true,
  // Bundled CommonJS packages call require() for Node's built-ins and the packages left outside.
  banner: { js: "import { createRequire as __rolecallRequire } from 'node:module'; const require = __rolecallRequire(import.meta.url);" },
  logLevel: 'warning',
} satisfies BuildOptions;

/**
 * Left to node_modules: native addons, pino-pretty (loaded by name, only for a terminal), and
 * optional peers of bundled packages that a production install never installs (supports-color,
 * debug's: bundling it would carry a package only our dev tools bring). (vega is bundled too, in the chunk
 * loaded on the first chart: 80 ms to load instead of 280 ms from its hundred-odd modules, and
 * that load holds the event loop while other answers wait.)
 */
export const EXTERNAL = [
  'better-sqlite3',
  'better-sqlite3-napi',
  '@resvg/resvg-js',
  'pino-pretty',
  'pg-native',
  'zlib-sync',
  'bufferutil',
  'utf-8-validate',
  'supports-color',
];
