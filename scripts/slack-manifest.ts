import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { type CommandDefinition, commands } from '../commands/index.js';
import { NAMESPACE_COMMAND } from '../src/platforms/slack/namespace.js';

/**
 * slack/manifest.yml's slash commands, generated from the command registry: each command with
 * its description and, as the usage hint, its usage line after the command's name, then
 * /rolecall, which reaches them all. Everything
 * else in the file (scopes, events, comments) is written by hand and kept as it is.
 */

export const MANIFEST_FILE = new URL('../slack/manifest.yml', import.meta.url);

/** What Slack's manifest declares for one command; it sends them all to the events URL. */
export function slashCommand(command: CommandDefinition, url: string) {
  const hint = command.usage.replace(new RegExp(`^/${command.name}\\b`), '').trim();
  return { command: `/${command.name}`, url, description: command.description, ...(hint ? { usage_hint: hint } : {}), should_escape: false };
}

/** /rolecall <command> …, which reaches every command (src/platforms/slack/namespace.ts). */
export function namespaceCommand(url: string) {
  const { name, description, usageHint } = NAMESPACE_COMMAND;
  return { command: `/${name}`, url, description, usage_hint: usageHint, should_escape: false };
}

export interface ManifestOptions {
  /** ROLECALL_PUBLIC_URL: the unfurl domain is its host. */
  publicUrl?: string;
  /** Declare each command on its own (/role, /help, …) besides /rolecall; true unless turned off. */
  shortCommands?: boolean;
}

/**
 * The manifest's text with its slash commands replaced by the registry's (each on its own unless
 * `shortCommands` is false, then /rolecall), and its unfurl domain set to the pages' host:
 * ROLECALL_PUBLIC_URL's when given, else the request URL's.
 */
export function withRegistryCommands(text: string, registry: readonly CommandDefinition[] = commands, options: ManifestOptions = {}): string {
  const { publicUrl, shortCommands = true } = options;
  const doc = parseDocument(text);
  const url = doc.getIn(['settings', 'event_subscriptions', 'request_url']);
  if (typeof url !== 'string') throw new Error('slack/manifest.yml: settings.event_subscriptions.request_url is missing');
  doc.setIn(['features', 'slash_commands'], [...(shortCommands ? registry.map((c) => slashCommand(c, url)) : []), namespaceCommand(url)]);
  // Slack matches unfurl domains by host (subdomains included); a path prefix is not part of it.
  const domains = doc.getIn(['features', 'unfurl_domains']) as { items?: Array<{ value?: unknown }> } | undefined;
  const first = domains?.items?.[0];
  const host = new URL(publicUrl || url).hostname;
  if (first && 'value' in first) first.value = host;
  else doc.setIn(['features', 'unfurl_domains'], [host]);
  return doc.toString({ lineWidth: 0 });
}

export function currentManifest(): string {
  return readFileSync(MANIFEST_FILE, 'utf8');
}
