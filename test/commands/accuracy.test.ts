// Answers that must be exactly right: sources that disagree, wording, qualifiers, and the rest of the reference.
import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/app/dispatch.js';
import { encodeInvocation } from '../../src/views/invocation-codec.js';
import type { Invocation, View } from '../../src/views/view.js';
import { testCore } from '../helpers/core.js';

const core = testCore();
const dispatcher = new Dispatcher(core);
const ctx = { platform: 'console' as const };
const run = async (name: string, text: string) => {
  const res = await dispatcher.runText(name, text, ctx);
  expect(res.outcome, `${name} ${text}: ${res.view.title} ${res.view.description ?? ''}`).toBe('ok');
  return res.view;
};
const section = (view: View, heading: RegExp) => view.sections.find((s) => heading.test(s.heading));
const everything = (view: View) => JSON.stringify(view);
const invocations = (view: View): Invocation[] => view.actions.flatMap((a) => (a.type === 'button' ? [a.invoke] : a.options.map((o) => o.invoke)));
const ref = core.kb.reference;

describe('disagreeing figures show both sides with their sources', () => {
  it('AI Safety / Red Team: Elite in the overview, Advanced in the difficulty list', async () => {
    const card = await run('role', 'AI Safety / Red Team Engineer');
    const line = section(card, /^Where sources disagree$/)?.items?.[0] ?? '';
    expect(line).toMatch(/Elite in the overview table of GenAI Career Roles/);
    expect(line).toMatch(/Advanced in its list of roles by difficulty/);
  });

  it('AI Data Governance Manager: Advanced in the overview, Moderate in the difficulty list', async () => {
    const card = await run('role', 'AI Data Governance Manager');
    expect(section(card, /^Where sources disagree$/)?.items?.[0]).toMatch(/Advanced in the overview table.*Moderate in its list/);
  });

  it('AI Engineer: the LinkedIn year and the India entry pay, each side with its source', async () => {
    const card = await run('role', 'AI Engineer');
    const items = section(card, /^Where sources disagree$/)?.items ?? [];
    const linkedIn = items.find((i) => i.startsWith("LinkedIn's fastest-growing title")) ?? '';
    expect(linkedIn).toMatch(/2026.*GenAI Career Roles — Complete Reference.*2025.*Ismat Samadov/);
    const india = items.find((i) => i.startsWith('India pay at entry level')) ?? '';
    const entry = core.kb.role('ai-engineer').salary.india.entry!;
    expect(india).toContain(`₹${entry.min}-${entry.max} LPA`);
    expect(india).toMatch(/GenAI Systems Lab.*Vishalini Devarajan/);
    // The salary answer for India carries the same caveat.
    const salary = await run('salary', 'AI Engineer india');
    expect(everything(salary)).toContain('India pay at entry level');
  });

  it('the India conflict quotes the figures the data holds', () => {
    const conflict = core.kb.aiEngineer.conflicts.find((c) => c.topic === 'India pay at entry level')!;
    const entry = core.kb.role('ai-engineer').salary.india.entry!;
    expect(conflict.positions.find((p) => p.seeds.includes('000'))!.holds).toContain(`₹${entry.min}-${entry.max} LPA`);
    const junior = core.kb.aiEngineer.careerLadder.rungs.find((r) => r.level === 'junior')!;
    for (const view of junior.views) {
      const holds = conflict.positions.find((p) => p.seeds.includes(view.seed))!.holds;
      expect(holds).toContain(`₹${view.pay.india!.min}-${view.pay.india!.max} LPA`);
    }
  });

  it('/roles elite and /roles moderate say how they count the disputed roles', async () => {
    const elite = await run('roles', 'elite');
    expect(elite.description).toMatch(/Counted by the reference's overview table\. AI Safety \/ Red Team Engineer is counted here/);
    const moderate = await run('roles', 'moderate');
    expect(moderate.description).toMatch(/AI Data Governance Manager is not counted here/);
    const advanced = await run('roles', 'advanced');
    expect(advanced.description).toMatch(/AI Safety \/ Red Team Engineer is not counted here.*AI Data Governance Manager is counted here/);
    const accessible = await run('roles', 'accessible');
    expect(accessible.description).not.toMatch(/Counted by/);
  });
});

describe('wording and missing items', () => {
  it('says TC once, and /help does not repeat the AI/ML Developer note', async () => {
    const salary = await run('salary', 'ML Engineer us');
    expect(everything(salary)).toContain('FAANG TC: $');
    expect(everything(salary)).not.toMatch(/FAANG TC: [^"]*TC/);
    const help = await run('help', '');
    const about = section(help, /^About the data$/)?.body ?? '';
    expect(about.match(/AI\/ML Developer/g)).toHaveLength(1);
  });

  it('lists every source, the Forbes/Coursera/Tredence guides included, and frames the stack', async () => {
    const sources = await run('sources', '');
    expect(sources.sections[0]!.items).toContain('Forbes, Coursera, Tredence GenAI career role guides (2025-2026)');
    expect(sources.sections[0]!.items).toHaveLength(ref.sources.length);
    const roles = await run('roles', '');
    expect(roles.description).toContain('The stack runs from L6 Application (easiest entry) to L1 Infrastructure & Hardware (highest pay).');
  });

  it('every action of the new answers encodes within 100 characters and runs', async () => {
    const views = await Promise.all(
      [
        ['prep', 'AI Engineer'],
        ['certs', 'ML Engineer'],
        ['projects', 'RAG Engineer'],
        ['companies', ''],
        ['companies', 'india'],
        ['deepdive', 'pay'],
        ['sources', ''],
        ['salary', 'AI Engineer uk'],
        ['salary', 'ML Engineer uk'],
        ['role', 'AI Engineer'],
      ].map(([n, t]) => run(n!, t!)),
    );
    let count = 0;
    for (const inv of views.flatMap(invocations)) {
      const encoded = encodeInvocation(inv);
      expect(encoded.length).toBeLessThanOrEqual(100);
      expect((await dispatcher.runEncoded(encoded, ctx)).outcome, encoded).toBe('ok');
      count++;
    }
    expect(count).toBeGreaterThan(40);
  });
});

describe('career progression keeps the reference’s qualifiers', () => {
  it('shows "AI Research Scientist (NLP)", "(Vision)" and "AI Product Manager (voice/chat products)"', async () => {
    const cases: Array<[string, string]> = [
      ['NLP Engineer', 'AI Research Scientist (NLP)'],
      ['Computer Vision Engineer', 'AI Research Scientist (Vision)'],
      ['Conversational AI Engineer', 'AI Product Manager (voice/chat products)'],
    ];
    for (const [role, step] of cases) {
      const card = await run('role', role);
      expect(section(card, /^Career progression$/)?.items, role).toContain(step);
      const path = await run('path', role);
      expect(section(path, /^Career progression$/)?.items, role).toContain(step);
    }
    // The qualifier travels in the role JSON too, and the move still links to the role.
    const nlp = core.kb.role('nlp-engineer');
    expect(nlp.progression).toContainEqual({ role: 'ai-research-scientist', qualifier: 'NLP' });
    expect(core.nextRoles('nlp-engineer').map((n) => n.role.id)).toContain('ai-research-scientist');
  });
});

describe('the rest of the reference is reachable', () => {
  it('/roles explains the layer, the difficulty tier and the six-layer model; /path shows the seniority ladder', async () => {
    const l3 = await run('roles', 'L3');
    expect(l3.description).toContain(ref.layers.find((l) => l.code === 'L3')!.focus);
    const elite = await run('roles', 'elite');
    const tier = ref.difficultyTiers.find((t) => t.difficulty === 'elite')!;
    expect(elite.description).toContain(`Elite entry: typically ${tier.experience}. ${tier.background}`);
    const all = await run('roles', '');
    expect(all.description).toContain(ref.meta.stackModelNote);
    const path = await run('path', 'AI Engineer');
    expect(section(path, /^Seniority ladder/)?.items).toEqual(ref.pathways.ladder.map((r) => `${r.level}: ${r.years}`));
  });

  it('the role card carries the layer note', async () => {
    const card = await run('role', 'AI Consultant');
    expect(card.fields.find((f) => f.label === 'Layer')?.value).toMatch(/, strategic$/);
  });
});

describe('related jobs outside the 31 roles', () => {
  it('appear on the card as "Also related"', async () => {
    const card = await run('role', 'MLOps Engineer');
    const titles = core.kb.role('mlops-llmops-engineer').related.flatMap((r) => ('title' in r ? [r.title] : []));
    expect(titles.length).toBeGreaterThan(0);
    expect(section(card, /^Also related$/)?.body).toBe(titles.join(', '));
  });
});
