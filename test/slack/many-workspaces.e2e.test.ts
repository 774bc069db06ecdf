import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNINSTALLED_REASON } from '../../src/spotlight/workspaces.js';
import { testCore } from '../helpers/core.js';
import type { RecordedCall } from '../fakes/slack/index.js';
import { InstallHarness } from './install-harness.js';

/**
 * 50 workspaces installed through "Add to Slack" on one service: every Web API call carries the
 * calling workspace's own token; one that uninstalls is cleaned up, paused, and gets nothing
 * more; installing again resumes it.
 */

const TEAMS = Array.from({ length: 50 }, (_, i) => `T0WS${String(i + 1).padStart(3, '0')}`);
const channelOf = (team: string) => `C${team}`;
const adminOf = (team: string) => `U${team}`;
const teamOfChannel = (channel: unknown) => (typeof channel === 'string' && channel.startsWith('CT0WS') ? channel.slice(1) : undefined);

let h: InstallHarness;

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/** Polls until `check` holds (the uninstall event is acked before it is processed). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Calls that name a test channel, with the workspace their token belongs to. */
function channelCalls(calls: readonly RecordedCall[]): Array<{ method: string; channelTeam: string; tokenTeam: string | undefined }> {
  return calls.flatMap((c) => {
    const channelTeam = teamOfChannel(c.body.channel);
    return channelTeam ? [{ method: c.method, channelTeam, tokenTeam: c.teamId }] : [];
  });
}

beforeAll(async () => {
  h = await InstallHarness.start(testCore(), { spotlight: true });
  for (const team of TEAMS) {
    h.addWorkspace(team, { teamName: `Community ${team}` });
    h.api.setUser(adminOf(team), { isAdmin: true });
  }
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe('50 workspaces', () => {
  it('install through the OAuth flow, each with its own token', async () => {
    await inBatches(TEAMS, 5, async (team) => {
      const done = await h.install(team);
      expect(done.status, team).toBe(200);
    });
    expect(await h.service.store.slackInstallations.count()).toBe(50);
    const tokens = new Set(TEAMS.map((t) => h.api.oauth.tokenOf(t)));
    expect(tokens.size).toBe(50);
  }, 120_000);

  it('commands, mentions and spotlight posts in each go out under that workspace token', async () => {
    h.api.calls.clear();
    await inBatches(TEAMS, 10, async (team) => {
      const sender = h.sender(team);
      const channel = channelOf(team);
      const sub = await sender.command('/spotlight', 'subscribe monday 09:00', { userId: adminOf(team), channelId: channel });
      expect(JSON.stringify((await h.responses.waitFor(sub.responseId))[0]!.body), team).toMatch(/Subscribed/i);
      const now = await sender.command('/spotlight', 'now', { userId: adminOf(team), channelId: channel });
      await h.responses.waitFor(now.responseId);
      const ws = h.api.oauth.workspaces.get(team)!;
      await sender.mention({ text: `<@${ws.botUserId}> AI Engineer vs ML Engineer`, channel, user: adminOf(team) });
    });
    // Per workspace: the check at subscribe time, the spotlight post and the thread answer.
    await h.api.waitForCall('chat.postMessage', { count: 100 });
    await h.api.waitForCall('chat.postEphemeral', { count: 50 });
    const calls = channelCalls(h.api.calls.items);
    for (const team of TEAMS) {
      const own = calls.filter((c) => c.channelTeam === team);
      expect(
        own.filter((c) => c.method === 'chat.postMessage'),
        team,
      ).toHaveLength(2);
      for (const call of own) expect(call.tokenTeam, `${call.method} in ${team}`).toBe(team);
    }
    // users.info (the admin check) too, and nothing ever under an unknown token.
    for (const call of h.api.callsTo('users.info')) expect(call.teamId).toBe(String(call.body.user).slice(1));
    expect(h.api.calls.items.filter((c) => c.response.error === 'invalid_auth')).toEqual([]);
    const subs = await h.service.store.spotlight.subscriptions.list({ platform: 'slack', status: 'active' });
    expect(subs).toHaveLength(50);
  }, 120_000);

  it('a workspace that uninstalls loses its tokens, its spotlight is paused, and it gets nothing more', async () => {
    const gone = 'T0WS007';
    const revokedBot = 'T0WS008';
    const oldToken = h.api.oauth.tokenOf(gone)!;
    // Someone's /ask follow-up context there, and one in a workspace that stays.
    const convo = (workspaceId: string) => ({ platform: 'slack' as const, workspaceId, conversationId: 'D1', userId: 'U1' });
    const soon = new Date(Date.now() + 30 * 60_000);
    await h.service.store.conversations.put(convo(gone), { version: 1 }, soon);
    await h.service.store.conversations.put(convo('T0WS009'), { version: 1 }, soon);
    h.api.oauth.uninstall(gone);
    const sent = await h.sender(gone).event({ type: 'app_uninstalled' }, 'EvUNINSTALL007');
    expect(sent.status).toBe(200);
    // tokens_revoked for a bot token ends an installation just the same.
    h.api.oauth.uninstall(revokedBot);
    const botUser = h.api.oauth.workspaces.get(revokedBot)!.botUserId;
    await h.sender(revokedBot).event({ type: 'tokens_revoked', tokens: { bot: [botUser] } }, 'EvREVOKED008');

    await eventually(
      async () =>
        (await h.service.store.slackInstallations.get(gone)) === undefined && (await h.service.store.slackInstallations.get(revokedBot)) === undefined,
    );
    expect(await h.service.store.slackInstallations.count()).toBe(48);
    expect(await h.service.store.conversations.get(convo(gone))).toBeUndefined();
    expect(await h.service.store.conversations.get(convo('T0WS009'))).toEqual({ version: 1 });
    for (const team of [gone, revokedBot]) {
      await eventually(async () => (await h.service.store.spotlight.subscriptions.list({ platform: 'slack', workspaceId: team }))[0]?.status === 'paused');
      const [sub] = await h.service.store.spotlight.subscriptions.list({ platform: 'slack', workspaceId: team });
      expect(sub).toMatchObject({ status: 'paused', pausedReason: UNINSTALLED_REASON });
    }
    // The others are untouched.
    expect(await h.service.store.spotlight.subscriptions.list({ platform: 'slack', status: 'active' })).toHaveLength(48);

    // Nothing more: a command and a mention from it get no answer and cause no Web API call.
    h.api.calls.clear();
    const cmd = await h.sender(gone).command('/role', 'AI Engineer', { channelId: channelOf(gone) });
    await h.sender(gone).mention({ text: `<@${h.api.oauth.workspaces.get(gone)!.botUserId}> AI Engineer`, channel: channelOf(gone) });
    await expect(h.responses.waitFor(cmd.responseId, { timeoutMs: 500 })).rejects.toThrow(/timed out/);
    // A spotlight run for the week skips its paused subscription.
    await h.service.spotlight!.service.runOnce();
    expect(h.api.calls.items.filter((c) => teamOfChannel(c.body.channel) === gone || c.headers.authorization === `Bearer ${oldToken}`)).toEqual([]);
  }, 60_000);

  it('installing again resumes its spotlight and answers with the new token', async () => {
    const team = 'T0WS007';
    const done = await h.install(team);
    expect(done.status).toBe(200);
    const [sub] = await h.service.store.spotlight.subscriptions.list({ platform: 'slack', workspaceId: team });
    expect(sub).toMatchObject({ status: 'active' });
    expect(sub!.pausedReason).toBeUndefined();
    // The one paused for the other reason stays paused: only an install resumes it.
    const [other] = await h.service.store.spotlight.subscriptions.list({ platform: 'slack', workspaceId: 'T0WS008' });
    expect(other!.status).toBe('paused');

    h.api.calls.clear();
    const ws = h.api.oauth.workspaces.get(team)!;
    await h.sender(team).mention({ text: `<@${ws.botUserId}> AI Engineer`, channel: channelOf(team) });
    const [post] = await h.api.waitForCall('chat.postMessage');
    expect(post!.headers.authorization).toBe(`Bearer ${h.api.oauth.tokenOf(team)}`);
    expect(post!.teamId).toBe(team);
  }, 60_000);
});
