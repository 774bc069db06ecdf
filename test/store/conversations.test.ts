import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneStore } from '../../src/service/maintenance.js';
import type { ConversationKey } from '../../src/store/store.js';
import { storeKinds, type OpenedStore } from './stores.js';

/** /ask's follow-up context per conversation and person, on each store: SQLite and Postgres behave alike. */
const KINDS = storeKinds();
afterAll(async () => {
  for (const kind of KINDS) await kind.teardown();
});

const T0 = new Date('2026-04-06T15:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const key = (over: Partial<ConversationKey> = {}): ConversationKey => ({
  platform: 'slack',
  workspaceId: 'T1',
  conversationId: 'C1/1712.0001',
  userId: 'U1',
  ...over,
});
const context = (n: number) => ({ version: 1, at: n, invocation: { command: 'salary', args: { role: '#8', market: 'india' } }, list: [] });

describe.each(KINDS)('$name store: conversations', (kind) => {
  let t: OpenedStore;
  beforeEach(async () => {
    t = await kind.open();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('keeps the context as JSON until it expires, and a put replaces it', async () => {
    expect(await t.store.conversations.get(key(), T0)).toBeUndefined();
    await t.store.conversations.put(key(), context(1), at(30));
    expect(await t.store.conversations.get(key(), at(29))).toEqual(context(1));
    await t.store.conversations.put(key(), context(2), at(40));
    expect(await t.store.conversations.get(key(), at(35))).toEqual(context(2));
    // Past its expiry it is gone, even before the prune has run.
    expect(await t.store.conversations.get(key(), at(40))).toBeUndefined();
  });

  it('keeps each person, conversation, workspace and platform apart', async () => {
    await t.store.conversations.put(key(), context(1), at(30));
    for (const other of [{ userId: 'U2' }, { conversationId: 'C1/1712.0002' }, { workspaceId: 'T2' }, { platform: 'discord' as const }]) {
      expect(await t.store.conversations.get(key(other), T0)).toBeUndefined();
    }
  });

  it('survives a restart and is shared with another connection (a replica)', async () => {
    await t.store.conversations.put(key(), context(3), at(30));
    const other = await t.reopen();
    expect(await other.conversations.get(key(), at(1))).toEqual(context(3));
  });

  it('forgets one person in one workspace, and a whole workspace', async () => {
    await t.store.conversations.put(key(), context(1), at(30));
    await t.store.conversations.put(key({ conversationId: 'D1' }), context(1), at(30));
    await t.store.conversations.put(key({ userId: 'U2' }), context(1), at(30));
    await t.store.conversations.put(key({ workspaceId: 'T2' }), context(1), at(30));
    expect(await t.store.conversations.forgetUser('slack', 'T1', 'U1')).toBe(2);
    expect(await t.store.conversations.get(key(), T0)).toBeUndefined();
    expect(await t.store.conversations.get(key({ userId: 'U2' }), T0)).toEqual(context(1));
    expect(await t.store.conversations.get(key({ workspaceId: 'T2' }), T0)).toEqual(context(1));
    expect(await t.store.conversations.forgetWorkspace('slack', 'T1')).toBe(1);
    expect(await t.store.conversations.get(key({ userId: 'U2' }), T0)).toBeUndefined();
    expect(await t.store.conversations.get(key({ workspaceId: 'T2' }), T0)).toEqual(context(1));
  });

  it('prunes only expired rows, through the maintenance job', async () => {
    await t.store.conversations.put(key(), context(1), at(30));
    await t.store.conversations.put(key({ userId: 'U2' }), context(1), at(90));
    expect(await t.store.conversations.prune(at(10))).toBe(0);
    expect((await pruneStore(t.store, at(60))).conversations).toBe(1);
    expect(await t.store.conversations.get(key({ userId: 'U2' }), at(60))).toEqual(context(1));
  });

  it('keeps hostile text byte for byte (it is data, never SQL)', async () => {
    const nasty = { version: 1, note: "'); DROP TABLE conversations; -- <@everyone> \u0000?".replace('\u0000', ''), long: 'x'.repeat(20_000) };
    await t.store.conversations.put(key({ userId: "U'1" }), nasty, at(30));
    expect(await t.store.conversations.get(key({ userId: "U'1" }), T0)).toEqual(nasty);
  });
});
