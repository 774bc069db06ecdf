import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneStore, RETENTION } from '../../src/service/maintenance.js';
import type { ProfileData, ProfileKey } from '../../src/store/store.js';
import { tempStore } from '../spotlight/helpers.js';
import { storeKinds, type OpenedStore } from './stores.js';

/** Saved career profiles, on each store: SQLite and Postgres behave alike. */
const KINDS = storeKinds();
afterAll(async () => {
  for (const kind of KINDS) await kind.teardown();
});

const T0 = new Date('2026-04-06T15:00:00Z');
const alice: ProfileKey = { platform: 'discord', workspaceId: '', userId: '111111111111111111' };
const slackAlice: ProfileKey = { platform: 'slack', workspaceId: 'T1', userId: 'U1' };
const data: ProfileData = {
  currentRole: 'prompt-engineer',
  goalRole: 'ai-solutions-architect',
  market: 'india',
  skills: ['python', 'pytorch'],
  otherSkills: ['Underwater basket weaving'],
};

describe.each(KINDS)('$name store: profiles', (kind) => {
  let t: OpenedStore;
  beforeEach(async () => {
    t = await kind.open();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('saves and reads back every field; keys by platform, workspace and user', async () => {
    await t.store.profiles.put(alice, data, T0);
    expect(await t.store.profiles.get(alice)).toEqual({ ...data, updatedAt: T0 });
    // The same user id on another platform, or in another workspace, is another person.
    expect(await t.store.profiles.get({ ...alice, platform: 'slack' })).toBeUndefined();
    expect(await t.store.profiles.get({ ...slackAlice, workspaceId: 'T2' })).toBeUndefined();
  });

  it('a put replaces the whole profile; cleared fields read back absent', async () => {
    await t.store.profiles.put(alice, data, T0);
    await t.store.profiles.put(alice, { skills: [], otherSkills: [] }, new Date(T0.getTime() + 1000));
    expect(await t.store.profiles.get(alice)).toEqual({ skills: [], otherSkills: [], updatedAt: new Date(T0.getTime() + 1000) });
  });

  it('refuses a market outside us, india, uk (the CHECK constraint)', async () => {
    await expect(t.store.profiles.put(alice, { ...data, market: 'mars' as never }, T0)).rejects.toThrow();
    expect(await t.store.profiles.get(alice)).toBeUndefined();
  });

  it('erases a person (once) and leaves the others', async () => {
    await t.store.profiles.put(alice, data, T0);
    await t.store.profiles.put(slackAlice, data, T0);
    expect((await t.store.eraseUser(alice)).hadProfile).toBe(true);
    expect((await t.store.eraseUser(alice)).hadProfile).toBe(false);
    expect(await t.store.profiles.get(alice)).toBeUndefined();
    expect(await t.store.profiles.get(slackAlice)).toMatchObject({ skills: ['python', 'pytorch'] });
  });

  it('erasing a Discord user forgets their conversation contexts in every server and DM, and reports the counts', async () => {
    const later = new Date(Date.now() + 3_600_000);
    const conv = (workspaceId: string, userId = alice.userId) => ({ platform: 'discord' as const, workspaceId, conversationId: `c-${workspaceId}`, userId });
    await t.store.profiles.put(alice, data, T0);
    for (const guild of ['G1', 'G2', '']) await t.store.conversations.put(conv(guild), { q: 1 }, later);
    await t.store.conversations.put(conv('G1', '222222222222222222'), { q: 1 }, later);
    await t.store.conversations.put({ ...conv('T1'), platform: 'slack' }, { q: 1 }, later);
    expect(await t.store.eraseUser(alice)).toEqual({
      hadProfile: true,
      erased: [
        { what: 'profile', count: 1 },
        { what: 'conversation contexts', count: 3 },
      ],
    });
    for (const guild of ['G1', 'G2', '']) expect(await t.store.conversations.get(conv(guild))).toBeUndefined();
    expect(await t.store.conversations.get(conv('G1', '222222222222222222'))).toEqual({ q: 1 });
    expect(await t.store.conversations.get({ ...conv('T1'), platform: 'slack' })).toEqual({ q: 1 });
  });

  it('erases a workspace: its people only', async () => {
    await t.store.profiles.put(slackAlice, data, T0);
    await t.store.profiles.put({ ...slackAlice, userId: 'U2' }, data, T0);
    await t.store.profiles.put({ ...slackAlice, workspaceId: 'T2' }, data, T0);
    await t.store.eraseWorkspace('slack', 'T1');
    expect(await t.store.profiles.get(slackAlice)).toBeUndefined();
    expect(await t.store.profiles.get({ ...slackAlice, userId: 'U2' })).toBeUndefined();
    expect(await t.store.profiles.get({ ...slackAlice, workspaceId: 'T2' })).toBeDefined();
  });

  it('the maintenance job prunes profiles untouched for 12 months, and keeps the rest', async () => {
    const now = new Date();
    await t.store.profiles.put(alice, data, new Date(now.getTime() - RETENTION.profilesMs - 60_000));
    await t.store.profiles.put(slackAlice, data, new Date(now.getTime() - RETENTION.profilesMs + 86_400_000));
    expect(await pruneStore(t.store, now)).toMatchObject({ profiles: 1 });
    expect(await t.store.profiles.get(alice)).toBeUndefined();
    expect(await t.store.profiles.get(slackAlice)).toBeDefined();
  });
});

describe('sqlite: a deleted profile leaves no bytes in the database files', () => {
  let t: ReturnType<typeof tempStore>;
  beforeEach(() => {
    t = tempStore();
  });
  afterEach(() => t.cleanup());

  /** Every file of the database (the db, -wal, -shm) that holds the marker. */
  const filesHolding = (marker: string) =>
    readdirSync(t.dir)
      .filter((f) => f.startsWith('rolecall') || f.endsWith('.db') || f.includes('-wal') || f.includes('-shm'))
      .filter((f) => readFileSync(join(t.dir, f)).includes(Buffer.from(marker)));

  it('holds the skill while saved, and nowhere after delete (db, -wal and -shm read byte for byte)', async () => {
    const marker = 'Zanzibar-quokka-juggling-7f3a';
    // Several versions of the row, as a person editing it would leave in the WAL.
    for (let i = 0; i < 5; i++) await t.store.profiles.put(alice, { ...data, otherSkills: [`${marker}-${i}`] }, T0);
    await t.store.profiles.put(slackAlice, { ...data, otherSkills: ['someone else'] }, T0);
    expect(filesHolding(marker).length).toBeGreaterThan(0);

    expect((await t.store.eraseUser(alice)).hadProfile).toBe(true);
    const files = readdirSync(t.dir);
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
    expect(filesHolding(marker)).toEqual([]);
    // The other person's profile is intact.
    expect(await t.store.profiles.get(slackAlice)).toMatchObject({ otherSkills: ['someone else'] });
  });
});
