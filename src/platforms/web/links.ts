import { COMPARE_SLOTS } from '../../../commands/compare.js';
import type { KnowledgeBase } from '../../core/knowledge-base.js';
import { pagePath } from '../../views/page-url.js';
import { DEEP_DIVE_PARTS, type DeepDivePart } from '../../views/deep-dive/index.js';
import type { Invocation } from '../../views/view.js';

/**
 * Where a View's buttons and selects lead on the web: the page that answers the same command,
 * or a part of a role's page. What no page answers has no link, and the renderer leaves it out.
 */

/** The parts of a role's page that other answers link to. */
export const ROLE_ANCHORS = {
  pay: 'pay',
  moves: 'career-moves',
  prep: 'interview-prep',
  certs: 'certifications',
  projects: 'projects',
  deepDive: 'deep-dive',
  sources: 'sources',
} as const;

export const deepDiveAnchor = (part: DeepDivePart) => `${ROLE_ANCHORS.deepDive}-${part}`;

/**
 * How an invocation's role argument becomes a URL segment: "#8" → "ai-engineer". Anything else
 * has no segment, unless the page says otherwise (a 404 keeps what the visitor typed, encoded).
 */
export type SegmentOf = (arg: string) => string | undefined;

export function refSegment(kb: KnowledgeBase): SegmentOf {
  return (arg) => {
    const m = /^#(\d{1,3})$/.exec(arg);
    return m ? kb.byNumber.get(Number(m[1]))?.id : undefined;
  };
}

/** The root-relative path an invocation leads to, or undefined when no page answers it. */
export function invocationPath(kb: KnowledgeBase, inv: Invocation, segmentOf: SegmentOf = refSegment(kb)): string | undefined {
  const seg = (name: string) => {
    const arg = inv.args[name];
    return arg === undefined ? undefined : segmentOf(arg);
  };
  const rolePart = (name: string, anchor: string) => {
    const id = seg(name);
    return id ? `${pagePath({ kind: 'role', role: id })}#${anchor}` : undefined;
  };
  switch (inv.command) {
    case 'role': {
      const id = seg('name');
      return id ? pagePath({ kind: 'role', role: id }) : undefined;
    }
    case 'compare': {
      const given = COMPARE_SLOTS.filter((s) => inv.args[s] !== undefined);
      const ids = given.map(seg);
      return ids.length >= 2 && ids.every((id) => id !== undefined) ? pagePath({ kind: 'compare', roles: ids as string[] }) : undefined;
    }
    case 'path': {
      const from = seg('from');
      if (inv.args.to === undefined) return rolePart('from', ROLE_ANCHORS.moves);
      const to = seg('to');
      return from && to ? pagePath({ kind: 'path', from, to }) : undefined;
    }
    case 'salary':
      return rolePart('role', ROLE_ANCHORS.pay);
    case 'prep':
      return rolePart('role', ROLE_ANCHORS.prep);
    case 'certs':
      return rolePart('role', ROLE_ANCHORS.certs);
    case 'projects':
      return rolePart('role', ROLE_ANCHORS.projects);
    case 'deepdive': {
      const part = DEEP_DIVE_PARTS.find((p) => p === inv.args.part);
      return `${pagePath({ kind: 'role', role: kb.aiEngineer.meta.role })}#${part ? deepDiveAnchor(part) : ROLE_ANCHORS.deepDive}`;
    }
    default:
      return undefined;
  }
}
