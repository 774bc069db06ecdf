import type { Core } from '../core/index.js';
import type { Claim, ChannelKey, Subscription, SpotlightFilter } from '../store/spotlight-store.js';
import { type Field, type View, view } from '../views/view.js';
import { DIFFICULTY_LABEL, kbView, layerLabel } from '../views/format.js';
import { DAY_NAMES } from './input.js';
import { formatLocal } from './schedule.js';

/**
 * Views for managing the spotlight (status, preview, list), shared by the Discord and Slack
 * /spotlight commands and the CLI. Plain text throughout; answers are private to the asker.
 */

export interface SpotlightStatus {
  channel: ChannelKey;
  subscription?: Subscription;
  /** The next slot, in the channel's zone. */
  next?: { weekKey: string; at: Date };
  /** This week's claim, if any. */
  thisWeek?: Claim;
  recent: Claim[];
  /** Progress through the current rotation cycle. */
  cycle?: { number: number; shown: number; eligible: number };
  /** False when this process has no poster for the platform (e.g. the CLI without a token). */
  canSend: boolean;
}

export function channelLabel(c: ChannelKey): string {
  return `${c.platform}:${c.workspaceId}/${c.channelId}`;
}

export function scheduleText(sub: Pick<Subscription, 'dayOfWeek' | 'localTime' | 'timezone'>): string {
  return `${DAY_NAMES[sub.dayOfWeek - 1]}s at ${sub.localTime} (${sub.timezone})`;
}

export function filterText(core: Core, filter: SpotlightFilter): string {
  const parts = [...(filter.layer ? [layerLabel(core.kb, filter.layer)] : []), ...(filter.difficulty ? [`${DIFFICULTY_LABEL[filter.difficulty]} entry`] : [])];
  return parts.length ? parts.join(', ') : 'All roles';
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

/** The spotlight as it will be posted, marked as a private preview. */
export function previewView(spotlight: View, sub: Pick<Subscription, 'timezone'>, at: Date, weekKey: string): View {
  return {
    ...spotlight,
    description: `Preview of the spotlight for ${weekKey}, due ${formatLocal(at, sub.timezone)}. ${spotlight.description ?? ''}`.trim(),
    private: true,
  };
}

export function listView(core: Core, subs: Subscription[]): View {
  return view({
    kind: 'list',
    title: `Spotlight subscriptions (${subs.length})`,
    table: {
      columns: ['Channel', 'Schedule', 'Roles', 'Status'],
      rows: subs.map((s) => [
        channelLabel(s),
        scheduleText(s),
        filterText(core, s.filter),
        s.status === 'active' ? 'active' : `paused: ${s.pausedReason ?? ''}`,
      ]),
    },
    private: true,
  });
}
