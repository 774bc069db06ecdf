import type { Core } from '../../core/index.js';
import type { Env } from '../../config/env.js';
import type { View } from '../../views/view.js';
import { notice } from '../../views/cards/notice.js';

/** Console-only commands: `/spotlight preview` shows what a channel would get this week. */
export function consoleExtras(core: Core, env: Env): Record<string, (text: string) => Promise<View>> {
  void env;
  return {
    spotlight: async (text) => {
      const sub = text.trim().split(/\s+/)[0] || 'preview';
      if (sub !== 'preview') return notice('Only /spotlight preview works here', 'Subscribing channels needs Discord or Slack, or the CLI: rolecall spotlight add.', 'info');
      const { spotlightFor } = await import('../../spotlight/index.js');
      return spotlightFor(core, core.kb.roles[0]!.id) ?? notice('No spotlight', 'No role to show.', 'info');
    },
  };
}
