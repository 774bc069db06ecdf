import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/app/dispatch.js';
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
const invocations = (view: View): Invocation[] =>
  view.actions.flatMap((a) => (a.type === 'button' ? [a.invoke] : a.type === 'select' ? a.options.map((o) => o.invoke) : []));
const ref = core.kb.reference;

describe('/prep', () => {
  it('lists the rounds for the role, with topics, the take-home of each layer it spans, the labs’ requirements and the guide’s own loop', async () => {
    const view = await run('prep', 'AI Engineer');
    expect(view.kind).toBe('prep');
    expect(headings(view)).toEqual([
      expect.stringMatching(/^Technical Round 2: System Design/),
      expect.stringMatching(/^Technical Round 3: Coding/),
      expect.stringMatching(/^Behavioral Round/),
      expect.stringMatching(/^Take-Home Assignments/),
      'Portfolio Review',
      'The interview loop, per "AI Engineer: The Complete Guide"',
      expect.stringMatching(/^Frontier labs \(OpenAI, Anthropic.*\): what they require for engineering roles$/),
      'What makes a candidate stand out at the labs',
    ]);
    // AI Engineer spans L5–L6: both layers' take-homes.
    const tasks = ref.interviewRounds.find((r) => r.id === 'take-home')!.layerTasks;
    for (const layer of ['L5', 'L6']) expect(section(view, /^Take-Home/)?.body).toContain(tasks.find((t) => t.layer === layer)!.task);
    const loop = core.kb.aiEngineer.breakingIn.advice.find((a) => a.topic === 'interviews')!.points;
    expect(section(view, /^The interview loop/)?.items).toEqual(loop);
    const engineering = ref.frontierLabs.tracks.find((t) => t.layers.includes('L5'))!.requirements;
    expect(section(view, /^Frontier labs/)?.items).toEqual(engineering);
    expect(section(view, /^What makes a candidate stand out/)?.items).toEqual(ref.frontierLabs.standOut);
  });

  it('says the behavioural round once, under /prep on its own, and links to it from every role', async () => {
    const every = await run('prep', '');
    expect(every.title).toBe('Interview prep: what every role gets');
    const behavioral = ref.interviewRounds.find((r) => r.id === 'behavioral')!;
    expect(section(every, /^Behavioral Round/)?.items).toEqual([...behavioral.companyFocus.map((c) => `${c.company}: ${c.focus}`), ...behavioral.notes]);
    expect(section(every, /^Behavioral Round/)?.items).toContain('A frequent question: walk through a complex technical problem you have solved.');
    for (const role of ['AI Engineer', 'AI Sales Engineer', 'AI Ethics & Governance Lead']) {
      const view = await run('prep', role);
      const round = section(view, /^Behavioral Round/);
      expect(round?.items, role).toBeUndefined();
      expect(round?.body, role).toContain(behavioral.summary);
      expect(invocations(view), role).toContainEqual({ command: 'prep', args: {} });
    }
  });

  it('shows the portfolio review and what makes a candidate stand out for every role, L1, L6 and cross-cutting ones included', async () => {
    for (const role of ['AI Infrastructure Engineer', 'Full-Stack AI Engineer', 'AI Ethics & Governance Lead', 'AI Data Governance Manager']) {
      const view = await run('prep', role);
      expect(section(view, /^Portfolio Review$/)?.items, role).toEqual(['GitHub', 'live demos', 'blog posts', 'open-source PRs']);
      expect(section(view, /^What makes a candidate stand out/)?.items, role).toEqual(ref.frontierLabs.standOut);
    }
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
    expect(pay).toEqual(
      expect.arrayContaining([expect.stringMatching(/Bangalore and Hyderabad runs 30-50% higher/), expect.stringMatching(/service companies pay 40-60% less/)]),
    );
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
      expect(
        view.sections.every((s) => (s.body?.length ?? 0) + (s.items?.length ?? 0) > 0),
        part,
      ).toBe(true);
    }
    const compare = await run('deepdive', 'compare');
    expect(everything(compare)).toMatch(/Research Scientist/);
    expect(everything(compare)).toMatch(/Ismat Samadov/);
    const pay = await run('deepdive', 'pay');
    expect(headings(pay)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^US pay ladder/), expect.stringMatching(/^UK pay ladder/), expect.stringMatching(/^India pay ladder/)]),
    );
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
  it('shows the job-search keywords that name the role as "Search for", and links prep, certifications and projects', async () => {
    const card = await run('role', 'RAG Engineer');
    expect(section(card, /^Search for$/)?.body).toBe('RAG engineer');
    // Not the whole layer's list: the Data Scientist is not told to search for "AI red team".
    const scientist = await run('role', 'Data Scientist');
    expect(section(scientist, /^Search for$/)?.body).toBe('data scientist GenAI');
    const safety = await run('role', 'AI Safety');
    expect(section(safety, /^Search for$/)?.body).toBe('AI safety, AI red team');
    // Every keyword of the reference is suggested on some card.
    const shown = new Set<string>();
    for (const role of core.kb.roles) for (const k of core.extras(role).keywords) shown.add(k);
    expect([...shown].sort()).toEqual(ref.jobKeywords.flatMap((g) => g.keywords.map((k) => k.keyword)).sort());
    expect(invocations(card).map((i) => i.command)).toEqual(expect.arrayContaining(['prep', 'certs', 'projects']));
  });
});
