import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commands/command.js';
import type { SettingsAccess } from '../../commands/settings-access.js';
import { parseSettingsText } from '../../commands/settings.js';
import { Dispatcher } from '../../src/app/dispatch.js';
import { main } from '../../src/cli/main.js';
import { settingsCli } from '../../src/cli/settings.js';
import { parseEnv } from '../../src/config/env.js';
import type { SettingsStore, WorkspaceKey } from '../../src/store/store.js';
import type { View } from '../../src/views/view.js';
import { testCore } from '../helpers/core.js';
import { memoryIo } from '../helpers/streams.js';
import { tempStore } from '../spotlight/helpers.js';

/** /settings and the settings every answer follows, over a real SQLite file, through the one Dispatcher. */
let t: ReturnType<typeof tempStore>;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

const dispatcher = new Dispatcher(testCore());
const GUILD: WorkspaceKey = { platform: 'discord', workspaceId: '111111111111111111' };
const USER = '222222222222222222';
const CHANNEL = '333333333333333333';

function ctx(opts: { canManage?: boolean; channelId?: string; store?: SettingsStore; profiles?: boolean } = {}): CommandContext {
  const channelId = opts.channelId ?? CHANNEL;
  const settings: SettingsAccess = {
    store: opts.store ?? t.store.settings,
    workspace: GUILD,
    channelId,
    authorize: async () => (opts.canManage === false ? { ok: false, reason: 'Changing settings needs Manage Server.' } : { ok: true }),
  };
  return {
    platform: 'discord',
    invoker: { userId: USER, channelId, workspaceId: GUILD.workspaceId },
    settings,
    ...(opts.profiles ? { profiles: t.store } : {}),
  };
}

const text = (v: View) => [v.title, v.description, ...v.fields.map((f) => `${f.label}: ${f.value}`)].join('\n');
const run = (line: string, c: CommandContext = ctx()) => dispatcher.runText('settings', line, c);

describe('/settings', () => {
  it('sets, shows and resets a workspace’s settings, kept in the store', async () => {
    expect(text((await run('show')).view)).toContain('uses RoleCall’s defaults');
    const set = await run('set market india visibility:private answer_in C0123ABC,444444444444444444');
    expect(set.outcome).toBe('ok');
    expect(set.view.title).toBe('Settings saved');
    expect((await t.store.settings.get(GUILD))?.settings).toEqual({
      market: 'india',
      visibility: 'private',
      channelVisibility: {},
      answerIn: ['C0123ABC', '444444444444444444'],
    });
    // One channel's override; "here" is the channel it is run in.
    await run('set channel here visibility public');
    expect((await t.store.settings.get(GUILD))?.settings.channelVisibility).toEqual({ [CHANNEL]: 'public' });
    const shown = text((await run('')).view);
    expect(shown).toContain('Market: India');
    expect(shown).toContain(`#${CHANNEL}: public`);
    expect(shown).toContain('#C0123ABC, #444444444444444444');
    // "all" and "default" clear what they name, and keep the rest.
    await run('set answer_in all market default');
    expect((await t.store.settings.get(GUILD))?.settings).toEqual({ visibility: 'private', channelVisibility: { [CHANNEL]: 'public' } });
    expect((await run('reset')).view.title).toBe('Settings reset');
    expect(await t.store.settings.get(GUILD)).toBeUndefined();
    expect((await run('reset')).view.title).toBe('Nothing to reset');
  });

  it('takes Discord’s options as the text syntax takes words (<#id> links too)', async () => {
    const result = await dispatcher.run('settings', { action: 'set', channel: '<#555555555555555555>', visibility: 'private' }, ctx());
    expect(result.outcome).toBe('ok');
    expect((await t.store.settings.get(GUILD))?.settings.channelVisibility).toEqual({ '555555555555555555': 'private' });
  });

  it('refuses changes without the permission, and changes nothing; anyone may look', async () => {
    const refused = await run('set market us', ctx({ canManage: false }));
    expect(refused.view.title).toBe('Only server managers can change settings');
    expect(refused.view.description).toContain('Manage Server');
    expect((await run('reset', ctx({ canManage: false }))).view.title).toBe('Only server managers can change settings');
    expect(await t.store.settings.get(GUILD)).toBeUndefined();
    expect((await run('show', ctx({ canManage: false }))).view.title).toBe('Settings for this server');
  });

  it('says so outside a workspace (a DM, the console)', async () => {
    const result = await dispatcher.runText('settings', 'set market us', { platform: 'console', invoker: { userId: 'local' } });
    expect(result.view.title).toBe('Settings belong to a server or workspace');
  });

  it.each([
    ['set market both', 'expected a market: us, india, uk or default'],
    ['set visibility secret', 'expected a visibility: public, private or default'],
    ['set', 'say what to set'],
    ['show market us', '/settings show takes no values'],
    ['set channel here', 'give visibility too'],
    ['set channel #not-a-channel! visibility private', 'expected a channel id'],
    ['set answer_in C1,bad-id', 'expected a channel id'],
    ['set purple', 'did not understand "purple"'],
    ['frobnicate', 'expected show, set or reset'],
  ])('rejects %j clearly', async (line, message) => {
    const result = await run(line);
    expect(result.outcome).toBe('invalid');
    expect(result.problem).toContain(message);
    expect(await t.store.settings.get(GUILD)).toBeUndefined();
  });

  it('rejects more channels than a workspace keeps, with the schema’s message', async () => {
    const many = Array.from({ length: 51 }, (_, i) => `C${i}`).join(',');
    const result = await run(`set answer_in ${many}`);
    expect(result.view.title).toBe('Those settings cannot be kept');
    expect(result.view.description).toContain('at most 50 channels');
  });

  it('reads "set india private" with bare values', () => {
    expect(parseSettingsText('set india private')).toEqual({ action: 'set', market: 'india', visibility: 'private' });
    expect(parseSettingsText('set answer_in C1 C2 market us')).toEqual({ action: 'set', answer_in: 'C1 C2', market: 'us' });
  });
});

describe('the settings every answer follows', () => {
  it('gives /salary the workspace’s market when neither question nor profile names one, and says so', async () => {
    await t.store.settings.put(GUILD, { market: 'india', channelVisibility: {} });
    const result = await dispatcher.run('salary', { role: 'ML Engineer' }, ctx({ profiles: true }));
    expect(result.view.fields[0]).toEqual({ label: 'Market', value: "India, this server's default" });
    expect(result.view.fields.map((f) => f.label)).not.toContain('US');
    expect(result.view.private).toBeFalsy();
    // A market asked for wins over the default.
    const asked = await dispatcher.run('salary', { role: 'ML Engineer', market: 'us' }, ctx());
    expect(asked.view.fields.map((f) => f.label)).not.toContain('Market');
    expect(text(asked.view)).not.toContain('default');
  });

  it('lets the asker’s profile market win over the workspace’s', async () => {
    await t.store.settings.put(GUILD, { market: 'india', channelVisibility: {} });
    await t.store.profiles.put({ platform: 'discord', workspaceId: '', userId: USER }, { market: 'us', skills: [], otherSkills: [] });
    const result = await dispatcher.run('salary', { role: 'ML Engineer' }, ctx({ profiles: true }));
    expect(result.view.fields[0]?.label).toBe('For you');
    expect(text(result.view)).toContain('your profile');
    expect(text(result.view)).not.toContain('this server');
  });

  it('makes answers private where the workspace or the channel says so', async () => {
    expect((await dispatcher.run('role', { name: 'ML Engineer' }, ctx())).view.private).toBeFalsy();
    await t.store.settings.put(GUILD, { visibility: 'private', channelVisibility: { '999': 'public' } });
    expect((await dispatcher.run('role', { name: 'ML Engineer' }, ctx())).view.private).toBe(true);
    expect((await dispatcher.run('role', { name: 'ML Engineer' }, ctx({ channelId: '999' }))).view.private).toBeFalsy();
  });

  it('does not answer /ask outside answer_in’s channels, and answers every other command there', async () => {
    await t.store.settings.put(GUILD, { channelVisibility: {}, answerIn: ['777'] });
    const elsewhere = await dispatcher.run('ask', { question: 'what does an ML engineer earn' }, ctx());
    expect(elsewhere.view.title).toBe('Not answered in this channel');
    expect(elsewhere.view.description).toContain('#777');
    expect(elsewhere.view.private).toBe(true);
    expect((await dispatcher.run('ask', { question: 'what does an ML engineer earn' }, ctx({ channelId: '777' }))).view.title).not.toBe(
      'Not answered in this channel',
    );
    expect((await dispatcher.run('role', { name: 'ML Engineer' }, ctx())).outcome).toBe('ok');
  });

  it('answers as if there were no settings when the store fails', async () => {
    const broken: SettingsStore = {
      get: () => Promise.reject(new Error('database is down')),
      put: () => Promise.reject(new Error('database is down')),
      remove: () => Promise.reject(new Error('database is down')),
    };
    const result = await dispatcher.run('salary', { role: 'ML Engineer' }, ctx({ store: broken }));
    expect(result.outcome).toBe('ok');
    expect(result.view.fields.map((f) => f.label)).toContain('US');
    expect((await dispatcher.run('ask', { question: 'what does an ML engineer earn' }, ctx({ store: broken }))).outcome).toBe('ok');
    // /settings itself reports the failure, with an error id.
    expect((await run('show', ctx({ store: broken }))).outcome).toBe('error');
  });
});

describe('rolecall settings', () => {
  async function cli(args: string[]) {
    const m = memoryIo();
    const code = await settingsCli(args, m.io, { env: parseEnv({ ROLECALL_DB: t.path }), core: testCore() });
    return { code, stdout: m.stdout(), stderr: m.stderr() };
  }
  const SLACK: WorkspaceKey = { platform: 'slack', workspaceId: 'T0123ABC' };

  it('sets, shows and resets any workspace through the same command, with no manager check', async () => {
    const set = await cli(['set', '--workspace', 'slack:T0123ABC', '--market', 'uk', '--visibility', 'private', '--answer-in', 'C1,C2']);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Settings saved');
    expect((await t.store.settings.get(SLACK))?.settings).toEqual({ market: 'uk', visibility: 'private', channelVisibility: {}, answerIn: ['C1', 'C2'] });
    await cli(['set', '--workspace', 'slack:T0123ABC', '--channel', 'C9', '--visibility', 'public']);
    const shown = await cli(['show', '--workspace', 'slack:T0123ABC']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Settings for this workspace');
    expect(shown.stdout).toContain('#C9: public');
    expect((await cli(['reset', '--workspace', 'slack:T0123ABC'])).stdout).toContain('Settings reset');
    expect(await t.store.settings.get(SLACK)).toBeUndefined();
  });

  it('refuses bad usage and bad values with exit code 2 and says why', async () => {
    expect(await cli(['show'])).toMatchObject({ code: 2, stderr: expect.stringContaining('missing --workspace') });
    expect(await cli(['show', '--workspace', 'teams:X'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is not discord:<guild id> or slack:<team id>'),
    });
    expect(await cli(['set', '--workspace', 'discord:1', '--market', 'mars'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('expected a market: us, india, uk or default'),
    });
    // "here" is a chat's channel; the command line has none.
    expect(await cli(['set', '--workspace', 'discord:1', '--channel', 'here', '--visibility', 'private'])).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('No channel here'),
    });
    expect(await cli(['wipe', '--workspace', 'discord:1'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown arguments') });
    expect(await t.store.settings.get({ platform: 'discord', workspaceId: '1' })).toBeUndefined();
  });

  it('is a branch of rolecall with its own help', async () => {
    const m = memoryIo();
    expect(await main(['settings', '--help'], m.io)).toBe(0);
    expect(m.stdout()).toContain('Usage: rolecall settings show|set|reset --workspace');
    const help = memoryIo();
    await main(['help'], help.io);
    expect(help.stdout()).toContain('settings show|set|reset');
  });
});
