import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { View } from '../../views/view.js';
import { actionsBlock, type Block, divider, headerBlock, mrkdwn, textSection } from './blocks.js';
import { beginInteraction, commandContext, type SlackDeps } from './deps.js';
import { bold, fitText } from './escape.js';
import { SLACK_LIMITS as L } from './limits.js';
import { renderBlocks } from './render.js';

/**
 * The Home tab: an answer (when a Home button was clicked), this week's spotlight, the roles by
 * layer, and how to use RoleCall. Every part is a View from a command, rendered for the tab.
 */

const NO_SPOTLIGHT =
  'No spotlight this week yet. Channels that subscribe get one role each week, with its pay, skills and how to get in. Browse the roles below meanwhile.';

/** Each layer's /roles answer as one line with a "pick a role" menu; the data never changes at run time. */
const layerCache = new WeakMap<SlackDeps, Promise<Block[]>>();

async function layerBlocks(deps: SlackDeps, client: WebClient): Promise<Block[]> {
  const roles = deps.dispatcher.find('roles');
  const layer = roles?.options.find((o) => o.name === 'layer');
  const choices = layer?.kind === 'choice' ? layer.choices : [];
  const ctx = commandContext(deps, client, { userId: 'home' });
  const blocks: Block[] = [];
  for (const [i, choice] of choices.entries()) {
    const result = await deps.dispatcher.run('roles', { layer: choice.value }, ctx);
    if (result.outcome !== 'ok') continue;
    const menu = actionsBlock(result.view.actions, { index: i, maxElements: 1 });
    const accessory = menu?.type === 'actions' ? menu.elements[0] : undefined;
    const names = result.data?.kind === 'roles' ? result.data.roles.map((r) => r.name) : [];
    const text = `${bold(choice.label)}\n${fitText(names.join(', ') || (result.view.description ?? ''), 2000)}`;
    blocks.push(accessory?.type === 'static_select' ? { type: 'section', text: mrkdwn(text), accessory } : { type: 'section', text: mrkdwn(text) });
  }
  return blocks;
}

async function spotlightBlocks(deps: SlackDeps): Promise<Block[]> {
  let view: View | undefined;
  try {
    view = await deps.spotlightPreview?.();
  } catch (err) {
    deps.logger.warn({ err }, 'spotlight preview failed; showing the fallback');
  }
  if (!view) return [textSection(NO_SPOTLIGHT)];
  return renderBlocks(view, { surface: 'home', maxBlocks: 20, maxChars: 5000, index: 900 });
}

export async function homeBlocks(deps: SlackDeps, client: WebClient, answer?: View): Promise<Block[]> {
  if (!layerCache.has(deps)) layerCache.set(deps, layerBlocks(deps, client));
  const help = await deps.dispatcher.run('help', {}, commandContext(deps, client, { userId: 'home' }));
  const blocks: Block[] = [
    ...(answer ? [...renderBlocks(answer, { surface: 'home', maxBlocks: 30, maxChars: 8000, index: 800 }), divider()] : []),
    headerBlock('This week’s spotlight'),
    ...(await spotlightBlocks(deps)),
    divider(),
    headerBlock('Browse roles by layer'),
    ...(await layerCache.get(deps)!),
    divider(),
    ...renderBlocks(help.view, { surface: 'home', maxBlocks: 25, maxChars: 8000, index: 700 }),
  ];
  return blocks.slice(0, L.homeBlocks);
}

export async function publishHome(deps: SlackDeps, client: WebClient, userId: string, answer?: View): Promise<void> {
  await client.views.publish({ user_id: userId, view: { type: 'home', blocks: await homeBlocks(deps, client, answer) } });
}

export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab && event.tab !== 'home') return;
    const rec = beginInteraction(deps, { id: body.event_id, kind: 'home', command: 'home' });
    try {
      if (!(await deps.store.events.firstSeen('slack', body.event_id))) return;
      await publishHome(deps, client, event.user);
      rec.set('ok');
      rec.finish();
    } catch (error) {
      rec.fail(error);
      rec.finish();
    }
  });
}
