import * as z from 'zod';
import { defineCommand } from './command.js';
import { deepDiveData } from './command-data.js';
import { DEEP_DIVE_LABEL, DEEP_DIVE_PARTS, deepDiveView } from '../src/views/deep-dive/index.js';

export const deepdive = defineCommand({
  name: 'deepdive',
  description: 'The AI Engineer deep-dive: tiers, comparisons, stack, day-to-day, pay ladders, roadmap',
  usage: '/deepdive [part]',
  examples: ['/deepdive', '/deepdive compare', '/deepdive pay', '/deepdive roadmap'],
  options: [
    {
      name: 'part',
      kind: 'choice',
      description: 'Which part (default: overview)',
      required: false,
      choices: DEEP_DIVE_PARTS.map((p) => ({ value: p, label: DEEP_DIVE_LABEL[p] })),
    },
  ],
  input: z.object({
    part: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(DEEP_DIVE_PARTS, { error: `expected a part: ${DEEP_DIVE_PARTS.join(', ')}` }))
      .default('overview'),
  }),
  parseText: (text) => ({ part: text }),
  run: ({ part }, core) => ({ view: deepDiveView(core, part), data: deepDiveData(core.kb.aiEngineer, part) }),
});
