import type { Role } from './schema/role.js';
import type { RoleId } from './schema/common.js';
import type { KnowledgeBase } from './knowledge-base.js';

/** One move on a path, and what in the reference backs it. */
export interface PathStep {
  from: Role;
  to: Role;
  /** "progression" (the role's own career progression) or the pathway track's name. */
  via: string;
}

export type CareerPathResult =
  | { status: 'same'; role: Role }
  | { status: 'found'; from: Role; to: Role; steps: PathStep[] }
  | { status: 'none'; from: Role; to: Role; reverse?: PathStep[] };

/**
 * Career paths as a graph over roles: an edge for each role-to-role career progression,
 * and one for each consecutive pair of role steps in a pathway track. Shortest route by BFS;
 * progression edges are preferred over track edges when both exist.
 */
export class CareerPaths {
  private readonly edges = new Map<RoleId, Array<{ to: RoleId; via: string }>>();

  constructor(private readonly kb: KnowledgeBase) {
    for (const role of kb.roles) {
      for (const step of role.progression) if ('role' in step) this.addEdge(role.id, step.role, 'progression');
    }
    for (const track of kb.reference.pathways.tracks) {
      for (let i = 0; i + 1 < track.steps.length; i++) {
        for (const a of track.steps[i]!) {
          for (const b of track.steps[i + 1]!) {
            if ('role' in a && 'role' in b) this.addEdge(a.role, b.role, track.name);
          }
        }
      }
    }
  }

  private addEdge(from: RoleId, to: RoleId, via: string): void {
    if (from === to) return;
    const list = this.edges.get(from) ?? [];
    if (!list.some((e) => e.to === to)) list.push({ to, via });
    this.edges.set(from, list);
  }

  /** Roles one move away from a role. */
  next(id: RoleId): Array<{ role: Role; via: string }> {
    return (this.edges.get(id) ?? []).map((e) => ({ role: this.kb.role(e.to), via: e.via }));
  }

  find(fromId: RoleId, toId: RoleId): CareerPathResult {
    const from = this.kb.role(fromId);
    const to = this.kb.role(toId);
    if (fromId === toId) return { status: 'same', role: from };
    const steps = this.bfs(fromId, toId);
    if (steps) return { status: 'found', from, to, steps };
    const reverse = this.bfs(toId, fromId);
    return reverse ? { status: 'none', from, to, reverse } : { status: 'none', from, to };
  }

  private bfs(fromId: RoleId, toId: RoleId): PathStep[] | undefined {
    const previous = new Map<RoleId, { from: RoleId; via: string }>();
    const queue: RoleId[] = [fromId];
    const seen = new Set<RoleId>([fromId]);
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (id === toId) break;
      for (const edge of this.edges.get(id) ?? []) {
        if (seen.has(edge.to)) continue;
        seen.add(edge.to);
        previous.set(edge.to, { from: id, via: edge.via });
        queue.push(edge.to);
      }
    }
    if (!previous.has(toId)) return undefined;
    const steps: PathStep[] = [];
    for (let at = toId; at !== fromId; ) {
      const p = previous.get(at)!;
      steps.unshift({ from: this.kb.role(p.from), to: this.kb.role(at), via: p.via });
      at = p.from;
    }
    return steps;
  }
}
