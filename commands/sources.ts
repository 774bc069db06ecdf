import * as z from 'zod';
import { defineCommand, type CommandResult } from './command.js';
import { kbView } from '../src/views/format.js';
import { seedLabel } from '../src/views/deep-dive/format.js';

export const sources = defineCommand({
  name: 'sources',
  description: 'Where RoleCall’s facts and figures come from, and how current they are',
  usage: '/sources',
  examples: ['/sources'],
  options: [],
  input: z.object({}),
  parseText: () => ({}),
  run(_input, core): CommandResult {
    const { reference, aiEngineer } = core.kb;
    const view = kbView(core.kb, {
      kind: 'sources',
      title: 'Sources',
      description: reference.meta.snapshotNote,
      sections: [
        { heading: `${reference.meta.title}: its sources`, items: reference.sources },
        {
          heading: 'The AI Engineer deep-dive also draws on',
          items: aiEngineer.seeds
            .filter((s) => s.kind !== 'reference')
            .map((s) => `${seedLabel(s)}${s.dated ? `, ${s.dated}` : ''}${s.caveat ? `. ${s.caveat}` : ''}`),
        },
      ],
      actions: [{ type: 'button', label: 'Deep-dive sources', invoke: { command: 'deepdive', args: { part: 'sources' } } }],
    });
    return { view, data: { kind: 'sources', sources: reference.sources, seeds: aiEngineer.seeds } };
  },
});
