import type { SpotlightAccess } from '../../../commands/spotlight-access.js';
import { previewView } from '../../../commands/spotlight-views.js';
import type { Core } from '../../core/index.js';
import { featuredSpotlight, slotInWeekOf } from '../../spotlight/index.js';
import { spotlightFor } from '../../views/cards/spotlight.js';
import type { View } from '../../views/view.js';

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
  const { roleId } = featuredSpotlight(core, slot.at);
  return previewView(spotlightFor(core, roleId)!, timezone, slot.at, slot.weekKey);
}

/** What /spotlight runs with in the console: no channels to manage, only the preview. */
export function consoleSpotlightAccess(core: Core): SpotlightAccess {
  return {
    authorize: async () => ({ ok: false, reason: 'The console has no channels to manage.' }),
    featured: () => consolePreview(core),
  };
}
