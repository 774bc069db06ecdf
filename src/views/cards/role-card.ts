import type { Core } from '../../core/index.js';
import type { Role } from '../../core/schema/role.js';
import type { Action, Field, Section, View } from '../view.js';
import { deepDiveSelect } from '../deep-dive/index.js';
import { disagreementSection } from './disagreements.js';
import { DIFFICULTY_LABEL, kbView, headline, layerLabel, layerSpan, progressionText, roleRef, salaryLines } from '../format.js';

/** The related roles that are among the 31, for "Compare with…". */
export function relatedRoles(core: Core, role: Role): Role[] {
  return role.related.flatMap((r) => ('role' in r ? [core.kb.role(r.role)] : []));
}

export function roleFacts(core: Core, role: Role): Field[] {
  const span = layerSpan(role);
  return [
    {
      label: 'Layer',
      // "cross-cutting (all layers)" already says what "(spans all layers)" would.
      value: `${layerLabel(core.kb, role.layer)}${span && !role.layerNote?.includes(span) ? ` (spans ${span})` : ''}${role.layerNote ? `, ${role.layerNote}` : ''}`,
      inline: true,
    },
    { label: 'Entry difficulty', value: DIFFICULTY_LABEL[role.difficulty], inline: true },
    { label: 'Availability', value: role.availability, inline: true },
    { label: 'Min education', value: role.education, inline: true },
    { label: 'US range', value: headline(role), inline: true },
  ];
}

export function roleActions(core: Core, role: Role): Action[] {
  const related = relatedRoles(core, role);
  const ref = roleRef(role);
  const actions: Action[] = [
    { type: 'button', label: 'Career path', invoke: { command: 'path', args: { from: ref } }, style: 'primary' },
    { type: 'button', label: 'Salary', invoke: { command: 'salary', args: { role: ref } } },
    { type: 'button', label: 'Interview prep', invoke: { command: 'prep', args: { role: ref } } },
    { type: 'button', label: 'Certifications', invoke: { command: 'certs', args: { role: ref } } },
    { type: 'button', label: 'Projects', invoke: { command: 'projects', args: { role: ref } } },
  ];
  if (related.length > 0) {
    actions.push({
      type: 'select',
      placeholder: 'Compare with…',
      options: related.map((r) => ({
        label: r.name,
        description: `${r.layer} · ${DIFFICULTY_LABEL[r.difficulty]}`,
        invoke: { command: 'compare', args: { role_a: roleRef(role), role_b: roleRef(r) } },
      })),
    });
  }
  if (core.kb.aiEngineer.meta.role === role.id) actions.push(deepDiveSelect());
  return actions;
}

/** For the role with a deep-dive (AI Engineer): the three kinds of job behind the one title. */
function deepDiveSections(core: Core, role: Role): Section[] {
  const deep = core.kb.aiEngineer;
  if (deep.meta.role !== role.id) return [];
  return [
    {
      heading: 'Three jobs behind one title',
      items: deep.tiers.tiers.map((t) => `${t.name} (${t.share.approx ? '~' : ''}${t.share.min}% of postings): ${t.keySkills.join(', ')}`),
    },
  ];
}

/** Related jobs that are not among the 31 roles (those are under "Compare with…"). */
function relatedTitles(role: Role): Section[] {
  const titles = role.related.flatMap((r) => ('title' in r ? [r.title] : []));
  return titles.length ? [{ heading: 'Also related', body: titles.join(', ') }] : [];
}

/** The reference's job-search keywords that name this role: "Search for: …". */
function searchSection(core: Core, role: Role): Section[] {
  const keywords = core.extras(role).keywords;
  return keywords.length ? [{ heading: 'Search for', body: keywords.join(', ') }] : [];
}

/** The full role card: key facts first, then pay, skills and the rest of the breakdown. */
export function roleCard(core: Core, role: Role): View {
  const sections: Section[] = [
    { heading: 'Must-have skills', items: role.mustHave },
    { heading: 'Nice to have', items: role.niceToHave },
    { heading: 'Key responsibilities', items: role.responsibilities },
    { heading: 'Key differentiator', body: role.differentiator },
    { heading: 'Getting in', body: role.entryRequirements },
    { heading: 'Career progression', items: progressionText(core.kb, role) },
    { heading: 'Hiring', body: role.hiringCompanies.join(', ') },
    { heading: 'Job market', body: role.availabilityNote },
    ...deepDiveSections(core, role),
    ...relatedTitles(role),
    ...searchSection(core, role),
    ...disagreementSection(core, role),
  ];
  return kbView(core.kb, {
    kind: 'role',
    title: `${role.number}. ${role.name}`,
    description: role.tagline ? `${role.tagline}. ${role.summary}` : role.summary,
    fields: [
      ...roleFacts(core, role),
      { label: 'US salary', value: salaryLines(role, 'us').join('\n') || '—' },
      { label: 'India salary', value: salaryLines(role, 'india').join('\n') || '—' },
    ],
    sections,
    actions: roleActions(core, role),
    page: { kind: 'role', role: role.id },
  });
}
