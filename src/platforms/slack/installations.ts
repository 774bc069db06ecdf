import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import * as z from 'zod';
import type { SlackInstallationStore } from '../../store/installation-store.js';
import type { TokenCipher } from '../../store/token-cipher.js';

/**
 * Bolt's InstallationStore over our Store: each workspace's installation is sealed with
 * AES-256-GCM before it reaches the database and opened on the way out. Lookups are cached
 * briefly, because every request from Slack asks for its workspace's token.
 */

/** What we read back from a sealed installation; anything else Bolt stored passes through. */
const StoredInstallation = z.looseObject({
  team: z.looseObject({ id: z.string(), name: z.string().optional() }),
  bot: z.looseObject({ token: z.string().startsWith('xoxb-'), userId: z.string(), id: z.string().optional(), scopes: z.array(z.string()) }),
  isEnterpriseInstall: z.literal(false).optional(),
});

export interface WorkspaceHooks {
  /** After a workspace installs RoleCall (again): resumes the spotlight its removal paused. */
  installed?(workspaceId: string, created: boolean): Promise<void>;
}

export interface SlackInstallationsOptions {
  records: SlackInstallationStore;
  cipher: TokenCipher;
  hooks?: WorkspaceHooks;
  /** How long a lookup is reused. A token revoked meanwhile gets Slack's invalid_auth, never a crash. */
  cacheTtlMs?: number;
  maxCached?: number;
  now?: () => number;
}

/** Org-wide (Enterprise Grid) installs are declined at install time; see oauth.ts. */
export class OrgInstallNotSupported extends Error {
  constructor() {
    super('organisation-wide installs are not supported');
    this.name = 'OrgInstallNotSupported';
  }
}

/**
 * A workspace whose installation cannot be opened: sealed with a key that is not configured, or
 * altered. Only that workspace goes unanswered; every other one, and Discord, keep working.
 */
export class WorkspaceUnavailableError extends Error {
  constructor(
    readonly workspaceId: string,
    reason: string,
  ) {
    super(`Slack workspace ${workspaceId} is unavailable: its installation ${reason}`);
    this.name = 'WorkspaceUnavailableError';
  }
}

/** Opens a workspace's sealed installation, or says which workspace cannot be opened and why. */
function openSealed(cipher: TokenCipher, workspaceId: string, sealed: string): string {
  try {
    return cipher.open(sealed, sealContext(workspaceId));
  } catch (err) {
    // By name: the store's SealError, which this module may import only as a type.
    if (err instanceof Error && err.name === 'SealError') throw new WorkspaceUnavailableError(workspaceId, `cannot be opened: ${err.message}`);
    throw err;
  }
}

/** The associated data a workspace's sealed installation is bound to. */
const sealContext = (workspaceId: string) => `slack-installation:${workspaceId}`;

export class SlackInstallations implements InstallationStore {
  private readonly cache = new Map<string, { installation: Installation; until: number }>();
  private readonly ttl: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(private readonly opts: SlackInstallationsOptions) {
    this.ttl = opts.cacheTtlMs ?? 30_000;
    this.max = opts.maxCached ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  async storeInstallation(installation: Installation): Promise<void> {
    if (installation.isEnterpriseInstall || !installation.team?.id) throw new OrgInstallNotSupported();
    const bot = installation.bot;
    if (!bot?.token || !bot.userId) throw new Error('the installation carries no bot token');
    const workspaceId = installation.team.id;
    const sealed = this.opts.cipher.seal(JSON.stringify(installation), sealContext(workspaceId));
    const { created } = await this.opts.records.save(
      {
        workspaceId,
        ...(installation.enterprise?.id ? { enterpriseId: installation.enterprise.id } : {}),
        ...(installation.appId ? { appId: installation.appId } : {}),
        botUserId: bot.userId,
        ...(bot.id ? { botId: bot.id } : {}),
        scopes: bot.scopes,
        ...(installation.user?.id ? { installedBy: installation.user.id } : {}),
        keyId: sealed.keyId,
        sealed: sealed.value,
      },
      new Date(this.now()),
    );
    this.cache.delete(workspaceId);
    await this.opts.hooks?.installed?.(workspaceId, created);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    if (query.isEnterpriseInstall || !query.teamId) throw new OrgInstallNotSupported();
    const installation = await this.find(query.teamId);
    if (!installation) throw new Error(`RoleCall is not installed in workspace ${query.teamId}`);
    return installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    if (query.teamId) await this.remove(query.teamId);
  }

  /** The workspace's installation, opened; undefined when it has none. */
  async find(workspaceId: string): Promise<Installation | undefined> {
    const hit = this.cache.get(workspaceId);
    const now = this.now();
    if (hit && hit.until > now) {
      // Map order doubles as recency: re-insert on use, evict from the front.
      this.cache.delete(workspaceId);
      this.cache.set(workspaceId, hit);
      return hit.installation;
    }
    const record = await this.opts.records.get(workspaceId);
    if (!record) {
      this.cache.delete(workspaceId);
      return undefined;
    }
    const parsed = StoredInstallation.parse(JSON.parse(openSealed(this.opts.cipher, workspaceId, record.sealed)));
    const installation = parsed as unknown as Installation;
    this.cache.delete(workspaceId);
    this.cache.set(workspaceId, { installation, until: now + this.ttl });
    while (this.cache.size > this.max) this.cache.delete(this.cache.keys().next().value!);
    return installation;
  }

  /** The workspace's bot token, for posts made outside a request (the spotlight). */
  async botToken(workspaceId: string): Promise<string | undefined> {
    return (await this.find(workspaceId))?.bot?.token;
  }

  /** Deletes the workspace's installation and tokens (it removed RoleCall). */
  async remove(workspaceId: string): Promise<boolean> {
    this.cache.delete(workspaceId);
    return this.opts.records.remove(workspaceId);
  }

  /**
   * Re-seals every installation sealed with an older key under the current one (after a key
   * rotation; see docs/distribution.md). One that no configured key opens is left as it is and
   * named in `unavailable`: that workspace goes unanswered until its key is configured again
   * (as ROLECALL_ENCRYPTION_KEY_PREVIOUS) or it installs RoleCall again; the rest keep working.
   */
  async resealAll(batch = 100): Promise<{ resealed: number; unavailable: string[] }> {
    const { cipher, records } = this.opts;
    const unavailable = new Set<string>();
    let resealed = 0;
    for (;;) {
      const stale = (await records.sealedWithOtherKey(cipher.currentKeyId, batch + unavailable.size)).filter((r) => !unavailable.has(r.workspaceId));
      if (stale.length === 0) return { resealed, unavailable: [...unavailable] };
      for (const record of stale) {
        let plain: string;
        try {
          plain = openSealed(cipher, record.workspaceId, record.sealed);
        } catch (err) {
          if (!(err instanceof WorkspaceUnavailableError)) throw err;
          unavailable.add(record.workspaceId);
          continue;
        }
        if (await records.reseal(record.workspaceId, record.keyId, cipher.seal(plain, sealContext(record.workspaceId)))) resealed += 1;
      }
    }
  }
}
