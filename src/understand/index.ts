import type { Core } from '../core/index.js';
import { aboutMe } from './about-me.js';
import { analyse } from './analysis.js';
import { decide } from './decide.js';
import { refine } from './follow-up.js';
import type { AskContext, Understanding } from './types.js';
import { buildVocabulary, type Vocabulary } from './vocabulary.js';

export type { Understanding } from './types.js';
export { AskContext } from './types.js';
export { CONTEXT_TTL_MS } from './types.js';
export { contextAfter } from './follow-up.js';

/**
 * Questions in plain words → a command with its arguments, a clarifying question with choices,
 * or out of scope. Offline, deterministic, and explained by its evidence. Build one per core
 * (the vocabulary is read from its knowledge base); `understanding(core)` keeps one.
 */
export class Understander {
  private readonly vocab: Vocabulary;

  constructor(private readonly core: Core) {
    this.vocab = buildVocabulary(core.kb);
  }

  /** `previous`: the conversation's last turn, for follow-ups ("and in india?"); ignored once stale. */
  understand(text: string, previous?: AskContext, now: number = Date.now()): Understanding {
    const a = analyse(this.core, this.vocab, text);
    if (previous) {
      const followUp = refine(this.core, a, previous, now);
      if (followUp) return followUp;
    }
    const base = decide(this.core, a);
    return aboutMe(a, text, base) ?? base;
  }
}

const cache = new WeakMap<Core, Understander>();

/** The Understander for a core, built on first use (the CLI and bots that never get a question never pay for it). */
export function understanding(core: Core): Understander {
  let u = cache.get(core);
  if (!u) {
    u = new Understander(core);
    cache.set(core, u);
  }
  return u;
}
