import type { Core } from '../core/index.js';
import type { Difficulty, LayerCode } from '../core/schema/common.js';
import type { Role } from '../core/schema/role.js';
import type { AskChoice, AskIntent, AskInvocation, AskLevel, AskMarket } from './types.js';

/**
 * A reading of a question: a command and the entities it runs with. Each becomes one
 * invocation (what the Dispatcher runs), one "understood" line and, for choices, one label.
 */
export interface Reading {
  intent: AskIntent;
  roles: Role[];
  /** For salary: "both" when the question names the US and India. */
  market?: AskMarket | 'both';
  level?: AskLevel;
  layer?: LayerCode;
  difficulty?: Difficulty;
  education?: 'none';
  skills?: string[];
  /** companies: a tier number or "india". */
  which?: string;
  /** deepdive: the part. */
  part?: string;
  /** role: what the card answers here ("how to get in", "who hires"). */
  angle?: string;
}

const ref = (r: Role) => `#${r.number}`;
const SLOTS = ['role_a', 'role_b', 'role_c', 'role_d'] as const;
const MARKET_TEXT: Record<AskMarket | 'both', string> = { us: 'the US', india: 'India', uk: 'the UK', both: 'the US and India' };
const LEVEL_TEXT: Record<AskLevel, string> = { entry: 'entry level', mid: 'mid level', senior: 'senior level', staff: 'staff level' };
const PART_TEXT: Record<string, string> = {
  overview: 'overview',
  tiers: 'three jobs behind one title',
  compare: 'compared with ML Engineer, Data Scientist and Research Scientist',
  stack: 'the production stack',
  skills: 'skills in demand',
  day: 'day to day',
  ladder: 'career ladder',
  pay: 'pay ladders',
  roadmap: 'roadmap into the role',
  market: 'who hires, and the market',
  failure: 'why AI projects fail',
  disagreements: 'where the sources disagree',
  sources: 'sources',
};

export function invocationOf(r: Reading): AskInvocation {
  const [first] = r.roles;
  const args: Record<string, string> = {};
  switch (r.intent) {
    case 'role':
      args.name = ref(first!);
      break;
    case 'compare':
      r.roles.slice(0, 4).forEach((role, i) => (args[SLOTS[i]!] = ref(role)));
      break;
    case 'path':
      args.from = ref(first!);
      if (r.roles[1]) args.to = ref(r.roles[1]);
      break;
    case 'roles':
      if (r.layer) args.layer = r.layer;
      if (r.difficulty) args.difficulty = r.difficulty;
      if (r.education) args.education = r.education;
      break;
    case 'salary':
      args.role = ref(first!);
      args.market = r.market ?? 'both';
      if (r.level) args.level = r.level;
      break;
    case 'skills':
      args.skill = r.skills![0]!;
      break;
    case 'match':
      args.skills = r.skills!.join(', ');
      break;
    case 'prep':
      args.role = ref(first!);
      break;
    case 'certs':
      if (first) args.role = ref(first);
      break;
    case 'projects':
      if (first) args.role = ref(first);
      else if (r.layer) args.layer = r.layer;
      break;
    case 'companies':
      if (r.which) args.which = r.which;
      break;
    case 'deepdive':
      if (r.part) args.part = r.part;
      break;
    default:
      break;
  }
  return { command: r.intent, args };
}

function names(roles: readonly Role[]): string {
  const n = roles.map((r) => r.name);
  return n.length <= 1 ? (n[0] ?? '') : `${n.slice(0, -1).join(', ')} and ${n.at(-1)}`;
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The one line an answer opens with: what RoleCall took the question to ask. */
export function understoodLine(core: Core, r: Reading): string {
  const [first] = r.roles;
  const layer = r.layer
    ? r.layer === 'cross'
      ? 'cross-cutting'
      : `${r.layer} ${core.kb.reference.layers.find((l) => l.code === r.layer)?.name ?? ''}`.trim()
    : undefined;
  const extras = (parts: Array<string | undefined>) => {
    const shown = parts.filter(Boolean);
    return shown.length ? ` (${shown.join(', ')})` : '';
  };
  switch (r.intent) {
    case 'role':
      return `${first!.name}: the role card${extras([r.angle])}`;
    case 'compare':
      return `Comparing ${names(r.roles)}${extras([r.market && r.market !== 'both' ? `pay in ${MARKET_TEXT[r.market]}` : undefined, r.level && `for ${LEVEL_TEXT[r.level]}`])}`;
    case 'path':
      return r.roles[1] ? `Career path from ${first!.name} to ${r.roles[1].name}` : `Next career moves from ${first!.name}`;
    case 'roles': {
      const filters = [layer, r.difficulty && `${r.difficulty} entry`, r.education && 'no degree needed'].filter(Boolean);
      return filters.length ? `Roles: ${filters.join(', ')}` : `All ${core.kb.roles.length} roles`;
    }
    case 'salary':
      return `${first!.name} pay in ${MARKET_TEXT[r.market ?? 'both']}${r.level ? `, ${LEVEL_TEXT[r.level]}` : ''}`;
    case 'skills':
      return `Roles that use ${r.skills![0]}`;
    case 'match':
      return `Roles that fit ${list(r.skills!)}`;
    case 'prep':
      return `Interview prep for ${first!.name}`;
    case 'certs':
      return first ? `Certifications for ${first.name}` : 'The certification roadmap';
    case 'projects':
      return first ? `Portfolio projects for ${first.name}` : layer ? `Portfolio projects for ${layer}` : 'Portfolio project ideas';
    case 'companies': {
      if (r.which === 'india') return 'Where to look in India: companies, job platforms and pay';
      const tier = r.which ? core.kb.reference.companyTiers.find((t) => String(t.tier) === r.which) : undefined;
      return tier ? `Target companies, tier ${tier.tier}: ${tier.name}` : 'Target companies by tier';
    }
    case 'deepdive':
      return `The AI Engineer deep-dive: ${PART_TEXT[r.part ?? 'overview'] ?? r.part}`;
    case 'sources':
      return 'Where RoleCall’s facts and figures come from';
    case 'help':
      return 'What RoleCall can do';
  }
}

/** A reading as a choice: its understood line is its label. */
export function choiceOf(core: Core, r: Reading, description?: string): AskChoice {
  const label = understoodLine(core, r);
  return { label: label.length > 80 ? `${label.slice(0, 79)}…` : label, ...(description ? { description } : {}), invoke: invocationOf(r) };
}
