import type { Core } from '../src/core/index.js';
import { DAY_NAMES } from '../src/spotlight/input.js';
import type { ManageProblem, ManageResult, PostNowResult, PreviewResult, SpotlightStatus, SubscribeResult } from '../src/spotlight/manage-results.js';
import { formatLocal } from '../src/spotlight/schedule.js';
import type { ChannelKey, Claim, SpotlightFilter, Subscription } from '../src/store/spotlight-store.js';
import { notice } from '../src/views/cards/notice.js';
import { spotlightFor } from '../src/views/cards/spotlight.js';
import { DIFFICULTY_LABEL, kbView, layerLabel } from '../src/views/format.js';
import { type Field, type View, view } from '../src/views/view.js';

/**
 * /spotlight's answers, from what SpotlightService reports (src/spotlight/manage-results.ts):
 * the management notices, status, preview and the CLI's list. Worded for any front end (no
 * command names, which differ between chat and the CLI); answers are private to the asker.
 */

export function channelLabel(c: ChannelKey): string {
  return `${c.platform}:${c.workspaceId}/${c.channelId}`;
}

export function scheduleText(sub: Pick<Subscription, 'dayOfWeek' | 'localTime' | 'timezone'>): string {
  return `${DAY_NAMES[sub.dayOfWeek - 1]}s at ${sub.localTime} (${sub.timezone})`;
}

function filterText(core: Core, filter: SpotlightFilter): string {
  const parts = [...(filter.layer ? [layerLabel(core.kb, filter.layer)] : []), ...(filter.difficulty ? [`${DIFFICULTY_LABEL[filter.difficulty]} entry`] : [])];
  return parts.length ? parts.join(', ') : 'All roles';
}

/** The management calls, each with its own words for "this channel has no spotlight". */
type Action = 'subscribe' | 'unsubscribe' | 'pause' | 'resume' | 'preview' | 'now';

const NOT_SUBSCRIBED: Record<Action, string> = {
  subscribe: 'This channel has no weekly spotlight.',
  unsubscribe: 'This channel has no weekly spotlight.',
  pause: 'This channel has no weekly spotlight.',
  resume: 'This channel has no weekly spotlight.',
  preview: 'This channel has no weekly spotlight to preview.',
  now: 'This channel has no weekly spotlight: subscribe it first.',
};

function problemView(core: Core, action: Action, problem: ManageProblem, sub: Subscription | undefined): View {
  switch (problem.kind) {
    case 'invalid-input':
      return notice('Cannot subscribe', problem.detail);
    case 'no-matching-role':
      return action === 'preview'
        ? notice('Nothing to preview', 'No role matches this channel’s filter.')
        : notice('Cannot subscribe', `No role matches ${filterText(core, problem.filter)}. Pick a wider filter.`);
    case 'cannot-post':
      return notice(
        'I cannot post in this channel',
        `${problem.reason}. Give the bot permission to view the channel and send messages (on Slack, invite it to the channel), then subscribe again.`,
      );
    case 'not-subscribed':
      return notice('Not subscribed', NOT_SUBSCRIBED[action]);
    case 'already-paused':
      return notice('Already paused', sub?.pausedReason ?? 'The spotlight is paused.', 'info');
    case 'not-paused':
      return notice('Not paused', 'The spotlight is already active.', 'info');
    case 'paused':
      return notice('Paused', `Resume the spotlight first (${sub?.pausedReason ?? 'paused'}).`);
    case 'no-poster':
      return notice('Cannot post from here', `No ${sub?.platform ?? 'platform'} client is configured in this process.`);
  }
}

export function subscribeAnswer(core: Core, r: SubscribeResult): View {
  if (!r.ok) return problemView(core, 'subscribe', r.problem, r.subscription);
  const { subscription: sub } = r;
  const due = r.dueNow ? `now (this week's, due ${formatLocal(r.next, sub.timezone)})` : formatLocal(r.next, sub.timezone);
  const tail = sub.status === 'paused' ? ' It stays paused until someone resumes it.' : '';
  const thread = sub.thread ? ' Each post opens a discussion thread with one question about its role.' : '';
  return notice(
    `${r.created ? 'Subscribed' : 'Updated'}: weekly role spotlight`,
    `${filterText(core, sub.filter)}, ${scheduleText(sub)}. Every role is shown once before any repeats.${thread} The next one is due ${due}.${tail}`,
    'success',
  );
}

/** Unsubscribe, pause and resume. */
export function manageAnswer(core: Core, action: 'unsubscribe' | 'pause' | 'resume', r: ManageResult): View {
  if (!r.ok) return problemView(core, action, r.problem, r.subscription);
  if (action === 'unsubscribe') return notice('Unsubscribed', 'No more weekly spotlights in this channel.', 'success');
  if (action === 'pause') return notice('Paused', 'No spotlight is posted until someone resumes it.', 'success');
  return notice('Resumed', `Back on: ${scheduleText(r.subscription)}.`, 'success');
}

/** The spotlight as it will be posted, marked as a private preview. */
export function previewView(spotlight: View, timezone: string, at: Date, weekKey: string): View {
  return {
    ...spotlight,
    description: `Preview of the spotlight for ${weekKey}, due ${formatLocal(at, timezone)}. ${spotlight.description ?? ''}`.trim(),
    private: true,
  };
}

export function previewAnswer(core: Core, r: PreviewResult): View {
  if (!r.ok) return problemView(core, 'preview', r.problem, r.subscription);
  // The service checked that the role exists.
  return previewView(spotlightFor(core, r.roleId)!, r.subscription.timezone, r.dueAt, r.weekKey);
}

export function postNowAnswer(core: Core, r: PostNowResult): View {
  if ('problem' in r) return problemView(core, 'now', r.problem, r.subscription);
  const { outcome } = r;
  if (outcome.status === 'posted') {
    const role = outcome.roleId ? (core.kb.byId.get(outcome.roleId)?.name ?? outcome.roleId) : undefined;
    return notice('Posted', `This week's spotlight: ${role}.`, 'success');
  }
  if (outcome.status === 'skipped') return notice('Nothing posted', `This week's spotlight is ${outcome.reason?.replace(/ this week$/, '')}.`, 'info');
  const paused = outcome.paused ? ' The spotlight is paused until someone resumes it.' : '';
  return notice('Could not post', `${outcome.reason ?? 'failed'}.${paused}`, 'error');
}

function claimLine(core: Core, claim: Claim, timezone: string): string {
  const role = core.kb.byId.get(claim.roleId)?.name ?? claim.roleId;
  switch (claim.state) {
    case 'sent':
      return `${claim.weekKey}: ${role}, posted ${formatLocal(claim.sentAt ?? claim.claimedAt, timezone)}`;
    case 'claimed':
      return `${claim.weekKey}: ${role}, sending`;
    case 'failed':
      return `${claim.weekKey}: ${role}, not posted (${claim.failureReason ?? claim.failureKind ?? 'failed'})`;
  }
}

export function statusView(core: Core, s: SpotlightStatus): View {
  const sub = s.subscription;
  if (!sub) {
    return view({
      kind: 'notice',
      title: 'No weekly spotlight here',
      description: 'This channel is not subscribed. Subscribe it to get one role spotlight a week.',
      private: true,
    });
  }
  const fields: Field[] = [
    { label: 'Status', value: sub.status === 'active' ? 'Active' : `Paused: ${sub.pausedReason ?? 'no reason given'}`, inline: true },
    { label: 'Schedule', value: scheduleText(sub), inline: true },
    { label: 'Roles', value: filterText(core, sub.filter), inline: true },
    { label: 'Discussion thread', value: sub.thread ? 'On: each post opens one' : 'Off', inline: true },
  ];
  if (s.next && sub.status === 'active') fields.push({ label: 'Next spotlight', value: formatLocal(s.next.at, sub.timezone), inline: true });
  if (s.cycle) fields.push({ label: 'Rotation', value: `Cycle ${s.cycle.number + 1}: ${s.cycle.shown} of ${s.cycle.eligible} roles shown`, inline: true });
  if (!s.canSend)
    fields.push({
      label: 'Note',
      value: `This process has no working ${sub.platform} client (no token here, or it was refused), so it posts nothing there; the bot's scheduler does.`,
    });
  const recent = s.recent.map((c) => claimLine(core, c, sub.timezone));
  return kbView(core.kb, {
    kind: 'notice',
    title: 'Weekly role spotlight',
    description: sub.status === 'paused' ? 'Paused: no spotlight is posted until someone resumes it.' : `One role a week, ${scheduleText(sub)}.`,
    fields,
    sections: recent.length ? [{ heading: 'Recent weeks', items: recent }] : [],
    tone: sub.status === 'paused' ? 'warning' : 'info',
    private: true,
  });
}

/** `rolecall spotlight list`: every subscription, one row each. */
export function listView(core: Core, subs: Subscription[]): View {
  return view({
    kind: 'list',
    title: `Spotlight subscriptions (${subs.length})`,
    table: {
      columns: ['Channel', 'Schedule', 'Roles', 'Thread', 'Status'],
      rows: subs.map((s) => [
        channelLabel(s),
        scheduleText(s),
        filterText(core, s.filter),
        s.thread ? 'on' : 'off',
        s.status === 'active' ? 'active' : `paused: ${s.pausedReason ?? ''}`,
      ]),
    },
    private: true,
  });
}
