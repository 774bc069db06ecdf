import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as z from 'zod';
import { commands } from '../../commands/index.js';
import { NAMESPACE_COMMAND } from '../../src/platforms/slack/namespace.js';
import { REDIRECT_PATH, SLACK_BOT_SCOPES } from '../../src/platforms/slack/oauth.js';
import { currentManifest, withRegistryCommands } from '../../scripts/slack-manifest.js';

const Manifest = z.object({
  features: z.object({
    app_home: z.object({ home_tab_enabled: z.boolean() }),
    unfurl_domains: z.array(z.string()),
    slash_commands: z.array(z.object({ command: z.string(), url: z.string(), description: z.string().max(100), usage_hint: z.string().max(1000).optional() })),
  }),
  oauth_config: z.object({ redirect_urls: z.array(z.string()), scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.string(), bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.boolean(), request_url: z.string() }),
    socket_mode_enabled: z.boolean(),
  }),
});

describe('slack/manifest.yml', () => {
  const manifest = Manifest.parse(parse(readFileSync(new URL('../../slack/manifest.yml', import.meta.url), 'utf8')));

  it('declares every registry command, /spotlight included, and /rolecall, at /slack/events', () => {
    const declared = manifest.features.slash_commands.map((c) => c.command).sort();
    expect(declared).toEqual([...commands.map((c) => `/${c.name}`), '/rolecall'].sort());
    expect(manifest.features.slash_commands.every((c) => c.url.endsWith('/slack/events'))).toBe(true);
  });

  it('describes each command as the registry does, its usage line as the hint', () => {
    expect(manifest.features.slash_commands.map(({ command, description, usage_hint }) => ({ command, description, usage_hint }))).toEqual([
      ...commands.map((c) => ({ command: `/${c.name}`, description: c.description, usage_hint: c.usage.slice(c.name.length + 2) || undefined })),
      { command: '/rolecall', description: NAMESPACE_COMMAND.description, usage_hint: NAMESPACE_COMMAND.usageHint },
    ]);
  });

  it('--no-short-commands declares /rolecall alone and keeps the rest of the file', () => {
    const text = currentManifest();
    const only = withRegistryCommands(text, commands, { shortCommands: false });
    expect(Manifest.parse(parse(only)).features.slash_commands).toEqual([
      {
        command: '/rolecall',
        url: manifest.settings.event_subscriptions.request_url,
        description: NAMESPACE_COMMAND.description,
        usage_hint: NAMESPACE_COMMAND.usageHint,
      },
    ]);
    const outsideCommands = (t: string) => t.replace(/ {2}slash_commands:\n(?: {4}.*\n)+/, '');
    expect(outsideCommands(only)).toBe(outsideCommands(text));
    // And back: the default puts every short command in again.
    expect(withRegistryCommands(only)).toBe(text);
  });

  it('npm run manifest -- --no-short-commands --out <file> writes that manifest there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-manifest-'));
    try {
      const out = join(dir, 'manifest.yml');
      const env = { ...process.env, ROLECALL_PUBLIC_URL: '' };
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-slack-manifest.ts', '--no-short-commands', '--out', out], {
        env,
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(withRegistryCommands(currentManifest(), commands, { shortCommands: false }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is current: npm run manifest writes its slash commands from the registry and keeps the rest', () => {
    const text = currentManifest();
    expect(withRegistryCommands(text), 'slack/manifest.yml is stale: run npm run manifest').toBe(text);
    // Only the commands are generated: a manifest with none gets them all back, the rest untouched.
    const bare = text.replace(/ {2}slash_commands:\n(?: {4}.*\n)+/, '  slash_commands: []\n');
    expect(bare).not.toBe(text);
    expect(withRegistryCommands(bare)).toBe(text);
  });

  it('asks for the fewest scopes and subscribes to the events RoleCall handles', () => {
    // users:read is for /spotlight's admin check (users.info); its post check needs no read scope.
    // channels:history and groups:history let spotlight recovery find a post a crash interrupted;
    // files:write uploads the charts (files.getUploadURLExternal / files.completeUploadExternal).
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      'app_mentions:read',
      'assistant:write',
      'channels:history',
      'chat:write',
      'commands',
      'files:write',
      'groups:history',
      'im:history',
      'links:read',
      'links:write',
      'users:read',
    ]);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'app_uninstalled',
      'assistant_thread_context_changed',
      'assistant_thread_started',
      'link_shared',
      'message.im',
      'tokens_revoked',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it("unfurls the pages host: ROLECALL_PUBLIC_URL's when given, the request URL's otherwise", () => {
    expect(manifest.features.unfurl_domains).toEqual(['rolecall.example.com']);
    const text = currentManifest();
    const pages = parse(withRegistryCommands(text, commands, { publicUrl: 'https://careers.example.org/rolecall' })) as {
      features: { unfurl_domains: string[] };
    };
    expect(pages.features.unfurl_domains).toEqual(['careers.example.org']);
    // Only the domain changes.
    expect(
      withRegistryCommands(text, commands, { publicUrl: 'https://careers.example.org/rolecall' }).replace('careers.example.org', 'rolecall.example.com'),
    ).toBe(text);
  });

  it('"Add to Slack" asks for the manifest scopes and returns to its redirect URL', () => {
    expect([...SLACK_BOT_SCOPES].sort()).toEqual(manifest.oauth_config.scopes.bot.sort());
    expect(manifest.oauth_config.redirect_urls).toHaveLength(1);
    expect(new URL(manifest.oauth_config.redirect_urls[0]!).pathname).toBe(REDIRECT_PATH);
  });
});
