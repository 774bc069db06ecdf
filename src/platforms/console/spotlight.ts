import type { Core } from '../../core/index.js';
import type { Env } from '../../config/env.js';
import { featuredSpotlight, previewView, slotInWeekOf } from '../../spotlight/index.js';
import type { View } from '../../views/view.js';
import { notice } from '../../views/cards/notice.js';

/** The terminal's own zone; the console "channel" posts at Monday 15:00 there, the default slot. */
function localTimezone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The console "channel" follows the workspace-wide rotation (the one Slack's Home tab shows):
 * the real shuffled cycle, every role once before any repeats, one a week, and the real
 * preview View. It needs no platform and no database, so anyone can try it.
 */
export function consolePreview(core: Core, now: Date = new Date(), timezone: string = localTimezone()): View {
  const slot = slotInWeekOf({ dayOfWeek: 1, localTime: '15:00', timezone }, now);
  const { view } = featuredSpotlight(core, slot.at);
  return previewView(view, { timezone }, slot.at, slot.weekKey);
}

/** Console-only commands: `/spotlight preview` shows what a channel would get this week. */
export function consoleExtras(core: Core, env: Env): Record<string, (text: string) => Promise<View>> {
  void env;
  return {
    spotlight: async (text) => {
      const sub = text.trim().split(/\s+/)[0]?.toLowerCase() || 'preview';
      if (sub !== 'preview') {
        return notice('Only /spotlight preview works here', 'Subscribing channels needs Discord or Slack, or the CLI: rolecall spotlight add.', 'info');
      }
      return consolePreview(core);
    },
  };
}
