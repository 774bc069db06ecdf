import { createInterface } from 'node:readline';
import type { CommandContext } from '../../../commands/index.js';
import type { Dispatcher } from '../../app/dispatch.js';
import type { View } from '../../views/view.js';
import { renderForTerminal } from './render.js';

export interface ConsoleChatOptions {
  dispatcher: Dispatcher;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { columns?: number };
  color: boolean;
  /** Handed to every command, with the console's /spotlight access (see consoleSpotlightAccess). */
  ctx: CommandContext;
}

const GREETING = [
  'RoleCall console: try RoleCall before creating a bot account.',
  'Type /role AI Engineer, /compare AI Engineer vs ML Engineer, /roles L5, /path AI Engineer to AI Solutions Architect,',
  '/salary ML Engineer india, /match python, pytorch, sql, /spotlight preview, or /help. /quit leaves.',
].join('\n');

/** Splits "/compare a vs b" into the command name and its text; bare text is a role lookup. */
export function parseLine(line: string): { name: string; text: string } | undefined {
  const trimmed = line.trim();
  if (!trimmed) return undefined;
  const m = /^\/([a-z][\w-]*)\s*([\s\S]*)$/i.exec(trimmed);
  if (!m) return { name: 'role', text: trimmed };
  return { name: m[1]!.toLowerCase(), text: m[2]! };
}

/** A chat in the terminal over the same commands and Views as Discord and Slack. Resolves when the user quits. */
export async function runConsoleChat(opts: ConsoleChatOptions): Promise<void> {
  const { dispatcher, output } = opts;
  const rl = createInterface({ input: opts.input, output, prompt: 'rolecall> ', terminal: 'isTTY' in opts.input });
  const write = (view: View) =>
    output.write(`\n${renderForTerminal(view, { color: opts.color, width: Math.min(output.columns || 100, 110) })}\n\n`);
  output.write(`${GREETING}\n\n`);
  rl.prompt();
  for await (const line of rl) {
    const parsed = parseLine(line);
    if (parsed?.name === 'quit' || parsed?.name === 'exit') break;
    if (parsed) {
      write((await dispatcher.runText(parsed.name, parsed.text, opts.ctx)).view);
    }
    rl.prompt();
  }
  rl.close();
}
