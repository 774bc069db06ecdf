import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/app/dispatch.js';
import { encodeInvocation } from '../../src/views/invocation-codec.js';
import { DEEP_DIVE_PARTS } from '../../src/views/deep-dive/index.js';
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
const headings = (view: View) => view.sections.map((s) => s.heading);
const section = (view: View, heading: RegExp) => view.sections.find((s) => heading.test(s.heading));
const everything = (view: View) => JSON.stringify(view);
const invocations = (view: View): Invocation[] => view.actions.flatMap((a) => (a.type === 'button' ? [a.invoke] : a.options.map((o) => o.invoke)));
const ref = core.kb.reference;

describe('/prep', () => {
  it('lists the rounds for the role, with topics, its layer’s take-home, the behavioural round and the labs’ requirements', async () => {
    const view = await run('prep', 'AI Engineer');
    expect(view.kind).toBe('prep');
    expect(headings(view)).toEqual([
      expect.stringMatching(/^Technical Round 2: System Design/),
      expect.stringMatching(/^Technical Round 3: Coding/),
      expect.stringMatching(/^Behavioral Round/),
      expect.stringMatching(/^Take-Home Assignments/),
      expect.stringMatching(/^Frontier labs \(OpenAI, Anthropic/),
      'What makes a candidate stand out at the labs',
    ]);
    const l5Task = ref.interviewRounds.find((r) => r.id === 'take-home')!.layerTasks.find((t) => t.layer === 'L5')!.task;
    expect(section(view, /^Take-Home/)?.body).toContain(l5Task);
    expect(section(view, /^Behavioral/)?.items).toEqual(expect.arrayContaining([expect.stringMatching(/^Amazon: /), expect.stringMatching(/STAR/)]));
    const engineering = ref.frontierLabs.tracks.find((t) => t.layers.includes('L5'))!.requirements;
    expect(section(view, /^Frontier labs/)?.items).toEqual(engineering);
  });

  it('adds the role’s own topics to the domain round, and research requirements for L2 roles', async () => {
    const mlops = await run('prep', 'MLOps Engineer');
    expect(section(mlops, /Domain-Specific/)?.items).toEqual(expect.arrayContaining(['Kubernetes architecture', 'CI/CD for ML']));
    const research = await run('prep', 'AI Research Scientist');
    expect(section(research, /^Frontier labs/)?.items).toContain('PhD (or equivalent research output)');
    expect(headings(research).some((h) => h.startsWith('Take-Home'))).toBe(false);
  });

  it('answers an unknown role with choices that rerun /prep', async () => {
    const { view } = await dispatcher.runText('prep', 'AI Scientist', ctx);
    expect(view.kind).toBe('ambiguous');
    expect(invocations(view).every((i) => i.command === 'prep')).toBe(true);
  });
});

describe('/certs', () => {
  it('shows the whole roadmap by priority, each with who it is for', async () => {
    const view = await run('certs', '');
    expect(headings(view)).toEqual(['High priority', 'Medium priority', 'Nice to have']);
    expect(view.sections.flatMap((s) => s.items ?? [])).toHaveLength(ref.certifications.length);
    expect(section(view, /^High/)?.items?.[0]).toMatch(/^AWS ML Engineer – Associate \(MLA-C01\), for ML Engineer/);
    expect(view.description).toBe(ref.certificationNote);
  });

  it('filters to a role, highest priority first', async () => {
    const view = await run('certs', 'mlops');
    expect(view.title).toBe('Certifications for MLOps / LLMOps Engineer');
    const items = view.sections.flatMap((s) => s.items ?? []);
    expect(items).toHaveLength(ref.certifications.filter((c) => c.appliesTo.roles.includes('mlops-llmops-engineer')).length);
    expect(items.some((i) => i.startsWith('Kubernetes (CKA/CKAD)'))).toBe(true);
    expect(headings(view)[0]).toBe('High priority');
  });
});

describe('/projects', () => {
  it('lists every project with its tip, or those for a role, or for a layer', async () => {
    const all = await run('projects', '');
    expect(all.sections).toHaveLength(ref.projects.length);
    expect(all.sections.every((s) => s.body && s.body.length > 10)).toBe(true);
    const rag = await run('projects', 'RAG Engineer');
    expect(rag.sections[0]!.heading).toMatch(/^RAG system for legal contract analysis/);
    expect(rag.sections.at(-1)!.heading).toMatch(/^Open-source contribution/);
    const l3 = await run('projects', 'L3');
    expect(l3.title).toBe('Portfolio projects: L3 Inference & Serving');
    expect(l3.sections.map((s) => s.heading)).toEqual([
      expect.stringMatching(/^MLOps pipeline/),
      expect.stringMatching(/^Model inference benchmark/),
      expect.stringMatching(/^Open-source contribution/),
    ]);
    const cross = await run('projects', 'cross');
    expect(cross.sections.map((s) => s.heading)).toContainEqual(expect.stringMatching(/^AI safety red-team report/));
  });

  it('rejects a role and a layer together', async () => {
    const res = await dispatcher.run('projects', { role: 'AI Engineer', layer: 'L3' }, ctx);
    expect(res.outcome).toBe('invalid');
    expect(res.view.description).toMatch(/not both/);
  });
});

describe('/companies', () => {
  it('shows every tier, one tier, or India with platforms and the pay context', async () => {
    const all = await run('companies', '');
    expect(headings(all)).toHaveLength(ref.companyTiers.length);
    expect(headings(all)[0]).toBe('Tier 1: Frontier Labs (highest pay, hardest to enter)');
    const two = await run('companies', 'tier 2');
    expect(two.sections).toEqual([{ heading: 'Tier 2: Big Tech AI Teams (high pay, production focus)', body: expect.stringContaining('NVIDIA') }]);
    const india = await run('companies', 'india');
    expect(headings(india)).toEqual([...ref.india.groups.map((g) => g.name), 'Job platforms', 'Pay in India']);
    expect(section(india, /^Job platforms/)?.body).toContain('Naukri.com');
    const pay = section(india, /^Pay in India/)?.items ?? [];
    expect(pay).toEqual(expect.arrayContaining([expect.stringMatching(/Bangalore and Hyderabad runs 30-50% higher/), expect.stringMatching(/service companies pay 40-60% less/)]));
    const bad = await dispatcher.runText('companies', 'tier 9', ctx);
    expect(bad.outcome).toBe('invalid');
    expect(bad.view.description).toMatch(/tier from 1 to 5, or india/);
  });
});

describe('AI Engineer deep-dive', () => {
  it('every part renders with content, and names its sources', async () => {
    for (const part of DEEP_DIVE_PARTS) {
      const view = await run('deepdive', part);
      expect(view.kind).toBe('deep-dive');
      expect(view.sections.length, part).toBeGreaterThan(0);
      expect(view.sections.every((s) => (s.body?.length ?? 0) + (s.items?.length ?? 0) > 0), part).toBe(true);
    }
    const compare = await run('deepdive', 'compare');
    expect(everything(compare)).toMatch(/Research Scientist/);
    expect(everything(compare)).toMatch(/Ismat Samadov/);
    const pay = await run('deepdive', 'pay');
    expect(headings(pay)).toEqual(expect.arrayContaining([expect.stringMatching(/^US pay ladder/), expect.stringMatching(/^UK pay ladder/), expect.stringMatching(/^India pay ladder/)]));
    expect(section(pay, /^UK pay ladder/)?.items?.[0]).toBe('Junior: GenAI Systems Lab: Junior AI Engineer, 0–2 years, £55K–£80K');
    const stack = await run('deepdive', 'stack');
    expect(everything(stack)).toContain('vLLM or TGI');
    const roadmap = await run('deepdive', 'roadmap');
    expect(headings(roadmap)[0]).toBe('Phase 1: Foundation (1–2 months)');
  });

  it('is reachable from the AI Engineer card through a select, and only from that card', async () => {
    const card = await run('role', 'AI Engineer');
    const select = card.actions.find((a) => a.type === 'select' && a.placeholder.startsWith('AI Engineer deep-dive'));
    expect(select && select.type === 'select' && select.options.map((o) => o.invoke.args.part)).toEqual([...DEEP_DIVE_PARTS]);
    const other = await run('role', 'ML Engineer');
    expect(invocations(other).some((i) => i.command === 'deepdive')).toBe(false);
  });

  it('/salary AI Engineer uk shows the UK ladder; other roles say there are no UK figures', async () => {
    const uk = await run('salary', 'AI Engineer uk');
    expect(uk.title).toBe('AI Engineer: UK pay by level');
    const ukFigures = core.kb.aiEngineer.careerLadder.rungs.flatMap((r) => r.views.flatMap((v) => (v.pay.uk ? [v.pay.uk] : [])));
    expect(uk.table?.rows).toHaveLength(ukFigures.length);
    expect(uk.table?.rows[0]).toEqual(['Junior', 'Junior AI Engineer', '0–2 years', `£${ukFigures[0]!.min}K–£${ukFigures[0]!.max}K`, 'GenAI Systems Lab']);
    const ml = await run('salary', 'ML Engineer in the uk');
    expect(ml.title).toBe('ML Engineer: no UK figures');
    expect(invocations(ml)).toContainEqual({ command: 'salary', args: { role: '#8', market: 'uk' } });
  });
});

describe('the role card', () => {
  it('shows the job-search keywords as "Search for" and links prep, certifications and projects', async () => {
    const card = await run('role', 'RAG Engineer');
    const keywords = ref.jobKeywords.find((k) => k.layer === 'L4')!.keywords;
    expect(section(card, /^Search for$/)?.body).toBe(keywords.join(', '));
    expect(invocations(card).map((i) => i.command)).toEqual(expect.arrayContaining(['prep', 'certs', 'projects']));
  });
});

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
