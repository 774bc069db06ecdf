import type { Client } from 'discord.js';
import type { Logger } from '../../observability/logger.js';

/**
 * discord.js builds an Interaction object of its own from every INTERACTION_CREATE, inside its
 * gateway listener, and has no public switch to turn that off. RoleCall answers from the raw
 * payload and never uses that object, but a payload discord.js cannot read (a component without
 * its message, say) makes that step throw where the throw becomes an unhandled rejection. This
 * contains the throw; RoleCall's handler has answered the interaction already. It wraps a
 * discord.js internal (client.actions.InteractionCreate), so it is feature-detected and only warns
 * if that changes; test/discord/guard.test.ts pins it to the installed discord.js.
 */
export function guardInteractionCreate(client: Client, log: Logger): void {
  type Action = { handle(data: unknown): unknown };
  const action = (client as unknown as { actions?: { InteractionCreate?: Action } }).actions?.InteractionCreate;
  if (typeof action?.handle !== 'function') {
    log.warn('cannot guard interaction handling: discord.js internals changed');
    return;
  }
  const handle = action.handle.bind(action);
  action.handle = (data: unknown) => {
    try {
      return handle(data);
    } catch (error) {
      log.warn({ err: error }, 'discord.js could not read an interaction (RoleCall answered it from the payload)');
      return undefined;
    }
  };
}
