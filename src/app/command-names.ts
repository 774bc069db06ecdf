import Fuse from 'fuse.js';
import { commands } from '../../commands/index.js';

/**
 * The command a mistyped name most likely meant ("/roel" → "role"), or undefined when none is
 * close. Command names are few and short, so a strict fuse.js threshold keeps guesses sane.
 */
export function closestCommand(typed: string, names: readonly string[]): string | undefined {
  const query = typed.trim().toLowerCase().slice(0, 40);
  if (!query) return undefined;
  const [best] = new Fuse(names, { includeScore: true, threshold: 0.5 }).search(query);
  return best?.item;
}

/**
 * The values a metric's command label may take: the registry's commands and the kinds of
 * interaction that are no command. Anything else (a forged or mistyped name) counts as
 * `unknown`, so such names cannot grow the number of series without bound; the log line keeps
 * the name as it came.
 */
const METRIC_COMMANDS: ReadonlySet<string> = new Set([
  ...commands.map((c) => c.name),
  ...['action', 'component', 'home', 'mention', 'share', 'unfurl', 'malformed', 'unknown'],
]);

export function metricCommand(name: string): string {
  return METRIC_COMMANDS.has(name) ? name : 'unknown';
}
