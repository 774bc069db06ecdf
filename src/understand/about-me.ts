import type { Analysis } from './analysis.js';
import type { AskInvocation, Understanding } from './types.js';

/**
 * Questions about the asker ("what should I learn next?", "which role fits me?", "my salary"):
 * answered by a command that reads the saved profile itself (it runs with ctx), so this stays
 * offline and pure. Each such command says how to save a profile when none is saved.
 */
const LEARN_NEXT = /\b(what|which)\b.*\b(learn|study|pick up)\b.*\b(next|now|first)\b|\bwhat should i (learn|study)\b/;
const MISSING = /\b(skills?|what)\b.*\b(am i|i am|i'm|im) missing\b|\bhow far am i\b|\bhow close am i\b|\bgaps? in my skills\b/;
const FITS_ME = /\b(fits?|suits?|match(es)?)\s+(me|my skills|my profile)\b|\bfor me\b.*\brole\b|\brole\b.*\bfor me\b/;
const MY_PAY = /\bmy (salary|pay)\b|\bwhat (would|will|could) i (earn|make|get paid)\b|\bhow much (would|will|could) i (earn|make)\b/;
const PATH_TO = /\b(path|route) (to|into)\b/;

export function aboutMe(a: Analysis, text: string, base: Understanding): Understanding | undefined {
  const q = text.toLowerCase().replace(/[’']/g, "'");
  if (!/\b(i|me|my|i'm|im)\b/.test(q)) return undefined;
  // A starting role named ("I'm a teacher, …") is the question's own: the general reading keeps it.
  const fromNamed = base.evidence.some((e) => e.kind === 'from');
  const [role] = a.roles;
  const ref = role ? `#${role.number}` : undefined;
  let invocation: AskInvocation | undefined;
  let understood = '';
  if (MY_PAY.test(q) && ref) {
    const market = base.entities.market;
    invocation = { command: 'salary', args: { role: ref, ...(market ? { market } : {}) } };
    understood = `${role!.name} pay${market ? '' : ' in your saved market'}`;
  } else if (MISSING.test(q) && ref) {
    invocation = { command: 'role', args: { name: ref } };
    understood = `${role!.name}: the role card, with what you still have to learn`;
  } else if (fromNamed) {
    return undefined;
  } else if ((MISSING.test(q) || LEARN_NEXT.test(q)) && (!ref || /\bnext\b/.test(q))) {
    invocation = ref ? { command: 'path', args: { to: ref } } : { command: 'path', args: {} };
    understood = ref ? `Your path to ${role!.name}, with the skills each step adds` : 'What to learn next: your path from your current role to your goal';
  } else if (FITS_ME.test(q) && !ref && base.entities.skills.length === 0) {
    invocation = { command: 'match', args: {} };
    understood = 'Roles that fit your saved skills';
  } else if (PATH_TO.test(q) && ref && a.roles.length === 1 && base.status === 'clarify') {
    invocation = { command: 'path', args: { to: ref } };
    understood = `Career path from your current role to ${role!.name}`;
  }
  if (!invocation) return undefined;
  return {
    status: 'answered',
    command: invocation.command,
    invocation,
    understood,
    entities: base.entities,
    evidence: [...base.evidence, { kind: 'cue', text: 'me', value: invocation.command }],
    alternatives: [],
    list: [],
  };
}
