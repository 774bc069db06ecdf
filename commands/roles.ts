import * as z from 'zod';
import { defineCommand, type Choice, type CommandResult } from './command.js';
import { Difficulty, LayerCode, parseLayer } from '../src/core/schema/common.js';
import { AvailabilityLevel, EducationLevel } from '../src/core/browse.js';
import { notice } from '../src/views/cards/notice.js';
import { DIFFICULTY_LABEL, kbView, headline, layerLabel, roleRef } from '../src/views/format.js';
import type { Section, View } from '../src/views/view.js';
import type { KnowledgeBase } from '../src/core/knowledge-base.js';
import { difficultyCountNote, layerCountNote } from '../src/views/cards/disagreements.js';
import { roleRecord } from './command-data.js';

/** "Moderate entry: typically 1–3 yr. Usually a computer-science degree, …" from the reference's difficulty tiers. */
function tierNote(kb: KnowledgeBase, difficulty: Difficulty): string | undefined {
  const tier = kb.reference.difficultyTiers.find((t) => t.difficulty === difficulty);
  return tier ? `${DIFFICULTY_LABEL[difficulty]} entry: typically ${tier.experience}. ${tier.background}` : undefined;
}

/** "The stack runs from L6 Application (easiest entry) to L1 Infrastructure & Hardware (highest pay)." */
export function stackSpanNote(kb: KnowledgeBase): string {
  const { easiestEntry, highestPay } = kb.reference.meta.stackSpan;
  return `The stack runs from ${layerLabel(kb, easiestEntry)} (easiest entry) to ${layerLabel(kb, highestPay)} (highest pay).`;
}

/** Accepts "L5", "5", "layer 5", "cross", "cross-cutting" for the layer option. */
export const layerInput = z
  .string()
  .trim()
  .toLowerCase()
  .transform((s) => parseLayer(s) ?? (s.startsWith('cross') ? 'cross' : s))
  .pipe(z.enum(LayerCode.options, { error: 'expected a layer: L1 to L6, or cross' }));

export const difficultyInput = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(Difficulty.options, { error: 'expected a difficulty: accessible, moderate, advanced or elite' }));

/** The layer option's choices: /roles and /projects offer them, and Discord's /spotlight subscribe. */
export const LAYER_CHOICES: readonly Choice[] = [
  { value: 'L6', label: 'L6 Application' },
  { value: 'L5', label: 'L5 Orchestration' },
  { value: 'L4', label: 'L4 Fine-tuning & Evaluation' },
  { value: 'L3', label: 'L3 Inference & Serving' },
  { value: 'L2', label: 'L2 Foundation Model' },
  { value: 'L1', label: 'L1 Infrastructure & Hardware' },
  { value: 'cross', label: 'Cross-cutting' },
];

/** The difficulty option's choices, for /roles and Discord's /spotlight subscribe. */
export const DIFFICULTY_CHOICES: readonly Choice[] = Difficulty.options.map((d) => ({ value: d, label: DIFFICULTY_LABEL[d] }));

/** The most options one select holds on every platform (Discord's limit is the smallest). */
const SELECT_SIZE = 25;

function chunk<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

export const roles = defineCommand({
  name: 'roles',
  description: 'Browse the 31 roles, by layer of the AI stack and entry difficulty',
  usage: '/roles [layer] [difficulty]',
  examples: ['/roles', '/roles L5', '/roles accessible', '/roles L4 moderate'],
  options: [
    {
      name: 'layer',
      kind: 'choice',
      description: 'Layer of the AI stack',
      required: false,
      choices: LAYER_CHOICES,
    },
    {
      name: 'difficulty',
      kind: 'choice',
      description: 'Entry difficulty',
      required: false,
      choices: DIFFICULTY_CHOICES,
    },
    {
      name: 'education',
      kind: 'choice',
      description: 'Roles open with at most this education',
      required: false,
      choices: [
        { value: 'none', label: 'No degree' },
        { value: 'bachelor', label: "Bachelor's" },
        { value: 'master', label: "Master's" },
        { value: 'phd', label: 'PhD' },
      ],
    },
    {
      name: 'availability',
      kind: 'choice',
      description: 'At least this many openings',
      required: false,
      choices: [
        { value: 'high', label: 'High or very high' },
        { value: 'medium', label: 'Medium or more' },
        { value: 'niche', label: 'Any, niche included' },
      ],
    },
  ],
  input: z.object({
    layer: layerInput.optional(),
    difficulty: difficultyInput.optional(),
    education: z.string().trim().toLowerCase().pipe(EducationLevel).optional(),
    availability: z.string().trim().toLowerCase().pipe(AvailabilityLevel).optional(),
  }),
  parseText(text) {
    const out: Record<string, string> = {};
    const unknown: string[] = [];
    for (const word of text.trim().split(/\s+/).filter(Boolean)) {
      const w = word.toLowerCase();
      if (parseLayer(w)) out.layer = w;
      else if ((Difficulty.options as readonly string[]).includes(w)) out.difficulty = w;
      else unknown.push(word);
    }
    // An unrecognised word is passed on as a layer so validation names it, instead of being ignored.
    if (unknown.length > 0) out.layer = unknown.join(' ');
    return out;
  },
  run(filter, core): CommandResult {
    const found = core.browse(filter);
    const applied = [
      filter.layer && layerLabel(core.kb, filter.layer),
      filter.difficulty && DIFFICULTY_LABEL[filter.difficulty],
      filter.education && `at most ${filter.education} education`,
      filter.availability && `${filter.availability}+ availability`,
    ].filter(Boolean);
    if (found.length === 0) return notice('No roles match', `Nothing matches ${applied.join(', ')}. Try fewer filters.`, 'info');
    const layers = [...new Set(found.map((r) => r.layer))];
    const sections: Section[] = layers.map((code) => ({
      heading: layerLabel(core.kb, code),
      items: found.filter((r) => r.layer === code).map((r) => `${r.number}. ${r.name} · ${DIFFICULTY_LABEL[r.difficulty]} · ${headline(r)}`),
    }));
    const view: View = kbView(core.kb, {
      kind: 'list',
      title: applied.length ? `Roles: ${applied.join(', ')}` : `All ${found.length} roles`,
      description: [
        `${found.length} of ${core.kb.roles.length} roles. Pick one for its card.`,
        applied.length === 0 ? `${stackSpanNote(core.kb)} ${core.kb.reference.meta.stackModelNote}` : undefined,
        filter.layer && filter.layer !== 'cross' ? core.kb.reference.layers.find((l) => l.code === filter.layer)?.focus : undefined,
        filter.layer ? layerCountNote(core, filter.layer, found) : undefined,
        filter.difficulty ? tierNote(core.kb, filter.difficulty) : undefined,
        filter.difficulty ? difficultyCountNote(core, filter.difficulty, core.browse({ ...filter, difficulty: undefined })) : undefined,
      ]
        .filter(Boolean)
        .join(' '),
      sections,
      actions: chunk(found, SELECT_SIZE).map((part, _i, parts) => ({
        type: 'select' as const,
        // Every role stays reachable: a long list becomes several selects, each labelled with its span.
        placeholder: parts.length > 1 ? `Open a role card (${part[0]!.number}–${part.at(-1)!.number})` : 'Open a role card',
        options: part.map((r) => ({
          label: r.name,
          description: `${r.layer} · ${DIFFICULTY_LABEL[r.difficulty]}`,
          invoke: { command: 'role', args: { name: roleRef(r) } },
        })),
      })),
    });
    const { layer = null, difficulty = null, education = null, availability = null } = filter;
    return { view, data: { kind: 'roles', roles: found.map(roleRecord), filter: { layer, difficulty, education, availability } } };
  },
});
