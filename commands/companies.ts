import * as z from 'zod';
import { defineCommand, type CommandResult } from './command.js';
import { kbView } from '../src/views/format.js';
import { notice } from '../src/views/cards/notice.js';
import type { Action, Section } from '../src/views/view.js';
import type { KnowledgeBase } from '../src/core/knowledge-base.js';

const WHICH = ['1', '2', '3', '4', '5', 'india'] as const;

/** "tier 2", "t2", "2", "India", "in" → the option value. */
const whichInput = z
  .string()
  .trim()
  .toLowerCase()
  .transform((s) => {
    const tier = /^(?:tier\s*|t)?([1-9])$/.exec(s);
    if (tier) return tier[1]!;
    return s === 'in' || s === 'indian' ? 'india' : s;
  })
  .pipe(z.enum(WHICH, { error: 'expected a tier from 1 to 5, or india' }));

const tierActions = (current: string): Action[] => [
  ...WHICH.filter((w) => w !== current).map(
    (w): Action => ({
      type: 'button',
      label: w === 'india' ? 'India' : `Tier ${w}`,
      invoke: { command: 'companies', args: { which: w } },
    }),
  ),
];

function indiaView(kb: KnowledgeBase): CommandResult {
  const india = kb.reference.india;
  // The reference's India footnotes among its general salary notes.
  const indiaNotes = kb.reference.salaryNotes.filter((n) => /\bIndia\b/.test(n));
  const sections: Section[] = [
    ...india.groups.map((g) => ({ heading: g.name, body: g.companies.join(', ') })),
    { heading: 'Job platforms', body: india.platforms.join(', ') },
    { heading: 'Pay in India', items: [...india.salaryContext, ...indiaNotes] },
  ];
  const view = kbView(kb, {
    kind: 'companies',
    title: 'Where to look in India',
    description: 'Companies hiring for AI roles in India by kind, the job platforms to search, and how pay varies by employer and city.',
    sections,
    actions: tierActions('india'),
  });
  return { view, data: { kind: 'companies', tiers: [], india } };
}

export const companies = defineCommand({
  name: 'companies',
  description: 'Target companies by tier, or with "india" the India lists, job platforms and pay context',
  usage: '/companies [tier | india]',
  examples: ['/companies', '/companies 1', '/companies india'],
  options: [
    {
      name: 'which',
      kind: 'choice',
      description: 'A tier, or India (default: all tiers)',
      required: false,
      choices: WHICH.map((w) => ({ value: w, label: w === 'india' ? 'India' : `Tier ${w}` })),
    },
  ],
  input: z.object({ which: whichInput.optional() }),
  parseText: (text) => ({ which: text }),
  run({ which }, core): CommandResult {
    const kb = core.kb;
    if (which === 'india') return indiaView(kb);
    const tiers = kb.reference.companyTiers.filter((t) => which === undefined || String(t.tier) === which);
    if (tiers.length === 0) return notice(`No tier ${which}`, `The reference has tiers 1 to ${kb.reference.companyTiers.length}.`, 'info');
    const all = kb.reference.companyTiers;
    const view = kbView(kb, {
      kind: 'companies',
      title: which ? `Tier ${which} companies` : 'Target companies by tier',
      // The span of all tiers introduces the whole list; one tier says where it sits instead.
      description: which
        ? `Tier ${which} of the reference's ${all.length} tiers of target companies.`
        : `From tier 1, ${all[0]!.name} (${all[0]!.trait}), to tier ${all.at(-1)!.tier}, ${all.at(-1)!.name} (${all.at(-1)!.trait}).`,
      sections: tiers.map((t) => ({ heading: `Tier ${t.tier}: ${t.name} (${t.trait})`, body: t.companies.join(', ') })),
      actions: tierActions(which ?? ''),
    });
    return { view, data: { kind: 'companies', tiers, india: null } };
  },
});
