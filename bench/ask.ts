import { createCore } from '../src/core/index.js';
import { Dispatcher } from '../src/app/dispatch.js';
import { Understander } from '../src/understand/index.js';
import { ASK_CALIBRATION } from '../test/fixtures/ask-calibration.js';
import { ASK_DEV } from '../test/fixtures/ask-dev.js';
import { heading, row, summarize } from './stats.js';
import { cliBatch } from './cli-batch.js';

const QUESTIONS = [...ASK_CALIBRATION, ...ASK_DEV].map(([q]) => q).filter((q) => q.trim());

function time(fn: (q: string) => unknown, iterations: number): { p50: number; p99: number; perSecond: number } {
  for (let i = 0; i < 3_000; i++) fn(QUESTIONS[i % QUESTIONS.length]!);
  const samples = new Array<number>(iterations);
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    fn(QUESTIONS[i % QUESTIONS.length]!);
    samples[i] = Number(process.hrtime.bigint() - t0) / 1_000;
  }
  const s = summarize(samples);
  return { ...s, perSecond: iterations / (Number(process.hrtime.bigint() - start) / 1e9) };
}

const us = (t: { p50: number; p99: number; perSecond: number }, unit = 'questions') =>
  `${t.p50.toFixed(1)} / ${t.p99.toFixed(1)} µs, ${Math.round(t.perSecond).toLocaleString('en-US')} ${unit}/s`;

export async function benchAsk(): Promise<void> {
  const core = createCore();
  const t0 = process.hrtime.bigint();
  const understander = new Understander(core);
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
  heading(`Ask (${QUESTIONS.length} calibration and dev questions; baseline: one core.resolve of the same texts)`);
  row('understanding built on first question', `${buildMs.toFixed(1)} ms`);
  row('understand() p50 / p99', us(time((q) => understander.understand(q, undefined, 0), 50_000)));
  row(
    'baseline core.resolve(question) p50 / p99',
    us(
      time((q) => core.resolve(q), 50_000),
      'lookups',
    ),
  );
  const dispatcher = new Dispatcher(core);
  const samples: number[] = [];
  for (let i = 0; i < 6_000; i++) {
    const q = QUESTIONS[i % QUESTIONS.length]!;
    const s = process.hrtime.bigint();
    await dispatcher.run('ask', { question: q }, { platform: 'cli' });
    if (i >= 1_000) samples.push(Number(process.hrtime.bigint() - s) / 1_000);
  }
  const d = summarize(samples);
  row('Dispatcher /ask, answer View included, p50 / p99', `${d.p50.toFixed(1)} / ${d.p99.toFixed(1)} µs`);
  const lines = Array.from({ length: 10_000 }, (_, i) => QUESTIONS[i % QUESTIONS.length]!.replace(/\n/g, ' '));
  const asked = await cliBatch('ask', lines);
  row('rolecall ask: 10,000 questions end to end', `${asked.seconds.toFixed(2)} s (${asked.lines} JSON lines, process start included)`);
  const titles = Array.from({ length: 10_000 }, (_, i) => ['AI Engineer', 'ml enigneer', 'Data Scientist', 'MLOps', 'banana bread'][i % 5]!);
  const roles = await cliBatch('role', titles);
  row('baseline rolecall role: 10,000 titles end to end', `${roles.seconds.toFixed(2)} s (${roles.lines} JSON lines, process start included)`);
}
