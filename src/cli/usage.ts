import type { CommandDefinition, OptionSpec } from '../../commands/command.js';

/** Options a choice becomes on the command line: `--market us|india|both`. */
export function choiceFlag(option: Extract<OptionSpec, { kind: 'choice' }>): string {
  return `--${option.name} ${option.choices.map((c) => c.value).join('|')}`;
}

/** The positional name for a role or text option: "<role>", "<from>", "<skills>". */
function positional(option: OptionSpec): string {
  const base = option.name.replace(/_[a-z]$/, '');
  return `<${base === 'name' ? 'role' : base}>`;
}

/**
 * A command's usage in the CLI's own syntax, derived from its options: role and text options
 * are positional arguments (quote a name with spaces), choices are flags.
 *   rolecall compare <role> <role> [<role>] [<role>]
 */
export function cliUsage(command: CommandDefinition, { compact = false } = {}): string {
  const parts = command.options.map((o) => {
    const token = o.kind === 'choice' ? (compact ? `--${o.name} <${o.name}>` : choiceFlag(o)) : positional(o);
    return o.required ? token : `[${token}]`;
  });
  return ['rolecall', command.name, ...parts].join(' ');
}

/** The CLI's help: every command with its usage and description, then the shared flags. */
export function usage(commands: readonly CommandDefinition[]): string {
  // spotlight, profile and settings have CLIs of their own (subcommands and flags), listed below.
  const rows: Array<[string, string]> = commands
    .filter((c) => c.name !== 'spotlight' && c.name !== 'profile' && c.name !== 'settings')
    .map((c) => [cliUsage(c, { compact: true }).replace(/^rolecall /, ''), c.description]);
  rows.push(['spotlight <subcommand>', 'The weekly role spotlight: add, list, status, preview, run --once, … (rolecall spotlight --help)']);
  rows.push([
    'profile export|delete --user <user>',
    "A person's saved data, for privacy requests by email: print it as JSON, or erase it (rolecall profile --help)",
  ]);
  rows.push(['settings show|set|reset', 'A workspace’s settings: --workspace discord:<id>|slack:<id>, --market, … (rolecall settings --help)']);
  rows.push(['db migrate', 'Apply pending database migrations (ROLECALL_DB), then exit']);
  const width = Math.min(48, Math.max(...rows.map(([u]) => u.length)) + 2);
  const line = ([u, d]: [string, string]) => (u.length + 2 > width ? `  ${u}\n  ${''.padEnd(width)}${d}` : `  ${u.padEnd(width)}${d}`);
  return [
    'Usage: rolecall <command> [arguments] [--json]',
    '',
    ...rows.map(line),
    '',
    "rolecall help <command> shows a command's choices and examples. Quote names with spaces:",
    '  rolecall compare "AI Engineer" "ML Engineer"',
    'rolecall role with no name reads one title per line from standard input and prints one JSON object per line;',
    'with --csv --column <name> it reads a CSV and writes it back with the mapped role appended to each row.',
    'rolecall ask "<question>" answers a question in plain words; with no question it reads one per line and prints JSON lines.',
    '',
    'Flags: --json  machine-readable output      --csv --column <name>  CSV batch mode',
    '       --exit-zero  batch mode exits 0 even when some titles are ambiguous or not found',
    '       --png FILE, --svg FILE  write the chart (salary, compare and path)',
    '       --no-color  plain text               -h, --help  this help (also: rolecall help [command])',
    '       --version  the version',
    'Exit codes: 0 answered (also when the reader closes the pipe early: rolecall roles | head -1),',
    '            1 ambiguous or not found, 2 bad usage, 3 invalid role data, 70 an unexpected failure.',
  ].join('\n');
}

/**
 * A chat example's text as the CLI's arguments: each role of compare and path, each skill of
 * match its own quoted argument (as its usage line has them); anything else one argument.
 */
function cliArguments(command: CommandDefinition, text: string): string[] {
  if (!text) return [];
  const separator = command.name === 'compare' ? /\s+vs\s+|\s*,\s*/i : command.name === 'path' ? /\s+to\s+/i : command.name === 'match' ? /\s*,\s*/ : undefined;
  return (separator ? text.split(separator) : [text]).map((a) => JSON.stringify(a));
}

/** `rolecall help <command>`: its usage, description and examples in CLI syntax. */
export function commandHelp(command: CommandDefinition): string {
  const examples = command.examples.map((e) => ['rolecall', command.name, ...cliArguments(command, e.replace(/^\/\S+\s*/, ''))].join(' '));
  return [`Usage: ${cliUsage(command)}`, '', command.description, '', 'Examples:', ...examples.map((e) => `  ${e}`)].join('\n');
}
