import type { Role } from '../schema/role.js';
import type { Audience, RoleOrTitle } from '../schema/common.js';
import type { Reference } from '../schema/reference.js';
import { formatPath } from './errors.js';

type Path = (string | number)[];

/**
 * Checks that every role id named anywhere resolves to a real role, and that the files agree
 * with each other (numbers in order, unique ids and aliases, each role in one difficulty tier).
 * Returns problems in the same "file: path: reason" form as schema errors.
 */
export function checkCrossReferences(
  roles: Role[],
  reference: Reference,
  files: { roles: string; reference: string },
): string[] {
  const problems: string[] = [];
  const ids = new Set(roles.map((r) => r.id));
  const at = (file: string, path: Path, reason: string) => problems.push(`${file}: ${formatPath(path)}: ${reason}`);
  const known = (file: string, path: Path, id: string) => {
    if (!ids.has(id)) at(file, path, `unknown role id "${id}"`);
  };
  const knownStep = (file: string, path: Path, step: RoleOrTitle) => {
    if ('role' in step) known(file, [...path, 'role'], step.role);
  };
  const knownAudience = (file: string, path: Path, audience: Audience) =>
    audience.roles.forEach((id, i) => known(file, [...path, 'roles', i], id));

  // roles.yaml on its own
  const seenIds = new Map<string, number>();
  const seenAliases = new Map<string, string>();
  roles.forEach((role, i) => {
    if (role.number !== i + 1) at(files.roles, ['roles', i, 'number'], `expected ${i + 1} (roles are listed in the reference's order)`);
    const dup = seenIds.get(role.id);
    if (dup !== undefined) at(files.roles, ['roles', i, 'id'], `duplicate id "${role.id}" (also roles[${dup}])`);
    seenIds.set(role.id, i);
    role.progression.forEach((step, j) => knownStep(files.roles, ['roles', i, 'progression', j], step));
    role.related.forEach((step, j) => knownStep(files.roles, ['roles', i, 'related', j], step));
    role.related.forEach((step, j) => {
      if ('role' in step && step.role === role.id) at(files.roles, ['roles', i, 'related', j, 'role'], 'a role cannot be related to itself');
    });
    [role.name, ...role.aliases].forEach((alias, j) => {
      const key = alias.toLowerCase().replace(/[^a-z0-9+#]+/g, ' ').trim();
      const owner = seenAliases.get(key);
      if (owner !== undefined && owner !== role.id) {
        at(files.roles, j === 0 ? ['roles', i, 'name'] : ['roles', i, 'aliases', j - 1], `"${alias}" already names role "${owner}"`);
      }
      seenAliases.set(key, role.id);
    });
  });

  // reference.yaml against the roles
  const f = files.reference;
  reference.meta.aiMlDeveloper.pointsTo.forEach((id, i) => known(f, ['meta', 'aiMlDeveloper', 'pointsTo', i], id));
  reference.layers.forEach((layer, i) => layer.roles.forEach((id, j) => known(f, ['layers', i, 'roles', j], id)));
  const tierOf = new Map<string, string>();
  reference.difficultyTiers.forEach((tier, i) =>
    tier.roles.forEach((id, j) => {
      known(f, ['difficultyTiers', i, 'roles', j], id);
      // The reference's tier list disagrees with its overview table for two roles (AI Safety,
      // AI Data Governance); both are kept as written, so only membership is checked here.
      const previous = tierOf.get(id);
      if (previous) at(f, ['difficultyTiers', i, 'roles', j], `"${id}" is already in the ${previous} tier`);
      tierOf.set(id, tier.difficulty);
    }),
  );
  roles.forEach((role) => {
    if (!tierOf.has(role.id)) at(f, ['difficultyTiers'], `role "${role.id}" is in no difficulty tier`);
  });
  reference.pathways.tracks.forEach((track, i) =>
    track.steps.forEach((step, j) => step.forEach((alt, k) => knownStep(f, ['pathways', 'tracks', i, 'steps', j, k], alt))),
  );
  reference.skillsMatrix.forEach((c, i) => c.roles.forEach((id, j) => known(f, ['skillsMatrix', i, 'roles', j], id)));
  reference.interviewRounds.forEach((round, i) => {
    knownAudience(f, ['interviewRounds', i, 'appliesTo'], round.appliesTo);
    round.roleTopics.forEach((rt, j) => rt.roles.forEach((id, k) => known(f, ['interviewRounds', i, 'roleTopics', j, 'roles', k], id)));
  });
  reference.conflicts.forEach((c, i) => known(f, ['conflicts', i, 'role'], c.role));
  reference.jobKeywords.forEach((g, i) => g.keywords.forEach((k, j) => k.roles.forEach((id, n) => known(f, ['jobKeywords', i, 'keywords', j, 'roles', n], id))));
  roles.forEach((role) => {
    if (!reference.jobKeywords.some((g) => g.keywords.some((k) => k.roles.includes(role.id)))) at(f, ['jobKeywords'], `no keyword names role "${role.id}"`);
  });
  reference.certifications.forEach((c, i) => knownAudience(f, ['certifications', i, 'appliesTo'], c.appliesTo));
  reference.projects.forEach((p, i) => knownAudience(f, ['projects', i, 'appliesTo'], p.appliesTo));
  for (const [group, members] of Object.entries(reference.roleGroups)) {
    members.forEach((id, j) => known(f, ['roleGroups', group, j], id));
  }
  return problems;
}

/** Role ids named in any `role`, `roleId` or `roles` field of a parsed document (for the deep-dive file). */
export function collectRoleIds(value: unknown, path: Path = []): Array<{ path: Path; id: string }> {
  const found: Array<{ path: Path; id: string }> = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => found.push(...collectRoleIds(v, [...path, i])));
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'role' || key === 'roleId') && typeof v === 'string') found.push({ path: [...path, key], id: v });
      else if (key === 'roles' && Array.isArray(v)) {
        v.forEach((id, i) => {
          if (typeof id === 'string') found.push({ path: [...path, key, i], id });
        });
      } else found.push(...collectRoleIds(v, [...path, key]));
    }
  }
  return found;
}
