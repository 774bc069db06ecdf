import { createInterface } from 'node:readline';
import type { CommandContext } from '../../../commands/index.js';
import type { Dispatcher } from '../../app/dispatch.js';
import { commands } from '../../../commands/index.js';
import { view as makeView, type View } from '../../views/view.js';
import { MemoryConversations, QuestionDesk } from '../shared/questions.js';
import { menuOf, renderForTerminal, type MenuEntry } from './render.js';

export interface ConsoleChatOptions {
  dispatcher: Dispatcher;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { columns?: number };
  color: boolean;
  /** Handed to every command, with the console's /spotlight access (see consoleSpotlightAccess). */
  ctx: CommandContext;
  /** Ends the chat as if the person had quit. */
  signal?: AbortSignal;
}

const GREETING = [
  'RoleCall console: try RoleCall before creating a bot account.',
  'Type /role AI Engineer, /compare AI Engineer vs ML Engineer, /roles L5, /path AI Engineer to AI Solutions Architect,',
  '/salary ML Engineer india, /match python, pytorch, sql, /prep RAG Engineer, /certs, /companies india, /spotlight preview,',
  'or /help. Or just ask: "how much do ML engineers make in india?", then "and for senior?".',
  'A number (or [n]) picks button n. Tab completes commands and role names. /help <command> shows one. /quit leaves.',
].join('\n');

/** Words that mean a command even when typed without the slash. */
const BARE_COMMANDS = new Set(['help', 'quit', 'exit']);

export type ConsoleLine = { kind: 'command'; name: string; text: string } | { kind: 'choice'; index: number } | { kind: 'question'; text: string };

/** Splits "/compare a vs b" into the command name and its text; a number picks a menu entry; other text is a question (/ask). */
export function parseLine(line: string): ConsoleLine | undefined {
  const trimmed = line.trim();
  if (!trimmed) return undefined;
  // "2" and "[2]" (as the buttons are shown) both pick button 2.
  const number = /^\[?(\d{1,3})\]?$/.exec(trimmed);
  if (number && trimmed.startsWith('[') === trimmed.endsWith(']')) return { kind: 'choice', index: Number(number[1]) };
  if (BARE_COMMANDS.has(trimmed.toLowerCase())) return { kind: 'command', name: trimmed.toLowerCase(), text: '' };
  const m = /^\/([a-z][\w-]*)\s*([\s\S]*)$/i.exec(trimmed);
  if (!m) return { kind: 'question', text: trimmed };
  return { kind: 'command', name: m[1]!.toLowerCase(), text: m[2]! };
}

/** `/help compare`: one command's usage, description and examples, as the CLI's `rolecall help compare`. */
function commandHelpView(name: string): View | undefined {
  const def = commands.find((c) => c.name === name);
  if (!def) return undefined;
  return makeView({ kind: 'help', title: def.usage, description: def.description, sections: [{ heading: 'Examples', items: [...def.examples] }] });
}

/** The commands the chat answers, for tab completion. */
const COMMAND_WORDS = [...commands.map((c) => `/${c.name}`), '/quit', '/exit'];
/** The commands whose first argument is a role name. */
const ROLE_COMMANDS = new Set(['role', 'salary', 'compare', 'path', 'prep', 'certs', 'projects']);

/** readline's completer: a command after "/", a role name after a command that takes one. */
export function completer(roleNames: readonly string[]): (line: string) => [string[], string] {
  return (line) => {
    const command = /^\/([a-z-]*)$/i.exec(line);
    if (command) {
      const hits = COMMAND_WORDS.filter((w) => w.startsWith(line.toLowerCase()));
      return [hits, line];
    }
    const role = /^\/([a-z-]+)\s+(.*)$/i.exec(line);
    if (role && ROLE_COMMANDS.has(role[1]!.toLowerCase())) {
      const typed = role[2]!;
      return [roleNames.filter((n) => n.toLowerCase().startsWith(typed.toLowerCase())), typed];
    }
    return [[], line];
  };
}

/** A chat in the terminal over the same commands and Views as Discord and Slack. Resolves when the user quits. */
export async function runConsoleChat(opts: ConsoleChatOptions): Promise<void> {
  const { dispatcher, output } = opts;
  const rl = createInterface({
    input: opts.input,
    output,
    prompt: 'rolecall> ',
    terminal: 'isTTY' in opts.input,
    completer: completer(dispatcher.core.kb.roles.map((r) => r.name)),
  });
  // Ctrl+C clears a half-typed line, and leaves only from an empty one.
  rl.on('SIGINT', () => {
    if (rl.line) {
      rl.write(null, { ctrl: true, name: 'u' });
      output.write('\n');
      prompt();
    } else rl.close();
  });
  const { ctx } = opts;
  // The input may end (Ctrl+D, a piped file) while a command still runs; Node 24's readline
  // throws on a prompt after that, so prompt only while it is open.
  let closed = false;
  rl.once('close', () => {
    closed = true;
  });
  opts.signal?.addEventListener('abort', () => rl.close(), { once: true });
  const prompt = () => {
    if (!closed) rl.prompt();
  };
  let menu: MenuEntry[] = [];
  // Before any answer a lone number is a role number; after one, it picks that answer's choices.
  let answered = false;
  // The session is the conversation: follow-ups ("and in india?") refine the last answer.
  const questions = new QuestionDesk({ dispatcher, memory: new MemoryConversations(), rate: false });
  const session = { platform: 'console' as const, workspaceId: '', conversationId: 'session', userId: ctx.invoker?.userId ?? 'you' };
  const show = (view: View) => {
    answered = true;
    menu = menuOf(view);
    output.write(`\n${renderForTerminal(view, { color: opts.color, width: Math.min(output.columns || 100, 110), actions: 'numbered' })}\n\n`);
  };
  output.write(`${GREETING}\n\n`);
  prompt();
  for await (const line of rl) {
    const parsed = parseLine(line);
    if (parsed?.kind === 'command' && (parsed.name === 'quit' || parsed.name === 'exit')) {
      output.write('Goodbye.\n');
      break;
    }
    if (parsed?.kind === 'choice') {
      const entry = menu[parsed.index - 1];
      if (entry) show((await dispatcher.runInvocation(entry.invoke, ctx)).view);
      else if (menu.length) output.write(`\nChoose 1–${menu.length}, or type a command.\n\n`);
      else if (answered) output.write(`\nThat answer has no choices. /role #${parsed.index} opens role ${parsed.index}.\n\n`);
      // Before any answer, a number is a role number: "8" is AI Engineer.
      else show((await dispatcher.runText('role', `#${parsed.index}`, ctx)).view);
    } else if (parsed?.kind === 'question') {
      const asked = await questions.ask(session, parsed.text, ctx);
      if (asked.kind === 'answer') show(asked.result.view);
    } else if (parsed?.kind === 'command' && parsed.name === 'help' && parsed.text.trim()) {
      const help = commandHelpView(parsed.text.trim().replace(/^\//, '').toLowerCase());
      if (help) show(help);
      else output.write(`\nNo command "${parsed.text.trim().slice(0, 40)}". /help lists them.\n\n`);
    } else if (parsed) {
      show((await dispatcher.runText(parsed.name, parsed.text, ctx)).view);
    }
    prompt();
  }
  rl.close();
}
