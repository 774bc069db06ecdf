import type { Role } from './schema/role.js';
import type { Certification, InterviewRound, PortfolioProject, Reference } from './schema/reference.js';
import { type KnowledgeBase, workLayers } from './knowledge-base.js';
import { LayerCode } from './schema/common.js';

export interface RoundForRole {
  round: InterviewRound;
  /** Topics of the round, plus the role's own topics in the domain-specific round. */
  topics: string[];
  /** The take-home task of each layer the role works in (workLayers), where the round sets one. */
  tasks: Array<{ layer: LayerCode; task: string }>;
}

export interface RoleExtras {
  role: Role;
  interviewRounds: RoundForRole[];
  certifications: Certification[];
  projects: PortfolioProject[];
  hiringCompanies: string[];
  /** What the frontier labs require, per track (research, engineering) that hires in the role's layers. */
  frontierTracks: Reference['frontierLabs']['tracks'];
  /** The reference's job-search keywords that name this role. */
  keywords: string[];
}

const PRIORITY_ORDER = { high: 0, medium: 1, 'nice-to-have': 2 } as const;

export function extrasFor(kb: KnowledgeBase, role: Role): RoleExtras {
  const ref = kb.reference;
  const layers = workLayers(role);
  const interviewRounds: RoundForRole[] = [];
  for (const round of ref.interviewRounds) {
    const own = round.roleTopics.filter((rt) => rt.roles.includes(role.id)).flatMap((rt) => rt.topics);
    if (!kb.includes(round.appliesTo, role) && own.length === 0) continue;
    const tasks = layers.flatMap((layer) => round.layerTasks.filter((t) => t.layer === layer));
    interviewRounds.push({ round, topics: [...round.topics, ...own], tasks });
  }
  const certifications = ref.certifications
    .filter((c) => kb.includes(c.appliesTo, role))
    .sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority]);
  // Projects aimed at this role by name come before those for "all roles".
  const projects = ref.projects
    .filter((p) => kb.includes(p.appliesTo, role))
    .sort((a, b) => Number(!a.appliesTo.roles.includes(role.id)) - Number(!b.appliesTo.roles.includes(role.id)));
  const frontierTracks = ref.frontierLabs.tracks.filter((t) => t.layers.some((l) => layers.includes(l)));
  const keywords = ref.jobKeywords.flatMap((g) => g.keywords.filter((k) => k.roles.includes(role.id)).map((k) => k.keyword));
  return { role, interviewRounds, certifications, projects, hiringCompanies: role.hiringCompanies, frontierTracks, keywords };
}

/** The layers a project's "L4-5", "L6", "Cross" or "All" wording covers. */
export function projectLayers(project: PortfolioProject): LayerCode[] {
  const w = project.layers.trim().toLowerCase();
  if (w === 'all') return [...LayerCode.options];
  if (w.startsWith('cross')) return ['cross'];
  const m = /^l([1-6])(?:\s*-\s*l?([1-6]))?$/.exec(w);
  if (!m) return [];
  const [from, to] = [Number(m[1]), Number(m[2] ?? m[1])];
  const out: LayerCode[] = [];
  for (let n = Math.min(from, to); n <= Math.max(from, to); n++) out.push(`L${n}` as LayerCode);
  return out;
}

/** Projects for a layer: those whose layer wording covers it, or aimed at a role of that layer. */
export function projectsForLayer(kb: KnowledgeBase, layer: LayerCode): PortfolioProject[] {
  return kb.reference.projects.filter((p) => projectLayers(p).includes(layer) || kb.roles.some((r) => r.layer === layer && p.appliesTo.roles.includes(r.id)));
}
