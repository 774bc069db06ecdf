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
const invocations = (view: View): Invocation[] =>
  view.actions.flatMap((a) => (a.type === 'button' ? [a.invoke] : a.type === 'select' ? a.options.map((o) => o.invoke) : []));
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

  it('AI Engineer: US pay at every level sets the reference’s own figures beside the articles’', async () => {
    const card = await run('role', 'AI Engineer');
    const items = section(card, /^Where sources disagree$/)?.items ?? [];
    const us = core.kb.role('ai-engineer').salary.us;
    const ladder = core.kb.aiEngineer.careerLadder.rungs;
    const article = (level: string, seed: string) => ladder.find((r) => r.level === level)!.views.find((v) => v.seed === seed)!.pay.us!;
    const band = (b: { min: number; max: number | null; plus: boolean }) => `$${b.min}K-$${b.max}K${b.plus ? '+' : ''}`;
    const line = (topic: string) => items.find((i) => i.startsWith(`${topic}:`)) ?? '';
    expect(line('US pay at entry level')).toContain(`entry ${band(us.entry!)} (GenAI Career Roles — Complete Reference (2026))`);
    expect(line('US pay at entry level')).toContain(`${band(article('junior', '003'))} total compensation (GenAI Systems Lab; Vishalini Devarajan)`);
    expect(band(article('junior', '003'))).toBe(band(article('junior', '004')));
    expect(line('US pay, mid level')).toContain(`mid ${band(us.mid!)} (GenAI Career Roles`);
    expect(line('US pay, mid level')).toMatch(
      new RegExp(`${escapeRegExp(band(article('mid', '003')))}.*GenAI Systems Lab.*${escapeRegExp(band(article('mid', '004')))}.*Vishalini Devarajan`),
    );
    expect(line('US pay, senior level')).toContain(`senior ${band(us.senior!)} (GenAI Career Roles`);
    expect(line('US pay, senior level')).toMatch(
      new RegExp(`${escapeRegExp(band(article('senior', '003')))}.*${escapeRegExp(band(article('senior', '004')))}`),
    );
    // Years per level: the reference's ladder against each article's.
    const years = line('Years of experience per level');
    const refLadder = ref.pathways.ladder.map((r) => r.years);
    expect(refLadder.slice(1, 3)).toEqual(['2-4 yr', '4-7 yr']);
    expect(years).toMatch(/mid 2-4, senior 4-7.*GenAI Career Roles.*mid 2-5, senior 5\+ years \(GenAI Systems Lab\).*mid 2-5, senior 5-8.*Vishalini Devarajan/);
    // How open entry is: three sides, three sources.
    expect(line('How open entry is')).toMatch(
      /quickest way into AI \(GenAI Career Roles.*2\.5% of 903.*\(Ismat Samadov\).*mid to senior role \("AI Engineer: The Complete Guide"\)/,
    );
    // /salary AI Engineer us carries the US ones, not the India ones.
    const salary = everything(await run('salary', 'AI Engineer us'));
    for (const topic of ['US pay at entry level', 'US pay, mid level', 'US pay, senior level']) expect(salary).toContain(topic);
    expect(salary).not.toContain('India pay at entry level');
  });

  it('the articles’ figures in the pay disagreements are the ones the ladder holds', () => {
    const conflicts = core.kb.aiEngineer.conflicts;
    for (const [topic, level] of [
      ['US pay, mid level', 'mid'],
      ['US pay, senior level', 'senior'],
    ] as const) {
      const conflict = conflicts.find((c) => c.topic === topic)!;
      for (const view of core.kb.aiEngineer.careerLadder.rungs.find((r) => r.level === level)!.views) {
        const holds = conflict.positions.find((p) => p.seeds.includes(view.seed))!.holds;
        expect(holds, `${topic} ${view.seed}`).toContain(`$${view.pay.us!.min}K-$${view.pay.us!.max}K`);
      }
    }
  });

  it('one article against itself: 51% and 84% of developers using AI tools daily', async () => {
    const part = await run('deepdive', 'disagreements');
    const daily = section(part, /^Developers who use AI tools every day$/);
    expect(daily?.items).toEqual([expect.stringMatching(/^51% of professional developers.*Ismat Samadov/), expect.stringMatching(/^84%.*Ismat Samadov/)]);
    expect(daily?.body).toMatch(/84% on developers who use or plan to use AI tools, and 51% on daily use/);
    const figures = core.kb.aiEngineer.figures.find((g) => g.topic === 'developer adoption of AI tools')!.items.map((f) => f.value);
    expect(figures).toEqual(expect.arrayContaining([84, 51]));
  });

  it('AI Research Scientist: India pay in the salary table against the role breakdown, on the card and in /salary india', async () => {
    const card = await run('role', 'AI Research Scientist');
    const line = section(card, /^Where sources disagree$/)?.items?.find((i) => i.startsWith('India pay by level')) ?? '';
    expect(line).toMatch(/mid ₹30-50 LPA, senior ₹40-80\+ LPA \(salary table of GenAI Career Roles — Complete Reference \(2026\)\)/);
    const india = core.kb.role('ai-research-scientist').salary.india;
    expect(line).toContain(`₹${india.entry!.min}-${india.entry!.max} LPA as a research fellow, senior ₹${india.senior!.min}-${india.senior!.max} LPA`);
    expect(line).toContain('(role breakdown of GenAI Career Roles');
    expect(everything(await run('salary', 'AI Research Scientist india'))).toContain('salary table of GenAI Career Roles');
    expect(everything(await run('salary', 'AI Research Scientist us'))).not.toContain('salary table of');
  });

  it('AI Safety / Red Team: L4 in the overview, cross-cutting in its breakdown; /roles L4 and /roles cross say so', async () => {
    const card = await run('role', 'AI Safety / Red Team Engineer');
    const line = section(card, /^Where sources disagree$/)?.items?.find((i) => i.startsWith('Layer:')) ?? '';
    expect(line).toMatch(/^Layer: L4 Fine-tuning & Evaluation in the overview table.*cross-cutting \(all layers\) in its role breakdown/);
    expect(card.fields.find((f) => f.label === 'Layer')?.value).toBe('L4 Fine-tuning & Evaluation, cross-cutting (all layers)');
    expect((await run('roles', 'L4')).description).toMatch(/AI Safety \/ Red Team Engineer is counted here, as in the overview table/);
    expect((await run('roles', 'cross')).description).toMatch(/AI Safety \/ Red Team Engineer is not counted here/);
    expect((await run('roles', 'L5')).description).not.toMatch(/AI Safety/);
    // No other role is filed outside the layers its breakdown names.
    const layerLines = core.kb.roles.filter((r) => core.disagreements(r).some((d) => d.kind === 'layer')).map((r) => r.id);
    expect(layerLines).toEqual(['ai-safety-red-team-engineer']);
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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('wording and missing items', () => {
  it('gives every vector-database pick a whole clause, and names no source by its file number or a data path', async () => {
    const stack = await run('deepdive', 'stack');
    const picks = section(stack, /^Vector databases$/)?.items ?? [];
    expect(picks).toEqual(
      expect.arrayContaining([
        'already running Postgres (under 30,000,000 vectors): pgvector, because it needs no new infrastructure and performs well enough',
        'managed production: Pinecone, because it is the easiest to operate and is dependable',
        'massive scale (100,000,000+ vectors): Milvus, because it is built for distributed workloads',
      ]),
    );
    const market = everything(await run('deepdive', 'market'));
    expect(market).toContain("the guide's own editors call its employer examples provisional");
    expect(market).toContain('Named as places where senior total compensation reaches $550,000 to $850,000.');
    const pay = everything(await run('deepdive', 'pay'));
    expect(pay).toContain('Its India figure for the top rung (₹80 LPA and more)');
    const disagreements = everything(await run('deepdive', 'disagreements'));
    expect(disagreements).toContain('The HCL GUVI guide does not say whether its ranges are base or total pay.');
  });

  it('/deepdive pay and ladder carry the reference’s own AI Engineer figures and ladder', async () => {
    const pay = await run('deepdive', 'pay');
    const own = section(pay, /^The reference's figures/);
    expect(own?.items).toEqual([
      'US range: $100K–$350K+',
      'US: Entry: $100K–$140K · Mid: $140K–$211K · Senior: $195K–$350K+',
      'India: Entry: ₹5–12 LPA · Mid: ₹18–32 LPA · Senior: ₹35–60+ LPA',
    ]);
    const ladder = await run('deepdive', 'ladder');
    expect(section(ladder, /^The reference's career ladder/)?.items).toEqual(ref.pathways.ladder.map((r) => `${r.level}: ${r.years}`));
    expect(section(ladder, /^Next moves from AI Engineer/)?.items).toEqual([
      'Generative AI Engineer',
      'AI Solutions Architect',
      'Staff AI Engineer',
      'Principal Engineer',
      'CTO',
    ]);
  });

  it('/projects AI Engineer adds the articles’ portfolio advice, each with its source', async () => {
    const view = await run('projects', 'AI Engineer');
    const advice = view.sections.filter((s) => s.heading.startsWith('Portfolio advice, per '));
    expect(advice.map((s) => s.heading)).toEqual([
      'Portfolio advice, per "AI Engineer: The Complete Guide"',
      'Portfolio advice, per "AI Engineering Is the Highest-Paying Role Nobody Can Define" (Ismat Samadov)',
      'Portfolio advice, per "Who Is an AI Engineer? Role, Skills & Career Path" (Vishalini Devarajan)',
    ]);
    expect(advice[0]!.items).toContain('it should have a retrieval layer, a written evaluation rubric, observability and a postmortem of what went wrong');
    expect((await run('projects', 'ML Engineer')).sections.some((s) => s.heading.startsWith('Portfolio advice'))).toBe(false);
  });

  it('counts in the singular and the plural, and says "a 6–8-month roadmap"', async () => {
    expect((await run('projects', 'Conversational AI Engineer')).description).toBe(
      '2 project ideas from the reference, each with a tip on what makes it count.',
    );
    for (const which of ['L1', 'AI Infrastructure Engineer']) {
      expect((await run('projects', which)).description, which).toBe('1 project idea from the reference, with a tip on what makes it count.');
    }
    expect((await run('deepdive', 'roadmap')).description).toMatch(/^A 6–8-month roadmap of focused work/);
  });

  it('/companies with a tier says where that tier sits instead of repeating the all-tiers introduction', async () => {
    const all = await run('companies', '');
    const one = await run('companies', '1');
    expect(one.description).toBe(`Tier 1 of the reference's ${ref.companyTiers.length} tiers of target companies.`);
    expect(one.description).not.toBe(all.description);
  });

  it('quotes the system-design prompts exactly or not at all, and asks about a "complex" problem as the reference does', () => {
    const design = ref.interviewRounds.find((r) => r.id === 'system-design')!.topics;
    expect(design).toEqual([
      '"Design a RAG system for 10M documents"',
      '"Design an AI agent platform"',
      'designing model serving for 1000 QPS',
      'cost optimization',
      'latency SLOs',
    ]);
    const behavioral = ref.interviewRounds.find((r) => r.id === 'behavioral')!.notes;
    expect(behavioral.join(' ')).toContain('a complex technical problem');
    expect(behavioral.join(' ')).not.toMatch(/hardest/);
  });

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
