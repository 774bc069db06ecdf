import type { Dispatcher } from '../app/dispatch.js';
import type { View } from '../views/view.js';

/**
 * The pages' public address for the CLI: ROLECALL_PUBLIC_URL, as the service reads it. The CLI
 * does not load the whole environment (it needs no chat token), so only this variable is checked.
 * A value that is no http(s) URL is a usage error rather than links to nowhere.
 */
export function cliPublicUrl(env: NodeJS.ProcessEnv = process.env): { url?: string } | { problem: string } {
  const raw = env.ROLECALL_PUBLIC_URL?.trim();
  if (!raw) return {};
  const parsed = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return { problem: 'ROLECALL_PUBLIC_URL: expected an http(s) URL' };
  return { url: raw };
}

/** `url`: the answer's public page, when ROLECALL_PUBLIC_URL is set and the answer has one. */
export function pageUrlField(dispatcher: Dispatcher, view: View): { url?: string } {
  const url = view.page && dispatcher.pageUrl?.(view.page);
  return url ? { url } : {};
}
