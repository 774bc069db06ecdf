import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackInstallations, WorkspaceUnavailableError } from '../../src/platforms/slack/installations.js';
import type { NewSlackInstallation } from '../../src/store/store.js';
import { TokenCipher } from '../../src/store/token-cipher.js';
import { storeKinds, type OpenedStore } from './stores.js';

/** The Store's Slack installations, on each store: SQLite and Postgres behave alike. */
const KINDS = storeKinds();
afterAll(async () => {
  for (const kind of KINDS) await kind.teardown();
});

const T0 = new Date('2026-04-06T15:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

function record(workspaceId: string, extra: Partial<NewSlackInstallation> = {}): NewSlackInstallation {
  return { workspaceId, botUserId: `U${workspaceId}`, scopes: ['commands', 'chat:write'], keyId: 'k1', sealed: `v1.k1.sealed-${workspaceId}`, ...extra };
}

function installation(teamId: string, token = `xoxb-${teamId}-${randomBytes(6).toString('hex')}`): Installation<'v2', false> {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: undefined,
    user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
    bot: { token, userId: `U${teamId}BOT`, id: `B${teamId}`, scopes: ['commands', 'chat:write'] },
    tokenType: 'bot',
    isEnterpriseInstall: false,
    appId: 'A0ROLECALL',
    authVersion: 'v2',
  };
}

describe.each(KINDS)('$name store: slackInstallations', (kind) => {
  let t: OpenedStore;
  beforeEach(async () => {
    t = await kind.open();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('saves, reads back every field, and counts', async () => {
    expect(await t.store.slackInstallations.save(record('T1', { enterpriseId: 'E1', appId: 'A1', botId: 'B1', installedBy: 'U9' }), T0)).toEqual({
      created: true,
    });
    expect(await t.store.slackInstallations.get('T1')).toEqual({
      workspaceId: 'T1',
      enterpriseId: 'E1',
      appId: 'A1',
      botUserId: 'UT1',
      botId: 'B1',
      scopes: ['commands', 'chat:write'],
      installedBy: 'U9',
      keyId: 'k1',
      sealed: 'v1.k1.sealed-T1',
      installedAt: T0,
      updatedAt: T0,
    });
    expect(await t.store.slackInstallations.get('T2')).toBeUndefined();
    await t.store.slackInstallations.save(record('T2'), T0);
    expect(await t.store.slackInstallations.count()).toBe(2);
  });

  it('a re-install replaces the row but keeps the first install time', async () => {
    await t.store.slackInstallations.save(record('T1'), T0);
    expect(await t.store.slackInstallations.save(record('T1', { botUserId: 'UNEW', sealed: 'v1.k1.new' }), later(1000))).toEqual({ created: false });
    expect(await t.store.slackInstallations.get('T1')).toMatchObject({ botUserId: 'UNEW', sealed: 'v1.k1.new', installedAt: T0, updatedAt: later(1000) });
    expect(await t.store.slackInstallations.count()).toBe(1);
  });

  it('removes, once', async () => {
    await t.store.slackInstallations.save(record('T1'), T0);
    expect(await t.store.slackInstallations.remove('T1')).toBe(true);
    expect(await t.store.slackInstallations.remove('T1')).toBe(false);
    expect(await t.store.slackInstallations.get('T1')).toBeUndefined();
  });

  it('finds rows sealed with another key and re-seals only those still sealed with it', async () => {
    await t.store.slackInstallations.save(record('T1', { keyId: 'old' }), T0);
    await t.store.slackInstallations.save(record('T2', { keyId: 'new' }), T0);
    await t.store.slackInstallations.save(record('T3', { keyId: 'old' }), T0);
    expect((await t.store.slackInstallations.sealedWithOtherKey('new', 10)).map((r) => r.workspaceId)).toEqual(['T1', 'T3']);
    expect(await t.store.slackInstallations.sealedWithOtherKey('new', 1)).toHaveLength(1);
    expect(await t.store.slackInstallations.reseal('T1', 'old', { keyId: 'new', value: 'v1.new.x' })).toBe(true);
    // T3 was re-installed meanwhile: the re-install wins.
    await t.store.slackInstallations.save(record('T3', { keyId: 'new', sealed: 'v1.new.fresh' }), later(1));
    expect(await t.store.slackInstallations.reseal('T3', 'old', { keyId: 'new', value: 'v1.new.stale' })).toBe(false);
    expect((await t.store.slackInstallations.get('T3'))!.sealed).toBe('v1.new.fresh');
    expect(await t.store.slackInstallations.sealedWithOtherKey('new', 10)).toEqual([]);
  });

  it('persists across a reopen', async () => {
    await t.store.slackInstallations.save(record('T1'), T0);
    expect(await (await t.reopen()).slackInstallations.get('T1')).toMatchObject({ workspaceId: 'T1' });
  });

  describe('through the Bolt installation store, sealed', () => {
    const keyA = randomBytes(32);
    const keyB = randomBytes(32);

    it('stores an installation sealed and opens it again; the token never reaches the row', async () => {
      const inst = new SlackInstallations({ records: t.store.slackInstallations, cipher: new TokenCipher(keyA) });
      const original = installation('T1');
      await inst.storeInstallation(original);
      const row = await t.store.slackInstallations.get('T1');
      expect(JSON.stringify(row)).not.toContain(original.bot!.token);
      expect(row).toMatchObject({ botUserId: 'UT1BOT', botId: 'BT1', appId: 'A0ROLECALL', installedBy: 'U0INSTALLER' });
      const fresh = new SlackInstallations({ records: (await t.reopen()).slackInstallations, cipher: new TokenCipher(keyA) });
      expect(await fresh.fetchInstallation({ teamId: 'T1', isEnterpriseInstall: false, enterpriseId: undefined })).toMatchObject({
        bot: { token: original.bot!.token },
      });
      await expect(fresh.fetchInstallation({ teamId: 'T2', isEnterpriseInstall: false, enterpriseId: undefined })).rejects.toThrow(/not installed/);
      await expect(fresh.fetchInstallation({ enterpriseId: 'E1', isEnterpriseInstall: true, teamId: undefined })).rejects.toThrow(/organisation-wide/);
    });

    it('refuses a row whose sealed value was moved from another workspace, or opened with the wrong key', async () => {
      const inst = new SlackInstallations({ records: t.store.slackInstallations, cipher: new TokenCipher(keyA) });
      await inst.storeInstallation(installation('T1'));
      await inst.storeInstallation(installation('T2'));
      const t1 = (await t.store.slackInstallations.get('T1'))!;
      await t.store.slackInstallations.save({ ...(await t.store.slackInstallations.get('T2'))!, sealed: t1.sealed }, T0);
      const fresh = new SlackInstallations({ records: t.store.slackInstallations, cipher: new TokenCipher(keyA) });
      await expect(fresh.find('T2')).rejects.toThrow(/does not open/);
      const wrongKey = new SlackInstallations({ records: t.store.slackInstallations, cipher: new TokenCipher(keyB) });
      await expect(wrongKey.find('T1')).rejects.toThrow(/ROLECALL_ENCRYPTION_KEY_PREVIOUS/);
    });

    it('key rotation: the old key still opens, resealAll moves every row to the new key', async () => {
      const before = new SlackInstallations({ records: t.store.slackInstallations, cipher: new TokenCipher(keyA) });
      const tokens = new Map<string, string>();
      for (const team of ['T1', 'T2', 'T3']) {
        const i = installation(team);
        tokens.set(team, i.bot!.token);
        await before.storeInstallation(i);
      }
      const rotated = new SlackInstallations({ records: t.store.slackInstallations, cipher: new TokenCipher(keyB, [keyA]) });
      expect(await rotated.botToken('T2')).toBe(tokens.get('T2'));
      expect(await rotated.resealAll(2)).toEqual({ resealed: 3, unavailable: [] });
      expect(await rotated.resealAll()).toEqual({ resealed: 0, unavailable: [] });
      // Now the new key alone opens everything.
      const after = new SlackInstallations({ records: t.store.slackInstallations, cipher: new TokenCipher(keyB) });
      for (const [team, token] of tokens) expect(await after.botToken(team)).toBe(token);
    });

    it('one installation sealed with a key no longer configured makes only that workspace unavailable', async () => {
      const keyC = randomBytes(32);
      const withA = new SlackInstallations({ records: t.store.slackInstallations, cipher: new TokenCipher(keyA) });
      const withC = new SlackInstallations({ records: t.store.slackInstallations, cipher: new TokenCipher(keyC) });
      for (const team of ['T1', 'T2', 'T3']) await withA.storeInstallation(installation(team));
      await withC.storeInstallation(installation('T9'));
      // Rotated from A to B; key C was never configured here. Batches of 1 walk past the bad row.
      const rotated = new SlackInstallations({ records: t.store.slackInstallations, cipher: new TokenCipher(keyB, [keyA]) });
      expect(await rotated.resealAll(1)).toEqual({ resealed: 3, unavailable: ['T9'] });
      expect(await rotated.resealAll(1)).toEqual({ resealed: 0, unavailable: ['T9'] });
      const error = await rotated.find('T9').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkspaceUnavailableError);
      expect(String(error)).toMatch(/Slack workspace T9 is unavailable: its installation cannot be opened: .*ROLECALL_ENCRYPTION_KEY_PREVIOUS/);
      expect(await rotated.botToken('T2')).toMatch(/^xoxb-T2-/);
    });

    it('caches lookups briefly, and forgets a removed workspace at once', async () => {
      let now = 0;
      const inst = new SlackInstallations({ records: t.store.slackInstallations, cipher: new TokenCipher(keyA), cacheTtlMs: 1000, now: () => now });
      await inst.storeInstallation(installation('T1', 'xoxb-T1-first'));
      expect(await inst.botToken('T1')).toBe('xoxb-T1-first');
      // Another process re-installs: this one sees it once the entry expires.
      const other = new SlackInstallations({ records: t.store.slackInstallations, cipher: new TokenCipher(keyA) });
      await other.storeInstallation(installation('T1', 'xoxb-T1-second'));
      expect(await inst.botToken('T1')).toBe('xoxb-T1-first');
      now = 1001;
      expect(await inst.botToken('T1')).toBe('xoxb-T1-second');
      expect(await inst.remove('T1')).toBe(true);
      expect(await inst.botToken('T1')).toBeUndefined();
    });

    it('tells the installed hook whether it was a first install or a re-install', async () => {
      const seen: Array<[string, boolean]> = [];
      const inst = new SlackInstallations({
        records: t.store.slackInstallations,
        cipher: new TokenCipher(keyA),
        hooks: { installed: async (id, created) => void seen.push([id, created]) },
      });
      await inst.storeInstallation(installation('T1'));
      await inst.storeInstallation(installation('T1'));
      expect(seen).toEqual([
        ['T1', true],
        ['T1', false],
      ]);
      await expect(inst.storeInstallation({ ...installation('E1'), team: undefined, isEnterpriseInstall: true } as unknown as Installation)).rejects.toThrow(
        /organisation-wide/,
      );
    });
  });
});
