import Fuse from 'fuse.js';

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
