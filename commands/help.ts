import * as z from 'zod';
import { defineCommand, spellCommand, type CommandContext, type CommandDefinition, type CommandResult } from './command.js';
import { kbView } from '../src/views/format.js';
import type { Section, View } from '../src/views/view.js';

/** What only some front ends add to /help: the console's own commands and how to press a button there. */
const FRONT_END_HELP: Partial<Record<CommandContext['platform'], Section>> = {
  console: {
    heading: 'In this console',
    items: [
      '/spotlight preview: this week’s role spotlight, as a subscribed channel would see it',
      'Type the number shown beside a button or a choice (2, or [2]) to run it; /help <command> shows one command',
      'A line without a slash looks up a role: AI Engineer',
      '/quit (or /exit, or Ctrl+D) leaves',
    ],
  },
};

/** /help lists the commands it is given, so it never drifts from the registry. */
export function createHelp(list: () => readonly CommandDefinition[]) {
  return defineCommand({
    name: 'help',
    description: 'What RoleCall can do, with examples',
    usage: '/help',
    examples: ['/help'],
    options: [],
    input: z.object({}),
    parseText: () => ({}),
    run(_input, core, ctx): CommandResult {
      const meta = core.kb.reference.meta;
      const own = FRONT_END_HELP[ctx.platform];
      const data = { kind: 'help' as const, commands: list().map(({ name, usage, description, examples }) => ({ name, usage, description, examples })) };
      const view: View = kbView(core.kb, {
        kind: 'help',
        title: 'RoleCall: AI career roles, answered in chat',
        description: `${core.kb.roles.length} GenAI career roles across a 6-layer AI stack, with pay in the US and India. Names are forgiving: typos, abbreviations and alternate titles work.`,
        sections: [
          ...list().map((c) => ({
            heading: spellCommand(c.usage, ctx.commandPrefix),
            body: c.description,
            items: c.examples.filter((e) => e !== c.usage).map((e) => spellCommand(e, ctx.commandPrefix)),
          })),
          { heading: 'About the data', body: `${meta.snapshotNote} ${meta.aiMlDeveloper.note}` },
          ...(own ? [own] : []),
        ],
        actions: [
          { type: 'button', label: 'Browse roles', invoke: { command: 'roles', args: {} }, style: 'primary' },
          { type: 'button', label: 'AI Engineer', invoke: { command: 'role', args: { name: '#8' } } },
        ],
        private: true,
      });
      return { view, data };
    },
  });
}
