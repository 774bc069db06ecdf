import type { Core } from '../../core/index.js';
import type { Resolution } from '../../core/resolve/resolution.js';
import type { Role } from '../../core/schema/role.js';

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
