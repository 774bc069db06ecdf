import type { Core } from '../../core/index.js';
import type { Action, SelectAction, View } from '../view.js';
import { kbView, roleRef } from '../format.js';
import { comparePart, dayPart, skillsPart, stackPart, tiersPart, type PartContent } from './work.js';
import { ladderPart, payPart } from './pay.js';
import { conflictsPart, failurePart, marketPart, overviewPart, roadmapPart, sourcesPart } from './journey.js';
import type { AiEngineerDeepDive } from '../../core/schema/ai-engineer.js';
import type { KnowledgeBase } from '../../core/knowledge-base.js';

/** The AI Engineer deep-dive, one part per View so each fits a chat message. */
export const DEEP_DIVE_PARTS = [
  'overview',
  'tiers',
  'compare',
  'stack',
  'skills',
  'day',
  'ladder',
  'pay',
  'roadmap',
  'market',
  'failure',
  'disagreements',
  'sources',
] as const;
export type DeepDivePart = (typeof DEEP_DIVE_PARTS)[number];

export const DEEP_DIVE_LABEL: Record<DeepDivePart, string> = {
  overview: 'Overview: definitions and outlook',
  tiers: 'Three jobs behind one title',
  compare: 'vs ML Engineer, Data Scientist, Research Scientist',
  stack: 'Production stack and tools',
  skills: 'Skills in demand',
  day: 'Day to day',
  ladder: 'Career ladder by seniority',
  pay: 'Pay: US, UK and India ladders',
  roadmap: 'Roadmap into the role',
  market: 'Who hires, and market figures',
  failure: 'Why AI projects fail',
  disagreements: 'Where the sources disagree',
  sources: 'Sources',
};

/** Each part from the deep-dive; pay and ladder also set the reference's own figures beside the articles'. */
const BUILD: Record<DeepDivePart, (deep: AiEngineerDeepDive, kb: KnowledgeBase) => PartContent> = {
  overview: overviewPart,
  tiers: tiersPart,
  compare: comparePart,
  stack: stackPart,
  skills: skillsPart,
  day: dayPart,
  ladder: ladderPart,
  pay: payPart,
  roadmap: roadmapPart,
  market: marketPart,
  failure: failurePart,
  disagreements: conflictsPart,
  sources: sourcesPart,
};

/** The select that opens any part of the deep-dive (on the role card and on every part). */
export function deepDiveSelect(except?: DeepDivePart): SelectAction {
  return {
    type: 'select',
    placeholder: 'AI Engineer deep-dive…',
    options: DEEP_DIVE_PARTS.filter((p) => p !== except).map((part) => ({ label: DEEP_DIVE_LABEL[part], invoke: { command: 'deepdive', args: { part } } })),
  };
}

export function deepDiveView(core: Core, part: DeepDivePart): View {
  const deep = core.kb.aiEngineer;
  const content = BUILD[part](deep, core.kb);
  const role = core.kb.role(deep.meta.role);
  const actions: Action[] = [
    { type: 'button', label: 'Role card', invoke: { command: 'role', args: { name: roleRef(role) } } },
    { type: 'button', label: 'Salary', invoke: { command: 'salary', args: { role: roleRef(role) } } },
    deepDiveSelect(part),
  ];
  return kbView(core.kb, {
    kind: 'deep-dive',
    title: `${deep.meta.name} deep-dive: ${DEEP_DIVE_LABEL[part]}`,
    description: content.description,
    sections: content.sections,
    ...(content.table ? { table: content.table } : {}),
    actions,
  });
}
