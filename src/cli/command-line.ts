import { commands } from '../../commands/index.js';
import type { Invocation } from '../views/view.js';

/** A choice as the CLI command that runs it: `rolecall salary "#26" --market india`. */
export function cliCommandOf(inv: Invocation): string {
  const def = commands.find((c) => c.name === inv.command);
  if (!def) return `rolecall ${inv.command}`;
  const positionals = def.options.filter((o) => o.kind !== 'choice' && inv.args[o.name] !== undefined).map((o) => JSON.stringify(inv.args[o.name]));
  const flags = def.options
    .filter((o) => o.kind === 'choice' && inv.args[o.name] !== undefined && !(o.name === 'market' && inv.args[o.name] === 'both'))
    .map((o) => `--${o.name} ${inv.args[o.name]}`);
  return ['rolecall', inv.command, ...positionals, ...flags].join(' ');
}

/** The terminal renderer's CLI wording: choices as commands, and "/roles" in answers as "rolecall roles". */
export const CLI_SYNTAX = { commandLine: cliCommandOf, commandNames: commands.map((c) => c.name) } as const;
