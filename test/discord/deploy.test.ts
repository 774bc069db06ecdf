import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
import { deployCommands, describeDeployError } from '../../src/platforms/discord/deploy.js';
import { buildSlashCommands } from '../../src/platforms/discord/slash-commands.js';
import { discordExtensions } from '../../src/platforms/discord/extensions.js';
import { commands } from '../../commands/index.js';
import { DiscordErrors, FakeDiscord } from '../fakes/discord/index.js';

let fake: FakeDiscord;
let apiUrl: string;
/** A directory without a .env, so a developer's own .env cannot leak into the script runs. */
let cwd: string;

beforeAll(async () => {
  fake = new FakeDiscord();
  ({ apiUrl } = await fake.start());
  cwd = mkdtempSync(join(tmpdir(), 'rolecall-deploy-'));
});

afterAll(async () => {
  await fake?.stop();
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

const envFor = (extra: Record<string, string> = {}) =>
  parseEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: apiUrl, ...extra });

const commandPuts = () => fake.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/commands'));

describe('deployCommands', () => {
  it('overwrites the guild’s commands in one PUT when DISCORD_GUILD_ID is set, idempotently', async () => {
    const before = commandPuts().length;
    const first = await deployCommands({ env: envFor({ DISCORD_GUILD_ID: fake.guildId }) });
    const ids = fake.rest.commands.guilds.get(fake.guildId)!.map((c) => c.id);
    const second = await deployCommands({ env: envFor({ DISCORD_GUILD_ID: fake.guildId }) });
    expect(first).toEqual({
      scope: 'guild',
      guildId: fake.guildId,
      names: commands.map((c) => c.name),
    });
    expect(second).toEqual(first);
    expect(fake.rest.commands.guilds.get(fake.guildId)!.map((c) => c.id)).toEqual(ids);
    const puts = commandPuts().slice(before);
    expect(puts.map((r) => [r.path, r.status])).toEqual([
      [`/api/v10/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`, 200],
      [`/api/v10/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`, 200],
    ]);
    expect(puts[0]!.headers.authorization).toBe(`Bot ${fake.token}`);
    // extensions.ts is deployed too: /spotlight, for channel managers only by default.
    expect(puts[0]!.body).toEqual(buildSlashCommands(commands, discordExtensions));
    const spotlight = fake.rest.commands.guilds.get(fake.guildId)!.find((c) => c.name === 'spotlight');
    expect(spotlight?.default_member_permissions).toBe(String(1 << 4));
    expect(fake.requests.some((r) => r.method === 'POST' && r.path.includes('/commands'))).toBe(false);
  });

  it('offers every command to server and personal installs everywhere, and /spotlight to servers only', async () => {
    await deployCommands({ env: envFor() });
    const registered = fake.rest.commands.global;
    expect(registered.length).toBe(commands.length);
    for (const c of registered) {
      const where = c.name === 'spotlight' ? { integration_types: [0], contexts: [0] } : { integration_types: [0, 1], contexts: [0, 1, 2] };
      expect({ name: c.name, integration_types: c.integration_types, contexts: c.contexts }).toEqual({ name: c.name, ...where });
    }
  });

  it('registers globally without a guild id', async () => {
    const result = await deployCommands({ env: envFor() });
    expect(result.scope).toBe('global');
    expect(commandPuts().at(-1)?.path).toBe(`/api/v10/applications/${fake.applicationId}/commands`);
    expect(fake.rest.commands.global.map((c) => c.name)).toEqual(result.names);
  });

  it('explains bad configuration and API failures', async () => {
    await expect(deployCommands({ env: parseEnv({}) })).rejects.toThrow(/DISCORD_TOKEN: required/);
    const badToken = await deployCommands({ env: envFor({ DISCORD_TOKEN: 'wrong' }) }).catch((e: unknown) => e);
    expect(describeDeployError(badToken)).toMatch(/HTTP 401.*Check DISCORD_TOKEN/);
    const otherApp = await deployCommands({ env: envFor({ DISCORD_APPLICATION_ID: '123456789012345678' }) }).catch((e: unknown) => e);
    expect(describeDeployError(otherApp)).toMatch(/HTTP 403, code 50001.*DISCORD_APPLICATION_ID/);
    expect(DiscordErrors.MissingAccess.code).toBe(50001);
  });
});

describe('npm run discord:deploy (the script)', () => {
  const script = fileURLToPath(new URL('../../src/platforms/discord/deploy.ts', import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const runScript = (env: Record<string, string>) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', tsx, script], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });

  it('exits 0 and says what it registered', async () => {
    const run = await runScript({
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: apiUrl,
      DISCORD_GUILD_ID: fake.guildId,
    });
    expect(run.stderr).not.toContain('discord:deploy failed');
    expect(run.stdout).toContain(`Registered ${commands.length} commands to guild ${fake.guildId}: /role /compare`);
    expect(run.code).toBe(0);
  });

  it('exits non-zero with a clear message on bad config or an API failure, without echoing the token', async () => {
    const missing = await runScript({});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('DISCORD_TOKEN: required to deploy commands');
    const rejected = await runScript({ DISCORD_TOKEN: 'not-the-token', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: apiUrl });
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toMatch(/discord:deploy failed: Discord rejected the commands \(HTTP 401/);
    expect(rejected.stderr).not.toContain('not-the-token');
  });
});
