import type { Core } from '../../src/core/index.js';
import { Dispatcher } from '../../src/app/dispatch.js';
import { askJson, type AskJson } from '../../src/cli/ask-json.js';
import { type AskCase, judgeAsk, type Verdict } from '../fixtures/ask-labels.js';

export interface Judged {
  question: string;
  verdict: Verdict;
  why: string;
  json: AskJson;
  outcome: string;
}

/** Each question through the Dispatcher as every front end runs it, judged on the CLI's JSON contract. */
export async function judgeSet(core: Core, set: readonly AskCase[]): Promise<Judged[]> {
  const dispatcher = new Dispatcher(core);
  const out: Judged[] = [];
  for (const [question, label] of set) {
    const result = await dispatcher.run('ask', { question }, { platform: 'cli' });
    const json = askJson(core, question, result);
    out.push({ question, ...judgeAsk(json, label), json, outcome: result.outcome });
  }
  return out;
}

export function accuracy(judged: readonly Judged[]): number {
  return judged.filter((j) => j.verdict === 'right').length / judged.length;
}
