import type { Core } from '../../core/index.js';
import type { Resolution } from '../../core/resolve/resolution.js';
import type { Role } from '../../core/schema/role.js';
import type { PageTarget } from '../../views/page-url.js';

/**
 * The role words of a page's URL → roles, by the resolver and nothing else: a role id is the
 * page itself; a name or alias it resolves confidently is a redirect to the id's page; anything
 * it is unsure of (ambiguous, not found) is a 404 that offers what it offered.
 */
export type Lookup =
  | { status: 'found'; roles: Role[]; canonical: boolean }
  | {
      status: 'unresolved';
      /** The first segment the resolver was unsure of. */
      index: number;
      resolution: Exclude<Resolution, { status: 'found' }>;
      /** Every segment's role where it resolved, for links that keep the rest of the address. */
      roles: Array<Role | undefined>;
    };

/** One segment: its id, or what the resolver says of it (hyphens read as spaces when that helps). */
function resolveSegment(core: Core, segment: string): { role: Role; exact: boolean } | Exclude<Resolution, { status: 'found' }> {
  const exact = core.kb.byId.get(segment);
  if (exact) return { role: exact, exact: true };
  const first = core.resolve(segment);
  if (first.status === 'found') return { role: first.role, exact: false };
  const spaced = segment.replace(/[-_+]+/g, ' ').trim();
  if (spaced === segment || !spaced) return first;
  const second = core.resolve(spaced);
  return second.status === 'found' ? { role: second.role, exact: false } : second;
}

export function lookUp(core: Core, segments: readonly string[]): Lookup {
  const roles: Array<Role | undefined> = [];
  let canonical = true;
  let unsure: { index: number; resolution: Exclude<Resolution, { status: 'found' }> } | undefined;
  segments.forEach((segment, index) => {
    const r = resolveSegment(core, segment);
    if ('role' in r) {
      roles.push(r.role);
      canonical &&= r.exact;
    } else {
      roles.push(undefined);
      unsure ??= { index, resolution: r };
    }
  });
  if (unsure) return { status: 'unresolved', ...unsure, roles };
  return { status: 'found', roles: roles as Role[], canonical };
}

/** The page of resolved roles, or the 400 problem with them (a role named twice, a path to itself). */
export function pageTarget(page: 'role' | 'compare' | 'path', roles: readonly Role[]): PageTarget | string {
  if (page === 'role') return { kind: 'role', role: roles[0]!.id };
  const twice = roles.find((r, i) => roles.indexOf(r) !== i);
  if (page === 'compare') return twice ? `${twice.name} is named twice: compare it with another role.` : { kind: 'compare', roles: roles.map((r) => r.id) };
  return twice ? `A path goes from one role to another; both ends here are ${twice.name}.` : { kind: 'path', from: roles[0]!.id, to: roles[1]!.id };
}
