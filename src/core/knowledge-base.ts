import type { Role } from './schema/role.js';
import type { Audience, LayerCode, RoleGroup, RoleId } from './schema/common.js';
import type { Reference } from './schema/reference.js';
import type { AiEngineerDeepDive } from './schema/ai-engineer.js';

/**
 * The layers a role works in, for what the reference sets by layer (interview rounds, take-homes,
 * frontier-lab tracks): every layer its breakdown names ("Layer 5–6" is L5 and L6), its overview
 * layer first. A cross-cutting role (all six layers) counts under its overview layer alone, since
 * it belongs to no one layer more than another.
 */
export function workLayers(role: Role): LayerCode[] {
  if (role.layers.length === 6) return [role.layer];
  const spanned = role.layers.map((n) => `L${n}` as LayerCode).filter((l) => l !== role.layer);
  return [role.layer, ...spanned];
}

/** The validated data, indexed for the services. Immutable after construction. */
export class KnowledgeBase {
  readonly byId: ReadonlyMap<RoleId, Role>;
  readonly byNumber: ReadonlyMap<number, Role>;

  constructor(
    readonly roles: readonly Role[],
    readonly reference: Reference,
    readonly aiEngineer: AiEngineerDeepDive,
  ) {
    this.byId = new Map(roles.map((r) => [r.id, r]));
    this.byNumber = new Map(roles.map((r) => [r.number, r]));
  }

  get asOf(): string {
    return this.reference.meta.asOf;
  }

  role(id: RoleId): Role {
    const role = this.byId.get(id);
    if (!role) throw new RangeError(`unknown role id "${id}"`);
    return role;
  }

  /** Members of a group; "all" is every role. */
  group(group: RoleGroup): readonly RoleId[] {
    return group === 'all' ? this.roles.map((r) => r.id) : this.reference.roleGroups[group];
  }

  /** Does an audience (roles, groups, layers) include this role? */
  includes(audience: Audience, role: Role): boolean {
    if (audience.roles.includes(role.id)) return true;
    if (audience.groups.some((g) => this.group(g).includes(role.id))) return true;
    return workLayers(role).some((l) => audience.layers.includes(l));
  }
}
