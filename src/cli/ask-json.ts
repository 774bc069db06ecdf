import type { Core } from '../core/index.js';
import type { DispatchResult } from '../app/dispatch.js';
import { questionOf } from '../app/question.js';
import type { View } from '../views/view.js';
import type { RoleRef } from './json-contract.js';
import { jsonData, type JsonData } from '../../commands/command-data.js';

/**
 * The stable JSON `rolecall ask --json` prints, one object a question (fields may be added,
 * never renamed or removed; docs/understanding.md says what each means):
 *   {"status","question","command","roles","market","layer","difficulty","skills","understood","candidates","view"}
 * and, added: "level", "args" (answered), "choices" (clarify), "evidence", "data" (the answering
 * command's facts, as `rolecall <command> --json` prints them; null unless answered).
 */
export interface AskJson {
  status: 'answered' | 'clarify' | 'out_of_scope';
  question: string;
  /** answered: the command that answered; clarify: the command meant, or null when unclear; out_of_scope: null. */
  command: string | null;
  /** Role numbers, in the order the question names them. */
  roles: number[];
  market: 'us' | 'india' | 'uk' | null;
  /** "L1".."L6"; null for none and for cross-cutting (see args.layer). */
  layer: string | null;
  /** The data's difficulty id: accessible, moderate, advanced, elite. */
  difficulty: string | null;
  skills: string[];
  understood: string;
  candidates: RoleRef[];
  view: View;
  level: 'entry' | 'mid' | 'senior' | 'staff' | null;
  args: Record<string, string> | null;
  choices: Array<{ label: string; command: string; args: Record<string, string> }>;
  evidence: Array<{ kind: string; text: string; value: string }>;
  data: JsonData | null;
}

export function askJson(core: Core, question: string, result: DispatchResult): AskJson {
  const data = questionOf(result);
  if (!data) throw new Error(`/${result.command} did not report what it understood`);
  const u = data.understanding;
  const e = u.entities;
  return {
    status: u.status,
    question,
    command: u.command,
    roles: e.roles.map((id) => core.kb.byId.get(id)?.number).filter((n): n is number => n !== undefined),
    market: e.market,
    layer: e.layer && e.layer !== 'cross' ? e.layer : null,
    difficulty: e.difficulty,
    skills: e.skills,
    understood: u.understood,
    candidates: u.status === 'clarify' ? u.candidates : [],
    view: result.view,
    level: e.level,
    args: u.status === 'answered' ? u.invocation.args : null,
    choices: u.status === 'clarify' ? u.choices.map((c) => ({ label: c.label, command: c.invoke.command, args: c.invoke.args })) : [],
    evidence: u.evidence.map((x) => ({ kind: x.kind, text: x.text, value: x.value })),
    data: jsonData(result.data),
  };
}
