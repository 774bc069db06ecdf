import type { Role } from '../core/schema/role.js';
import type { Resolution } from '../core/resolve/resolution.js';

/**
 * The stable JSON the CLI prints for a role lookup. Other tools parse it: add fields, never
 * rename or remove them.
 *   {"status":"found","query":…,"role":Role}
 *   {"status":"ambiguous","query":…,"candidates":[{"number":…,"name":…,"id":…}],"note"?:…}
 *   {"status":"not_found","query":…,"suggestions":[{"number":…,"name":…,"id":…}]}
 */
export type RoleRef = { number: number; name: string; id: string };

const ref = (r: Role): RoleRef => ({ number: r.number, name: r.name, id: r.id });

export function resolutionJson(res: Resolution): Record<string, unknown> {
  switch (res.status) {
    case 'found':
      return { status: 'found', query: res.query, role: res.role };
    case 'ambiguous':
      return { status: 'ambiguous', query: res.query, candidates: res.candidates.map(ref), ...(res.note ? { note: res.note } : {}) };
    case 'not_found':
      return { status: 'not_found', query: res.query, suggestions: res.suggestions.map(ref) };
  }
}

/**
 * The same as JSON.stringify(resolutionJson(res)), with each role's JSON serialised once:
 * batch mode prints the same 31 roles thousands of times.
 */
export class ResolutionSerializer {
  private readonly roleJson = new Map<string, string>();

  serialize(res: Resolution): string {
    if (res.status !== 'found') return JSON.stringify(resolutionJson(res));
    let role = this.roleJson.get(res.role.id);
    if (role === undefined) {
      role = JSON.stringify(res.role);
      this.roleJson.set(res.role.id, role);
    }
    return `{"status":"found","query":${JSON.stringify(res.query)},"role":${role}}`;
  }
}
