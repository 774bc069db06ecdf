import type { Claim, SpotlightPlatform, Subscription } from '../store/spotlight-store.js';
import { spotlightThreadFor } from '../views/cards/spotlight-thread.js';
import type { SpotlightPoster } from './poster.js';
import type { RunnerDeps } from './run-types.js';
import { weekKeyAt } from './schedule.js';

/**
 * The discussion thread under a weekly post, exactly once like the post. markSent starts the
 * step ('opening', with a lease); a crash or a failed try leaves it there, and the next run
 * takes it once the lease ends, looks for the thread on the platform, and opens or completes it.
 */

/** Tries per week before the step is given up (the post itself stands either way). */
export const THREAD_TRIES = 3;

type ThreadClaim = Pick<Claim, 'id' | 'roleId' | 'weekKey' | 'threadAttempts'>;

/** One try: opens the thread (or finds it) and records the outcome. */
export async function openThread(
  deps: RunnerDeps,
  poster: SpotlightPoster,
  sub: Subscription,
  claim: ThreadClaim,
  messageId: string,
  recovering: boolean,
): Promise<void> {
  const { store, clock, logger, core } = deps;
  const thread = spotlightThreadFor(core, claim.roleId, claim.weekKey);
  if (!poster.openThread || !thread) {
    await store.claims.threadFailed(claim.id, 'this platform or role has no discussion thread', clock.now(), true);
    return;
  }
  const signal = AbortSignal.timeout(deps.policy.attemptTimeoutMs * 2);
  const result = await poster
    .openThread(sub, { messageId, claimId: claim.id, name: thread.name, view: thread.view, recovering }, { signal })
    .catch((err: unknown) => ({ ok: false as const, kind: 'temporary' as const, reason: `error: ${(err as Error)?.message ?? String(err)}` }));
  if (result.ok) {
    await store.claims.threadOpened(claim.id, result.threadId);
    return;
  }
  const final = result.kind === 'permanent' || claim.threadAttempts >= THREAD_TRIES;
  await store.claims.threadFailed(claim.id, result.reason, clock.now(), final);
  logger.warn({ claim: claim.id, subscription: sub.id, reason: result.reason, final }, 'spotlight discussion thread not opened');
}

/** Thread steps a crashed or failed run left: each taken by one run, in its week only. */
export async function resumeThreads(deps: RunnerDeps, posterFor: (platform: SpotlightPlatform) => SpotlightPoster | undefined): Promise<number> {
  const { store, clock } = deps;
  let done = 0;
  for (const claim of await store.claims.threadsDue(clock.now())) {
    const sub = await store.subscriptions.byId(claim.subscriptionId);
    const poster = sub && posterFor(sub.platform);
    if (!sub || !poster || !claim.messageId) continue;
    const now = clock.now();
    if (sub.status !== 'active' || claim.weekKey !== weekKeyAt(now, sub.timezone) || claim.threadAttempts >= THREAD_TRIES) {
      await store.claims.threadFailed(claim.id, 'not opened within its week', now, true);
      continue;
    }
    if (!(await store.claims.takeThread(claim.id, now, new Date(now.getTime() + deps.leaseMs)))) continue;
    await openThread(deps, poster, sub, { ...claim, threadAttempts: claim.threadAttempts + 1 }, claim.messageId, true);
    done++;
  }
  return done;
}
