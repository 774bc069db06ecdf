import type { SettingsMarket, Visibility, WorkspaceSettings } from '../src/core/schema/settings.js';
import type { WorkspaceKey } from '../src/store/settings-store.js';
import { view, type View } from '../src/views/view.js';
import { channelLinks, MARKET_NAMES, workspaceWord } from './settings-access.js';

/** What one /settings set changes; "default" clears a value (with `channel`, that channel's override). */
export interface SettingsChange {
  market?: SettingsMarket | 'default';
  visibility?: Visibility | 'default';
  /** With `visibility`: that channel's override instead of the workspace's visibility. */
  channel?: string;
  /** Empty: every channel again. */
  answerIn?: string[];
}

/** The settings after a change, before the schema checks them (the caps on channels). */
export function applyChange(current: WorkspaceSettings | undefined, change: SettingsChange): unknown {
  const next: Record<string, unknown> = { channelVisibility: {}, ...current };
  if (change.market) next.market = change.market === 'default' ? undefined : change.market;
  if (change.visibility && change.channel) {
    const overrides = { ...(current?.channelVisibility ?? {}) };
    if (change.visibility === 'default') delete overrides[change.channel];
    else overrides[change.channel] = change.visibility;
    next.channelVisibility = overrides;
  } else if (change.visibility) next.visibility = change.visibility === 'default' ? undefined : change.visibility;
  if (change.answerIn) next.answerIn = change.answerIn.length ? [...new Set(change.answerIn)] : undefined;
  return Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined));
}

const VISIBILITY_TEXT: Record<Visibility, string> = { public: 'public: to the channel', private: 'private: to the asker only' };

/** The workspace's settings, each with what it means; `title` after a change. */
export function settingsView(s: WorkspaceSettings | undefined, key: WorkspaceKey, title?: string): View {
  const where = workspaceWord(key);
  const overrides = Object.entries(s?.channelVisibility ?? {});
  return view({
    kind: 'notice',
    title: title ?? `Settings for this ${where}`,
    description: s
      ? `What RoleCall does in this ${where}; change it with /settings set.`
      : `This ${where} uses RoleCall’s defaults; change them with /settings set.`,
    tone: title ? 'success' : 'info',
    private: true,
    fields: [
      {
        label: 'Market',
        value: s?.market ? `${MARKET_NAMES[s.market]} (for /salary when neither the question nor the asker’s profile names one)` : 'none: both US and India',
      },
      { label: 'Visibility', value: s?.visibility ? VISIBILITY_TEXT[s.visibility] : 'this platform’s default' },
      ...(overrides.length ? [{ label: 'Channel visibility', value: overrides.map(([c, v]) => `${channelLinks([c])}: ${v}`).join('\n') }] : []),
      { label: 'Answers mentions and /ask in', value: s?.answerIn ? channelLinks(s.answerIn) : 'every channel' },
    ],
  });
}
