#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createCore, loadKnowledgeBase, type Core } from '../core/index.js';
import { DataError } from '../core/data/errors.js';
import { Dispatcher } from '../app/dispatch.js';
import { commands } from '../../commands/index.js';
import { MAX_OPTION_LENGTH } from '../../commands/command.js';
import { renderForTerminal } from '../platforms/console/render.js';
import { resolutionJson } from './json-contract.js';
import { runBatch } from './batch.js';
import type { Io } from './io.js';
import { writeChart } from './chart-files.js';

/** Exit codes: 0 answered (role found), 1 ambiguous or not found, 2 bad usage, 3 invalid role data. */
export const EXIT = { ok: 0, unresolved: 1, usage: 2, data: 3 } as const;

const FLAG_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  market: { type: 'string' },
  layer: { type: 'string' },
  difficulty: { type: 'string' },
  education: { type: 'string' },
  availability: { type: 'string' },
  color: { type: 'boolean' },
  png: { type: 'string' },
  svg: { type: 'string' },
} as const;

/** The commands whose answers carry a chart, for --png / --svg. */
const CHART_COMMANDS = ['salary', 'compare', 'path'];

export function usage(): string {
  const lines = commands.map((c) => `  rolecall ${c.usage.replace(/^\//, '')}`.padEnd(58) + c.description);
  return [
    'Usage: rolecall <command> [arguments] [--json]',
    '',
    ...lines,
    `${'  rolecall spotlight <subcommand>'.padEnd(58)}Weekly role spotlight: add, list, run --once, … (--help)`,
    `${'  rolecall db migrate'.padEnd(58)}Apply pending database migrations (ROLECALL_DB), then exit`,
    '',
    'rolecall role with no name reads one query per line from stdin and prints one JSON object per line.',
    'Flags: --json (machine-readable output; bad usage too, as {"status":"invalid",…}), --market us|india|uk|both, --layer L1..L6|cross, --difficulty, --education, --availability',
    '       --png FILE / --svg FILE (salary, compare and path: write the chart)',
    'Exit codes: 0 answered, 1 ambiguous or not found, 2 bad usage, 3 invalid role data.',
  ].join('\n');
}


const parseFlags = (args: string[]) => parseArgs({ args, options: FLAG_OPTIONS, allowPositionals: true, strict: true });

/** Builds a command's raw input from positional arguments (joined as the text syntax) and flags. */
function rawInput(name: string, positionals: string[], flags: Record<string, unknown>): Record<string, unknown> {
  const command = commands.find((c) => c.name === name)!;
  const joiner = name === 'compare' ? ' vs ' : name === 'path' && positionals.length === 2 ? ' to ' : name === 'match' ? ', ' : ' ';
  const text = positionals.join(joiner).trim();
  const raw: Record<string, unknown> = text ? command.parseText(text) : {};
  for (const key of ['market', 'layer', 'difficulty', 'education', 'availability'] as const) {
    if (flags[key] !== undefined && key in command.input.shape) raw[key] = flags[key];
  }
  return raw;
}

export async function main(argv: string[], io: Io = process): Promise<number> {
  // `spotlight` has flags of its own (--day, --once, …), so it parses its own arguments.
  const first = argv.findIndex((a) => !a.startsWith('-'));
  if (argv[first] === 'spotlight') {
    const { spotlightCli } = await import('./spotlight.js');
    return spotlightCli([...argv.slice(0, first), ...argv.slice(first + 1)], io);
  }
  if (argv[first] === 'db') {
    const { dbCli } = await import('./db.js');
    return dbCli([...argv.slice(0, first), ...argv.slice(first + 1)], io);
  }
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (err) {
    io.stderr.write(`rolecall: ${(err as Error).message}\n\n${usage()}\n`);
    return EXIT.usage;
  }
  const { values: flags, positionals } = parsed;
  const [name, ...args] = positionals;
  if (flags.help) {
    io.stdout.write(`${usage()}\n`);
    return EXIT.ok;
  }
  // Under --json, bad usage is also a JSON line on stdout, so scripts need not parse stderr.
  const invalidJson = (error: string, extra: Record<string, unknown> = {}) => {
    if (flags.json) io.stdout.write(`${JSON.stringify({ status: 'invalid', ...extra, query: args.join(' '), error })}\n`);
  };
  if (name === undefined) {
    invalidJson('missing command');
    io.stderr.write(`rolecall: missing command\n\n${usage()}\n`);
    return EXIT.usage;
  }
  if (!commands.some((c) => c.name === name)) {
    invalidJson(`unknown command "${name}"`, { command: name });
    io.stderr.write(`rolecall: unknown command "${name}"\n\n${usage()}\n`);
    return EXIT.usage;
  }

  if ((flags.png !== undefined || flags.svg !== undefined) && !CHART_COMMANDS.includes(name)) {
    io.stderr.write(`rolecall: --png and --svg work with ${CHART_COMMANDS.join(', ')}\n`);
    return EXIT.usage;
  }
  if (flags.png === '' || flags.svg === '') {
    io.stderr.write('rolecall: --png and --svg need a file name\n');
    return EXIT.usage;
  }

  let core: Core;
  try {
    core = createCore(loadKnowledgeBase(process.env.ROLECALL_DATA_DIR || undefined));
  } catch (err) {
    if (err instanceof DataError) {
      io.stderr.write(`rolecall: ${err.message}\n`);
      return EXIT.data;
    }
    throw err;
  }

  if (name === 'role') {
    const query = args.join(' ');
    if (!query.trim()) {
      if (io.stdin.isTTY) {
        io.stderr.write('rolecall: give a role name, or pipe one query per line into `rolecall role`\n');
        return EXIT.usage;
      }
      const { lines, found } = await runBatch(core, io.stdin, io.stdout);
      return found === lines ? EXIT.ok : EXIT.unresolved;
    }
    if (query.length > MAX_OPTION_LENGTH) {
      const error = `a role name is at most ${MAX_OPTION_LENGTH} characters`;
      invalidJson(error);
      io.stderr.write(`rolecall: ${error}\n`);
      return EXIT.usage;
    }
    const res = core.resolve(query);
    if (flags.json) {
      io.stdout.write(`${JSON.stringify(resolutionJson(res))}\n`);
      return res.status === 'found' ? EXIT.ok : EXIT.unresolved;
    }
  }

  const dispatcher = new Dispatcher(core);
  const result = await dispatcher.run(name, rawInput(name, args, flags), { platform: 'cli' });
  if (result.outcome === 'invalid' || result.outcome === 'unknown_command') {
    invalidJson(result.view.description ?? result.view.title, { command: name });
    io.stderr.write(`rolecall: ${result.view.title}: ${result.view.description ?? ''}\n`);
    return EXIT.usage;
  }
  if (flags.json) io.stdout.write(`${JSON.stringify({ command: name, view: result.view })}\n`);
  else {
    const color = flags.color ?? Boolean(io.stdout.isTTY && !process.env.NO_COLOR);
    io.stdout.write(`${renderForTerminal(result.view, { color, width: Math.min(io.stdout.columns || 100, 110) })}\n`);
  }
  if (result.outcome === 'error') return 70;
  if ((flags.png || flags.svg) && !(await writeChart(result.view, { png: flags.png, svg: flags.svg }, io))) return 70;
  return result.view.kind === 'ambiguous' || result.view.kind === 'not_found' ? EXIT.unresolved : EXIT.ok;
}

// Run when executed directly (the bin), not when imported by tests.
const entry = process.argv[1] ?? '';
if (/[\\/](?:rolecall|main\.(?:js|ts))$/.test(entry)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`rolecall: unexpected failure: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 70;
    },
  );
}
