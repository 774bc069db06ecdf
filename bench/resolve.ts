import Fuse from 'fuse.js';
import { createCore } from '../src/core/index.js';
import { CALIBRATION, judge } from '../test/fixtures/resolve-calibration.js';
import { VARIANTS } from '../test/fixtures/resolve-calibration-variants.js';
import { heading, row, summarize } from './stats.js';
import { cliBatch } from './cli-batch.js';

const QUERIES = {
  exact: ['AI Engineer', 'ML Engineer', 'RAG Engineer', 'MLOps', 'DevRel', 'AI Architect', 'CV Engineer', 'AI Product Manager', 'LLMOps', 'Prompt Engineer'],
  typo: [
    'ai enginer',
    'ml enigneer',
    'promt engineer',
    'reserch scientist',
    'computer vison engineer',
    'infrence optimization',
    'ai product manger',
    'fondation model engineer',
    'conversatonal ai',
    'ai data enginer',
  ],
  nonsense: [
    'banana bread',
    'asdfghjkl',
    'Chief Vibes Officer',
    'plumber',
    'xyzzy quux',
    'underwater basket weaving',
    'qwertyuiop asdf',
    'zzzz',
    'lorem ipsum dolor',
    'accountant',
  ],
  // Titles as postings write them: seniority, a team after a comma or dash, titles outside AI.
  postings: [
    'Senior Machine Learning Engineer, Ads',
    'Data Engineer, ML Platform',
    'Member of Technical Staff - Pretraining',
    'Sales Engineer - AI Platform',
    'Senior Product Manager, AI/ML',
    'Staff Prompt Engineer (Remote)',
    'Frontend Engineer',
    'Technical Writer',
    'Software Engineer, Machine Learning',
    'Site Reliability Engineer',
  ],
};
/** The fuse.js baseline is ~1,000× slower; fewer samples keep the suite short and still give a p99. */
const BASELINE_ITERATIONS = 2_000;

function time(fn: (q: string) => unknown, queries: string[], iterations: number): { p50: number; p99: number; perSecond: number } {
  for (let i = 0; i < 2_000; i++) fn(queries[i % queries.length]!);
  const samples = new Array<number>(iterations);
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    fn(queries[i % queries.length]!);
    samples[i] = Number(process.hrtime.bigint() - t0) / 1_000;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const s = summarize(samples);
  return { p50: s.p50, p99: s.p99, perSecond: iterations / seconds };
}

function batchLines(n: number): Promise<{ seconds: number; lines: number }> {
  const titles = [...QUERIES.exact, ...QUERIES.typo, ...QUERIES.nonsense, 'Senior Machine Learning Engineer, Ads', 'Staff Prompt Engineer (Remote)'];
  return cliBatch(
    'role',
    Array.from({ length: n }, (_, i) => titles[i % titles.length]!),
  );
}

export async function benchResolve(): Promise<void> {
  const core = createCore();
  const names = core.kb.roles.flatMap((r) => [r.name, ...r.aliases]);
  const baseline = new Fuse(names);
  heading('Resolver (µs per lookup; baseline: plain fuse.js, default options, same names and aliases)');
  const iterations = 20_000;
  for (const [kind, queries] of Object.entries(QUERIES)) {
    const ours = time((q) => core.resolve(q), queries, iterations);
    const base = time((q) => baseline.search(q), queries, BASELINE_ITERATIONS);
    row(`${kind}: resolve() p50 / p99`, `${ours.p50.toFixed(1)} / ${ours.p99.toFixed(1)} µs, ${Math.round(ours.perSecond).toLocaleString('en-US')} lookups/s`);
    row(
      `${kind}: fuse.js baseline p50 / p99`,
      `${base.p50.toFixed(1)} / ${base.p99.toFixed(1)} µs, ${Math.round(base.perSecond).toLocaleString('en-US')} lookups/s`,
    );
  }
  const verdicts = CALIBRATION.map(([q, want]) => judge(core.resolve(q), want).verdict);
  const count = (v: string) => verdicts.filter((x) => x === v).length;
  row(
    'calibration set: right / wrong / confident wrong',
    `${count('right')} / ${count('wrong')} / ${count('confident-wrong')} of ${CALIBRATION.length} labelled titles`,
  );
  for (const [kind, cases] of Object.entries(VARIANTS)) {
    const right = cases.filter(([q, want]) => judge(core.resolve(q), want).verdict === 'right').length;
    row(`calibration, ${kind}: right`, `${right} of ${cases.length}`);
  }
  const batch = await batchLines(10_000);
  row('batch mode: 10,000 lines end to end', `${batch.seconds.toFixed(2)} s (${batch.lines} JSON lines, process start included)`);
}
