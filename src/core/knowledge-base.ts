import type { Role } from './schema/role.js';
import type { Audience, RoleGroup, RoleId } from './schema/common.js';
import type { Reference } from './schema/reference.js';
import type { AiEngineerDeepDive } from './schema/ai-engineer.js';

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
    return audience.layers.includes(role.layer);
  }
}
