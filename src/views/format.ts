import type { Role, SalaryBand, SalaryExtra, SalaryLevel } from '../core/schema/role.js';
import type { Difficulty, LayerCode, Market } from '../core/schema/common.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import { type View, type ViewParts, view } from './view.js';

export const DIFFICULTY_LABEL: Record<Difficulty, string> = {
  accessible: 'Accessible',
  moderate: 'Moderate',
  advanced: 'Advanced',
  elite: 'Elite',
};

export const MARKET_LABEL: Record<Market, string> = { us: 'US', india: 'India' };

/** A phrase the data keeps in lower case, for use as a heading or a sentence start: "top rung…" → "Top rung…". */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A data phrase as a sentence of its own: capitalised, with a full stop unless it has one. */
export function asSentence(text: string): string {
  return `${capitalised(text)}${/[.!?]$/.test(text) ? '' : '.'}`;
}

/** "L5 Orchestration", "Cross-cutting". */
export function layerLabel(kb: KnowledgeBase, code: LayerCode): string {
  if (code === 'cross') return 'Cross-cutting';
  const layer = kb.reference.layers.find((l) => l.code === code);
  return layer ? `${code} ${layer.name}` : code;
}

/** "L5–L6" style span, only when it says more than the primary layer. */
export function layerSpan(role: Role): string | undefined {
  const [first, ...rest] = role.layers;
  if (first === undefined) return undefined;
  if (role.layers.length === 6) return 'all layers';
  if (rest.length === 0) return undefined;
  return `L${Math.min(...role.layers)}–L${Math.max(...role.layers)}`;
}

/** "$88K–$250K+", "₹6–12 LPA", "$115K". */
export function formatBand(market: Market, band: Pick<SalaryBand, 'min' | 'max' | 'plus'>): string {
  const plus = band.plus ? '+' : '';
  if (market === 'us') {
    return band.max === null ? `$${band.min}K${plus}` : `$${band.min}K–$${band.max}K${plus}`;
  }
  return band.max === null ? `₹${band.min}${plus} LPA` : `₹${band.min}–${band.max}${plus} LPA`;
}

export function formatLevel(market: Market, level: SalaryLevel): string {
  return `${formatBand(market, level)}${level.note ? ` ${level.note}` : ''}`;
}

export function formatExtra(market: Market, extra: SalaryExtra): string {
  // "FAANG TC" already says what the figure is; don't say TC twice.
  const named = new RegExp(`\\b${extra.basis}\\b`, 'i').test(extra.label);
  const basis = extra.basis === 'base' || named ? '' : ` ${extra.basis}`;
  return `${extra.label}: ${formatBand(market, extra)}${basis}`;
}

export const LEVELS = ['entry', 'mid', 'senior'] as const;
export const LEVEL_LABEL = { entry: 'Entry', mid: 'Mid', senior: 'Senior' } as const;

/** One line per level the reference gives, then the extras. */
export function salaryLines(role: Role, market: Market): string[] {
  const data = role.salary[market];
  const lines: string[] = [];
  for (const level of LEVELS) {
    const band = data[level];
    if (band) lines.push(`${band.label ?? LEVEL_LABEL[level]}: ${formatLevel(market, band)}`);
  }
  for (const extra of data.notes) lines.push(formatExtra(market, extra));
  return lines;
}

/** A compact cell for tables: "$140K–$211K", "—" when the reference gives none. */
export function salaryCell(role: Role, market: Market, level: (typeof LEVELS)[number]): string {
  const band = role.salary[market][level];
  return band ? formatBand(market, band) : '—';
}

export function headline(role: Role): string {
  const r = role.salary.us.range;
  return `${formatBand('us', r)}${r.basis === 'TC' ? ' TC' : ''}`;
}

/** A role's next moves as the reference lists them: "GenAI Engineer", "AI Research Scientist (NLP)", "CTO". */
export function progressionText(kb: KnowledgeBase, role: Role): string[] {
  return role.progression.map((p) => ('role' in p ? `${kb.role(p.role).name}${p.qualifier ? ` (${p.qualifier})` : ''}` : p.title));
}

export function roleRef(role: Role): string {
  return `#${role.number}`;
}

function footer(kb: KnowledgeBase) {
  return { asOf: kb.asOf, source: kb.reference.meta.title };
}

/** An answer from the knowledge base: the View defaults, with the data's source and date as its footer. */
export function kbView(kb: KnowledgeBase, parts: ViewParts): View {
  return view({ footer: footer(kb), ...parts });
}
