import * as z from 'zod';
import { defineCommand, type CommandDefinition } from './command.js';
import { kbView } from '../src/views/format.js';
import type { View } from '../src/views/view.js';

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
    run(_input, core): View {
      const meta = core.kb.reference.meta;
      return kbView(core.kb, {
        kind: 'help',
        title: 'RoleCall: AI career roles, answered in chat',
        description: `${core.kb.roles.length} GenAI career roles across a 6-layer AI stack, with pay in the US and India. Names are forgiving: typos, abbreviations and alternate titles work.`,
        sections: [
          ...list().map((c) => ({ heading: c.usage, body: c.description, items: c.examples.filter((e) => e !== c.usage) })),
          { heading: 'About the data', body: `${meta.snapshotNote} ${meta.aiMlDeveloper.note}` },
        ],
        actions: [
          { type: 'button', label: 'Browse roles', invoke: { command: 'roles', args: {} }, style: 'primary' },
          { type: 'button', label: 'AI Engineer', invoke: { command: 'role', args: { name: '#8' } } },
        ],
        private: true,
      });
    },
  });
}
