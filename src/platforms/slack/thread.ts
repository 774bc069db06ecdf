import { COMPARE_SLOTS } from '../../../commands/compare.js';
import type { CommandContext } from '../../../commands/index.js';
import type { DispatchResult } from '../../app/dispatch.js';
import type { Core, RoleId } from '../../core/index.js';
import type { ThreadComparison, ThreadKey } from '../../store/store.js';
import { notice } from '../../views/cards/notice.js';
import type { View } from '../../views/view.js';
import type { SlackDeps } from './deps.js';
import type { MentionIntent } from './mention-parse.js';

/** The answer to a mention: one or more Views, and how it went (for the metric and log). */
export interface ThreadAnswer {
  command: string;
  views: View[];
  outcome: DispatchResult['outcome'];
  errorId?: string;
  error?: unknown;
}

const SLOTS = COMPARE_SLOTS;
const MAX_COMPARE = COMPARE_SLOTS.length;

const START_HINT = 'Start one with a mention such as "@RoleCall AI Engineer vs ML Engineer".';

function answer(command: string, results: DispatchResult[]): ThreadAnswer {
  const failed = results.find((r) => r.outcome === 'error') ?? results.find((r) => r.outcome !== 'ok');
  return {
    command,
    views: results.map((r) => r.view),
    outcome: failed?.outcome ?? 'ok',
    ...(failed?.errorId ? { errorId: failed.errorId, error: failed.error } : {}),
  };
}

const noticeAnswer = (command: string, view: View, outcome: ThreadAnswer['outcome'] = 'invalid'): ThreadAnswer => ({ command, views: [view], outcome });

/** "#8": a reference the resolver answers exactly; undefined for an id the data no longer has. */
function ref(core: Core, id: RoleId): string | undefined {
  const role = core.kb.byId.get(id);
  return role ? `#${role.number}` : undefined;
}

function names(core: Core, ids: readonly RoleId[]): string {
  return ids.map((id) => core.kb.byId.get(id)?.name ?? id).join(', ');
}

/** Remembers a comparison the compare command made (its result's data) for the thread, so later mentions refine it. */
export async function rememberComparison(deps: SlackDeps, key: ThreadKey, roles: readonly RoleId[]): Promise<void> {
  const previous = await deps.store.threads.get(key);
  await deps.store.threads.put(key, { roles: [...roles], market: previous?.market ?? 'both' });
}

function compareArgs(refs: readonly string[]): Record<string, string> {
  return Object.fromEntries(refs.slice(0, SLOTS.length).map((r, i) => [SLOTS[i]!, r]));
}

async function refine(deps: SlackDeps, intent: MentionIntent, key: ThreadKey, state: ThreadComparison, ctx: CommandContext): Promise<ThreadAnswer> {
  const { dispatcher } = deps;
  const core = dispatcher.core;
  const refs = state.roles.map((id) => ref(core, id)).filter((r): r is string => Boolean(r));
  if (refs.length === 0) return noticeAnswer(intent.kind, notice('No comparison in this thread yet', START_HINT));
  switch (intent.kind) {
    case 'add': {
      if (!intent.role) return noticeAnswer('compare', notice('Which role?', 'Say "@RoleCall add RAG Engineer".'));
      const res = core.resolve(intent.role);
      if (res.status === 'found' && state.roles.includes(res.role.id)) {
        return noticeAnswer('compare', notice('Already compared', `${res.role.name} is already in this thread's comparison.`));
      }
      if (state.roles.length >= MAX_COMPARE) {
        return noticeAnswer(
          'compare',
          notice(
            'That is the most',
            `A comparison takes at most ${MAX_COMPARE} roles. Drop one first: "@RoleCall drop ${core.kb.byId.get(state.roles[0]!)?.name ?? 'a role'}".`,
          ),
        );
      }
      // An unresolved name goes to the compare command too, whose answer offers the candidates.
      const result = await dispatcher.run('compare', compareArgs([...refs, intent.role]), ctx);
      if (result.data?.kind === 'comparison') await deps.store.threads.put(key, { roles: result.data.roles, market: state.market });
      return answer('compare', [result]);
    }
    case 'drop': {
      const res = intent.role ? core.resolve(intent.role) : undefined;
      if (res?.status !== 'found' || !state.roles.includes(res.role.id)) {
        return noticeAnswer('compare', notice('Not in this comparison', `This thread compares ${names(core, state.roles)}. Drop one of those.`));
      }
      const remaining = state.roles.filter((id) => id !== res.role.id);
      await deps.store.threads.put(key, { roles: remaining, market: state.market });
      if (remaining.length < 2) {
        const left = names(core, remaining) || 'no role';
        return noticeAnswer('compare', notice(`Dropped ${res.role.name}`, `Only ${left} is left. Add another: "@RoleCall add <role>".`, 'info', false), 'ok');
      }
      const left = remaining.map((id) => ref(core, id)).filter((r): r is string => Boolean(r));
      return answer('compare', [await dispatcher.run('compare', compareArgs(left), ctx)]);
    }
    case 'salary': {
      const market = intent.market ?? state.market;
      if (intent.market && intent.market !== state.market) await deps.store.threads.put(key, { roles: state.roles, market });
      return answer('salary', await Promise.all(refs.map((role) => dispatcher.run('salary', { role, market }, ctx))));
    }
    case 'path': {
      if (refs.length < 2) return noticeAnswer('path', notice('Add a role first', 'A path needs two roles in the comparison.'));
      const [from, ...others] = refs;
      return answer('path', await Promise.all(others.map((to) => dispatcher.run('path', { from: from!, to }, ctx))));
    }
    default:
      throw new Error(`not a refinement: ${intent.kind}`);
  }
}

/** Answers a mention in a thread: a new comparison, a refinement of the thread's one, or a command. */
export async function answerMention(deps: SlackDeps, intent: MentionIntent, key: ThreadKey, ctx: CommandContext): Promise<ThreadAnswer> {
  if (intent.kind === 'command') {
    return answer(intent.name, [await deps.dispatcher.runText(intent.name, intent.text, ctx)]);
  }
  if (intent.kind === 'compare') {
    const result = await deps.dispatcher.runText('compare', intent.text, ctx);
    if (result.data?.kind === 'comparison') await rememberComparison(deps, key, result.data.roles);
    return answer('compare', [result]);
  }
  const state = await deps.store.threads.get(key);
  const command = intent.kind === 'salary' || intent.kind === 'path' ? intent.kind : 'compare';
  if (!state || state.roles.length === 0) {
    return noticeAnswer(command, notice('No comparison in this thread yet', START_HINT));
  }
  return refine(deps, intent, key, state, ctx);
}
