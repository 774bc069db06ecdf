import { beforeAll, describe, expect, it } from 'vitest';
import { ASK_CALIBRATION } from '../fixtures/ask-calibration.js';
import { ASK_DEV } from '../fixtures/ask-dev.js';
import { AskIntent } from '../../src/understand/types.js';
import { testCore } from '../helpers/core.js';
import { accuracy, type Judged, judgeSet } from './ask-judge.js';

const core = testCore();

function report(name: string, judged: readonly Judged[]): void {
  const count = (v: string) => judged.filter((j) => j.verdict === v).length;
  // The figure the issue asks for: printed on every run.
  console.log(
    `ask ${name}: ${(accuracy(judged) * 100).toFixed(1)}% right (${count('right')} of ${judged.length}), ${count('wrong')} wrong, ${count('confident-wrong')} confidently wrong`,
  );
  for (const j of judged.filter((x) => x.verdict !== 'right'))
    console.log(`  ${j.verdict}: ${JSON.stringify(j.question.slice(0, 100))} ${j.why.slice(0, 300)}`);
}

describe('ask: calibration set', () => {
  let judged: Judged[];
  beforeAll(async () => {
    judged = await judgeSet(core, ASK_CALIBRATION);
    report('calibration', judged);
  });

  it('has at least 400 questions with the dev check, and covers every command', () => {
    expect(ASK_CALIBRATION.length + ASK_DEV.length).toBeGreaterThanOrEqual(400);
    const commands = new Set(ASK_CALIBRATION.filter(([, l]) => l.status === 'answered').map(([, l]) => l.command));
    expect([...commands].sort()).toEqual([...AskIntent.options].sort());
    expect(new Set(ASK_CALIBRATION.map(([, l]) => l.status))).toEqual(new Set(['answered', 'clarify', 'out_of_scope']));
  });

  it('never answers the wrong question with confidence', () => {
    expect(judged.filter((j) => j.verdict === 'confident-wrong').map((j) => `${j.question}: ${j.why}`)).toEqual([]);
  });

  it('gets at least 95% right', () => {
    expect(accuracy(judged)).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the dev check free of confidently wrong answers too, and reports its accuracy', async () => {
    const dev = await judgeSet(core, ASK_DEV);
    report('dev', dev);
    expect(dev.filter((j) => j.verdict === 'confident-wrong').map((j) => `${j.question}: ${j.why}`)).toEqual([]);
  });

  it('runs every answer through its command without a validation error or a failure', () => {
    expect(judged.filter((j) => j.outcome !== 'ok').map((j) => `${j.question}: ${j.outcome}`)).toEqual([]);
    for (const j of judged.filter((x) => x.json.status === 'answered')) {
      expect(j.json.view.understood).toBe(j.json.understood);
      expect(['ambiguous', 'not_found', 'notice', 'error'], j.question).not.toContain(j.json.view.kind);
    }
  });
});
