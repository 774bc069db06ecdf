import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { COMPARE_SLOTS } from '../../../commands/compare.js';
import type { DispatchResult } from '../../app/dispatch.js';
import { type PageTarget, pageTargetOf } from '../../views/page-url.js';
import type { View } from '../../views/view.js';
import { beginInteraction, commandContext, type SlackDeps } from './deps.js';
import { renderBlocks } from './render.js';

/**
 * Slack unfurls: a link to a RoleCall page posted in a channel (a host on the manifest's
 * unfurl_domains) arrives as `link_shared`, answered with `chat.unfurl` carrying the answer's
 * compact card. Only canonical page addresses under ROLECALL_PUBLIC_URL are unfurled; any other
 * link is left to Slack's own preview (the pages' share tags).
 */

/** Slack takes at most this many links in one unfurl; a message rarely holds more. */
const MAX_UNFURLS = 10;

interface SharedLink {
  url: string;
  domain?: string;
}

interface LinkSharedEvent {
  channel: string;
  message_ts: string;
  links: SharedLink[];
  unfurl_id?: string;
  source?: string;
  user?: string;
}

/** The command behind a page, with its role ids as the arguments; the index page has no card. */
function invocationOf(target: PageTarget): { command: string; args: Record<string, string> } | undefined {
  switch (target.kind) {
    case 'roles':
      return undefined;
    case 'role':
      return { command: 'role', args: { name: target.role } };
    case 'compare':
      return { command: 'compare', args: Object.fromEntries(target.roles.map((id, i) => [COMPARE_SLOTS[i]!, id])) };
    case 'path':
      return { command: 'path', args: { from: target.from, to: target.to } };
  }
}

/** The card without its long sections, table and command buttons: a preview, with the page's link. */
export function compactView(view: View): View {
  return { ...view, sections: [], table: undefined, chart: undefined, actions: view.actions.filter((a) => a.type === 'link') };
}

async function unfurlOne(deps: SlackDeps, client: WebClient, event: LinkSharedEvent, url: string): Promise<DispatchResult | undefined> {
  const publicUrl = deps.dispatcher.publicUrl;
  const target = publicUrl ? pageTargetOf(publicUrl, url) : undefined;
  const ids = target?.kind === 'role' ? [target.role] : target?.kind === 'compare' ? target.roles : target?.kind === 'path' ? [target.from, target.to] : [];
  const invocation = target && invocationOf(target);
  // Ids only: a name in a link would be resolved by its page (a redirect), not here.
  if (!invocation || !ids.every((id) => deps.dispatcher.core.kb.byId.has(id))) return undefined;
  const result = await deps.dispatcher.runInvocation(invocation, commandContext(deps, client, { userId: event.user ?? 'unfurl', channelId: event.channel }));
  return result.outcome === 'ok' ? result : undefined;
}

export function registerUnfurls(app: App, deps: SlackDeps): void {
  app.event('link_shared', async ({ event, body, client }) => {
    const shared = event as unknown as LinkSharedEvent;
    const eventId = (body as { event_id?: string }).event_id ?? shared.message_ts;
    const rec = beginInteraction(deps, { id: eventId, kind: 'unfurl', command: 'unfurl' });
    try {
      if (!deps.dispatcher.publicUrl || !(await deps.store.events.firstSeen('slack', eventId))) return rec.finish();
      const unfurls: Record<string, { blocks: unknown[] }> = {};
      const links = [...new Set((shared.links ?? []).map((l) => l.url))].slice(0, MAX_UNFURLS);
      for (const url of links) {
        const result = await unfurlOne(deps, client, shared, url);
        if (result) unfurls[url] = { blocks: renderBlocks(compactView(result.view), { maxBlocks: 10, maxChars: 3000, allowTable: false }) };
      }
      if (Object.keys(unfurls).length === 0) {
        rec.set('ok');
        return rec.finish();
      }
      // The composer's preview (before the message is sent) is named by unfurl_id and source only.
      const where =
        shared.unfurl_id && shared.source ? { unfurl_id: shared.unfurl_id, source: shared.source } : { channel: shared.channel, ts: shared.message_ts };
      await client.chat.unfurl({ ...where, unfurls } as Parameters<WebClient['chat']['unfurl']>[0]);
      rec.set('ok');
      rec.finish();
    } catch (error) {
      rec.fail(error);
      rec.finish();
    }
  });
}
