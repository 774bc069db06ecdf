import { parseArgs } from 'node:util';
import { createCore, type Core } from '../core/create.js';
import { openKnowledgeBase } from '../core/data/open.js';
import { DataError } from '../core/data/errors.js';
import { Dispatcher, type DispatchResult } from '../app/dispatch.js';
import { closestCommand } from '../app/command-names.js';
import { commands } from '../../commands/index.js';
import type { CommandDefinition } from '../../commands/command.js';
import { MAX_OPTION_LENGTH } from '../../commands/command.js';
import { packageInfo } from '../core/package-info.js';
import { jsonData, resolutionData } from '../../commands/command-data.js';
import { EXIT } from '../exit-codes.js';
import { renderForTerminal } from '../platforms/console/index.js';
import { resolutionJson } from './json-contract.js';
import { cliPublicUrl, pageUrlField } from './public-url.js';
import { runBatch } from './batch.js';
import type { BatchTally } from './batch-progress.js';
import { cliUsage, commandHelp, usage } from './usage.js';
import type { Io } from './io.js';
import { writeChart } from './chart-files.js';
import { CLI_SYNTAX } from './command-line.js';

/** Every choice option of every command is also a flag (`--market india`), so new commands need no CLI code. */
const CHOICE_FLAGS = [...new Set(commands.flatMap((c) => c.options.filter((o) => o.kind === 'choice').map((o) => o.name)))];

const FLAG_OPTIONS = {
  json: { type: 'boolean' },
  version: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  csv: { type: 'boolean' },
  column: { type: 'string' },
  'exit-zero': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  png: { type: 'string' },
  svg: { type: 'string' },
  ...Object.fromEntries(CHOICE_FLAGS.map((name) => [name, { type: 'string' as const }])),
} as const;

interface Flags {
  json?: boolean;
  version?: boolean;
  help?: boolean;
  csv?: boolean;
  column?: string;
  'exit-zero'?: boolean;
  color?: boolean;
  'no-color'?: boolean;
  png?: string;
  svg?: string;
  /** The choice options' flags: --market, --layer, … */
  [choice: string]: string | boolean | undefined;
}

const parseFlags = (args: string[]) => parseArgs({ args, options: FLAG_OPTIONS, allowPositionals: true, strict: true });

/** The commands whose answers carry a chart, for --png / --svg. */
const CHART_COMMANDS = ['salary', 'compare', 'path'];

/** Builds a command's raw input from positional arguments (joined as the text syntax) and flags. */
function rawInput(command: CommandDefinition, positionals: string[], flags: Flags): Record<string, unknown> {
  const joiner = command.name === 'compare' ? ' vs ' : command.name === 'path' && positionals.length === 2 ? ' to ' : command.name === 'match' ? ', ' : ' ';
  const text = positionals.join(joiner).trim();
  const raw: Record<string, unknown> = text ? command.parseText(text) : {};
  for (const option of command.options) {
    if (option.kind === 'choice' && flags[option.name] !== undefined) raw[option.name] = flags[option.name];
  }
  return raw;
}

const SEE_HELP = 'Run "rolecall help" to see the commands, or "rolecall help <command>" for one.';

function usageError(io: Io, message: string, tail: string = SEE_HELP): number {
  io.stderr.write(`rolecall: ${message}\n\n${tail}\n`);
  return EXIT.usage;
}

/** Under --json, bad usage is also a JSON line on stdout, so scripts need not parse stderr. */
function invalidJson(io: Io, json: boolean | undefined, fields: { command?: string; query: string; error: string }): void {
  if (json) io.stdout.write(`${JSON.stringify({ status: 'invalid', ...fields })}\n`);
}

/** A rejected input, in the CLI's syntax; under --json also as a JSON line on stdout. */
function invalid(io: Io, json: boolean | undefined, command: CommandDefinition, problem: string, query: string): number {
  invalidJson(io, json, { command: command.name, query, error: problem });
  io.stderr.write(`rolecall: ${problem}\nUsage: ${cliUsage(command)}\n`);
  return EXIT.usage;
}

async function loadCore(io: Io): Promise<Core | number> {
  try {
    return createCore(await openKnowledgeBase(process.env.ROLECALL_DATA_DIR || undefined));
  } catch (err) {
    if (err instanceof DataError) {
      io.stderr.write(`rolecall: ${err.message}\n`);
      return EXIT.data;
    }
    throw err;
  }
}

async function batch(core: Core, flags: Flags, io: Io): Promise<number> {
  let tally: BatchTally;
  if (flags.csv) {
    if (!flags.column)
      return usageError(
        io,
        'CSV mode needs the column that holds the titles: --column <name>',
        `Usage: rolecall role --csv --column <name> < in.csv > out.csv`,
      );
    // The CSV parser is loaded only for CSV input.
    const { CsvInputError, runCsvBatch } = await import('./csv-batch.js');
    try {
      tally = await runCsvBatch(core, flags.column, io.stdin, io.stdout, io.stderr);
    } catch (err) {
      if (err instanceof CsvInputError) return usageError(io, err.message, 'Usage: rolecall role --csv --column <name> < in.csv > out.csv');
      throw err;
    }
  } else tally = await runBatch(core, io.stdin, io.stdout, io.stderr);
  return tally.allFound || flags['exit-zero'] ? EXIT.ok : EXIT.failed;
}

export async function main(argv: string[], io: Io = process): Promise<number> {
  // `spotlight` has flags of its own (--day, --once, …), so it parses its own arguments.
  const first = argv.findIndex((a) => !a.startsWith('-'));
  if (argv[first] === 'spotlight') {
    const { spotlightCli } = await import('./spotlight.js');
    return spotlightCli([...argv.slice(0, first), ...argv.slice(first + 1)], io);
  }
  if (argv[first] === 'settings') {
    const { settingsCli } = await import('./settings.js');
    return settingsCli([...argv.slice(0, first), ...argv.slice(first + 1)], io);
  }
  if (argv[first] === 'db') {
    const { dbCli } = await import('./db.js');
    return dbCli([...argv.slice(0, first), ...argv.slice(first + 1)], io);
  }
  // The operator's export and erase of one person's data (--user); /profile itself is a chat command.
  if (argv[first] === 'profile') {
    const { profileCli } = await import('./profile.js');
    return profileCli([...argv.slice(0, first), ...argv.slice(first + 1)], io);
  }
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (err) {
    return usageError(io, (err as Error).message);
  }
  const flags = parsed.values as Flags;
  const [name, ...args] = parsed.positionals;
  if (flags.version) {
    io.stdout.write(`rolecall ${packageInfo().version}\n`);
    return EXIT.ok;
  }
  // Under --json, help is /help's answer with its data (the commands), like every other command.
  if ((name === 'help' && !flags.json) || (flags.help && name === undefined)) {
    const topic = name === 'help' ? args[0] : undefined;
    const command = topic ? commands.find((c) => c.name === topic) : undefined;
    if (topic && !command) return usageError(io, `unknown command "${topic}"`);
    // spotlight's CLI has subcommands and flags of its own, and its own help.
    if (command?.name === 'spotlight') return (await import('./spotlight.js')).spotlightCli(['--help'], io);
    if (command?.name === 'profile') return (await import('./profile.js')).profileCli(['--help'], io);
    if (command?.name === 'settings') return (await import('./settings.js')).settingsCli(['--help'], io);
    io.stdout.write(`${command ? commandHelp(command) : usage(commands)}\n`);
    return EXIT.ok;
  }
  if (name === undefined) {
    invalidJson(io, flags.json, { query: '', error: 'missing command' });
    return usageError(io, 'missing command', usage(commands));
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    invalidJson(io, flags.json, { command: name, query: args.join(' '), error: `unknown command "${name}"` });
    const guess = closestCommand(name, [...commands.map((c) => c.name), 'db']);
    return usageError(io, `unknown command "${name.slice(0, 40)}"${guess ? `. Did you mean "rolecall ${guess}"?` : ''}`);
  }
  if ((flags.png !== undefined || flags.svg !== undefined) && !CHART_COMMANDS.includes(command.name)) {
    return usageError(io, `--png and --svg work with ${CHART_COMMANDS.join(', ')}`, `Usage: ${cliUsage(command)}`);
  }
  if (flags.png === '' || flags.svg === '') return usageError(io, '--png and --svg need a file name', `Usage: ${cliUsage(command)}`);
  if (flags.help) {
    io.stdout.write(`${commandHelp(command)}\n`);
    return EXIT.ok;
  }

  if (command.name === 'ask') {
    const extra = Object.keys(flags).filter((f) => f !== 'json' && flags[f] !== undefined);
    if (extra.length) return usageError(io, `ask takes a question and --json, not --${extra[0]}`, 'Usage: rolecall ask "<question>" [--json]');
  }

  const pages = cliPublicUrl();
  if ('problem' in pages) return usageError(io, pages.problem);
  const core = await loadCore(io);
  if (typeof core === 'number') return core;
  if (command.name === 'ask') return (await import('./ask.js')).askCli(core, args, Boolean(flags.json), io, pages.url);
  const dispatcher = new Dispatcher(core, undefined, { publicUrl: pages.url });

  if (command.name === 'role') {
    const query = args.join(' ');
    if (!query.trim()) {
      if (io.stdin.isTTY)
        return usageError(
          io,
          'give a role name, or pipe one title per line into `rolecall role`',
          `Usage: ${cliUsage(command)}\n       rolecall role < titles.txt\n       rolecall role --csv --column <name> < in.csv > out.csv`,
        );
      return batch(core, flags, io);
    }
    if (query.length > MAX_OPTION_LENGTH) return invalid(io, flags.json, command, `a role name is at most ${MAX_OPTION_LENGTH} characters`, query);
    if (flags.json) {
      const res = core.resolve(query);
      const url = res.status === 'found' ? dispatcher.pageUrl?.({ kind: 'role', role: res.role.id }) : undefined;
      io.stdout.write(`${JSON.stringify({ ...resolutionJson(res), data: resolutionData(res), ...(url ? { url } : {}) })}\n`);
      return res.status === 'found' ? EXIT.ok : EXIT.failed;
    }
  }

  const result: DispatchResult = await dispatcher.run(command.name, rawInput(command, args, flags), { platform: 'cli' });
  if (result.outcome === 'invalid') return invalid(io, flags.json, command, result.problem ?? result.view.description ?? 'invalid input', args.join(' '));
  if (flags.json)
    io.stdout.write(`${JSON.stringify({ command: command.name, view: result.view, data: jsonData(result.data), ...pageUrlField(dispatcher, result.view) })}\n`);
  else {
    const color = flags['no-color'] ? false : (flags.color ?? Boolean(io.stdout.isTTY && !process.env.NO_COLOR));
    io.stdout.write(`${renderForTerminal(result.view, { color, width: Math.min(io.stdout.columns || 100, 110), actions: 'commands', syntax: CLI_SYNTAX })}\n`);
  }
  // The answer says what failed, with its error id.
  if (result.outcome === 'error') return EXIT.internal;
  if ((flags.png || flags.svg) && !(await writeChart(result.view, { png: flags.png, svg: flags.svg }, io))) return EXIT.internal;
  return result.view.kind === 'ambiguous' || result.view.kind === 'not_found' ? EXIT.failed : EXIT.ok;
}
