import type { Core } from '../core/index.js';
import type { Role } from '../core/schema/role.js';
import { salaryChart } from './chart.js';
import type { ChartSpec } from './chart-spec.js';
import { DIFFICULTY_LABEL, headline, layerLabel, salaryCell } from './format.js';
import type { View } from './view.js';

/**
 * The picture a shared link shows (og:image): what to draw, never how, like a ChartSpec.
 * `src/charts/` draws it at 1200×630 and clips every line to fit; `alt` says it all in words.
 */
export interface ShareCard {
  /** The small line above the title: "Role 8 of 31". */
  eyebrow: string;
  title: string;
  subtitle: string;
  /** At most three short figures in large type: "US $100K–$350K+". */
  facts: string[];
  /** One market's pay bars or the route; a card never mixes $ and ₹ on one axis. */
  chart?: ChartSpec;
  /** "RoleCall · data as of 2026-03 · <the reference's title>". */
  footer: string;
  alt: string;
}

function footerOf(core: Core): string {
  return `RoleCall · data as of ${core.kb.asOf} · ${core.kb.reference.meta.title}`;
}

/** Only the US panel of a range chart: the card has room for one axis. */
function usOnly(chart: ChartSpec | undefined): ChartSpec | undefined {
  if (!chart || chart.kind === 'path-map') return chart;
  const us = chart.panels.filter((p) => p.market === 'us');
  return us.length ? { ...chart, panels: us } : undefined;
}

function card(parts: Omit<ShareCard, 'alt'>): ShareCard {
  const facts = parts.facts.length ? ` ${parts.facts.join('; ')}.` : '';
  return { ...parts, alt: `${parts.title}. ${parts.subtitle}${facts}` };
}

/** A role's card: its layer and difficulty, the headline US range, India mid-level pay, and the US bars by level. */
export function roleShareCard(core: Core, role: Role): ShareCard {
  return card({
    eyebrow: `Role ${role.number} of ${core.kb.roles.length}`,
    title: role.name,
    subtitle: `${layerLabel(core.kb, role.layer)} · ${DIFFICULTY_LABEL[role.difficulty]} entry · ${role.availability} availability`,
    facts: [`US ${headline(role)}`, `India mid ${salaryCell(role, 'india', 'mid')}`],
    chart: salaryChart(role, ['us']),
    footer: footerOf(core),
  });
}

/** A comparison's or a path's card, from the answer's own View: its title, description and chart. */
export function viewShareCard(core: Core, view: View, eyebrow: string): ShareCard {
  const chart = usOnly(view.chart);
  return card({ eyebrow, title: view.title, subtitle: view.description ?? '', facts: [], ...(chart ? { chart } : {}), footer: footerOf(core) });
}

/** The index's card: how many roles, over how many layers. */
export function indexShareCard(core: Core): ShareCard {
  const layers = core.kb.reference.layers.length;
  return card({
    eyebrow: 'RoleCall',
    title: `${core.kb.roles.length} GenAI career roles`,
    subtitle: `Across a ${layers}-layer AI stack: what each role does, how hard it is to get in, and what it pays in the US and India.`,
    facts: [],
    footer: footerOf(core),
  });
}
