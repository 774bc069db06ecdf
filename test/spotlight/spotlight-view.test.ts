import { describe, expect, it } from 'vitest';
import { roleCard } from '../../src/views/cards/role-card.js';
import { spotlightContent, spotlightFor, spotlightView } from '../../src/views/cards/spotlight.js';
import { testCore } from './helpers.js';

const core = testCore();

describe('spotlight view', () => {
  it('is the role card plus break-in line, project idea, certifications and interview rounds', () => {
    const role = core.kb.role('rag-engineer');
    const content = spotlightContent(core, role);
    const view = spotlightView(core, content);
    const card = roleCard(core, role);
    expect(view.kind).toBe('spotlight');
    expect(view.title).toBe(`Role of the week: ${card.title}`);
    expect(view.fields).toEqual(card.fields);
    expect(view.actions).toEqual(card.actions);
    const headings = view.sections.map((s) => s.heading);
    expect(headings.slice(0, 4)).toEqual(['How to break in', 'Portfolio project idea', 'Certifications', 'Interview rounds']);
    expect(headings).toEqual(expect.arrayContaining(card.sections.map((s) => s.heading)));
    // The project aimed at this role by name comes first.
    const project = core.extras(role).projects.find((p) => p.appliesTo.roles.includes(role.id));
    expect(content.project?.title).toBe(project?.title);
    expect(content.breakIn).toMatch(/^Moderate entry, typically/);
    expect(content.interviewRounds.length).toBeGreaterThan(0);
  });

  it('renders every role, within a single Discord embed’s 6,000-character budget', () => {
    for (const role of core.kb.roles) {
      const view = spotlightFor(core, role.id)!;
      const text = [
        view.title,
        view.description,
        ...view.fields.flatMap((f) => [f.label, f.value]),
        ...view.sections.flatMap((s) => [s.heading, s.body ?? '', ...(s.items ?? [])]),
      ].join('');
      expect(text.length, role.id).toBeLessThan(6000);
      expect(view.private).toBeUndefined();
    }
  });

  it('answers undefined for a role that a data edit removed', () => {
    expect(spotlightFor(core, 'no-such-role')).toBeUndefined();
  });
});
