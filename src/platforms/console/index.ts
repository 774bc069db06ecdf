import type { TerminalPlatform } from '../shared/platform.js';

/**
 * The console chat, as the platform list sees it: `npm start` runs it in the foreground when no
 * service platform is configured and a terminal is attached. It needs no variables, no store and
 * no network. The terminal renderer is also what the CLI prints with.
 */
export const consoleChat: TerminalPlatform<'console'> = {
  name: 'console',
  label: 'the console chat',
  mode: 'terminal',
  configured: () => true,
  configProblems: () => [],
  async start(ctx) {
    const { runConsoleChat } = await import('./chat.js');
    const { consoleSpotlightAccess } = await import('./spotlight.js');
    const { commandContext } = await import('../shared/interactions.js');
    const stop = new AbortController();
    const done = runConsoleChat({
      dispatcher: ctx.dispatcher,
      input: ctx.input,
      output: ctx.output,
      color: ctx.color,
      // One person at one terminal: their profile is the console's "local" user (`rolecall profile --user console:local`).
      ctx: commandContext('console', { userId: CONSOLE_USER }, consoleSpotlightAccess(ctx.dispatcher.core), ctx.profiles ? { profiles: ctx.profiles } : {}),
      signal: stop.signal,
    });
    return {
      routes: [],
      health: () => ({ ok: true, detail: 'console chat' }),
      done,
      async stop() {
        stop.abort();
        await done;
      },
    };
  },
};

export { renderForTerminal } from './render.js';

/** The console chat's one user, as profiles key it. */
export const CONSOLE_USER = 'local';
