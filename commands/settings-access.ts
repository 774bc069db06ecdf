import type { SettingsMarket, Visibility, WorkspaceSettings } from '../src/core/schema/settings.js';
import type { SettingsStore, WorkspaceKey } from '../src/store/settings-store.js';
import type { Allowed } from './spotlight-access.js';
import { withDeadline } from './store-deadline.js';
import { MARKET_LABEL } from '../src/views/format.js';

/**
 * What a front end hands /settings, per request, as `ctx.settings`, and how the rest of RoleCall
 * reads a workspace's settings: so that a store failure never costs an answer.
 */

export interface SettingsAccess {
  store: SettingsStore;
  /** The Discord server or Slack workspace the request came from (or the CLI's --workspace). */
  workspace: WorkspaceKey;
  /** The channel asked in; absent in a DM, which answer_in and the channel overrides never touch. */
  channelId?: string;
  /** May the invoker change them? Discord: Manage Server; Slack: workspace admins and owners; the CLI: always. */
  authorize(): Promise<Allowed>;
}

/**
 * The workspace's settings for this request, or undefined where there are none, none are kept
 * (a DM, the console) or the store fails: a settings read error must never fail an answer.
 */
export async function readSettings(access: SettingsAccess | undefined): Promise<WorkspaceSettings | undefined> {
  if (!access) return undefined;
  try {
    // Bounded like every read before an answer: a stalled store costs the settings, not the answer.
    return (await withDeadline(access.store.get(access.workspace)))?.settings;
  } catch {
    return undefined;
  }
}

/** The visibility in a channel: its override, else the workspace's; undefined: the platform's default. */
export const visibilityIn = (s: WorkspaceSettings | undefined, channelId: string | undefined): Visibility | undefined =>
  (channelId ? s?.channelVisibility[channelId] : undefined) ?? s?.visibility;

/** Does RoleCall answer mentions and questions in this channel? Every channel unless answer_in lists some. */
export const answersIn = (s: WorkspaceSettings | undefined, channelId: string | undefined): boolean =>
  !s?.answerIn || channelId === undefined || s.answerIn.includes(channelId);

/** Does RoleCall answer a mention here? Read so that a store failure answers, as everywhere. */
export const answersHere = async (access: SettingsAccess | undefined): Promise<boolean> => answersIn(await readSettings(access), access?.channelId);

/** Channels by id ("#C0123ABC"): View text is plain, so a platform's channel link would show escaped. */
export const channelLinks = (ids: readonly string[]) => ids.map((id) => `#${id}`).join(', ');

/** "this server" (Discord) or "this workspace" (Slack, the CLI's Slack target). */
export const workspaceWord = (key: WorkspaceKey | undefined) => (key?.platform === 'discord' ? 'server' : 'workspace');

export const MARKET_NAMES: Record<SettingsMarket, string> = { us: 'the US', india: 'India', uk: 'the UK' };
/** Every market a profile or a workspace can name, as a label: the salary markets' and the UK. */
export const MARKET_LABELS: Record<SettingsMarket, string> = { ...MARKET_LABEL, uk: 'UK' };
