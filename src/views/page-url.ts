import type { RoleId } from '../core/schema/common.js';

/**
 * Where each answer lives on the public web pages (`src/platforms/web/`). One home for the URL
 * scheme: the pages route by it, and cards, unfurls and the CLI's --json link with it.
 */
export type PageTarget =
  | { kind: 'roles' }
  | { kind: 'role'; role: RoleId }
  /** 2–4 roles, in the order asked. */
  | { kind: 'compare'; roles: readonly RoleId[] }
  | { kind: 'path'; from: RoleId; to: RoleId };

/** "/roles/ai-engineer", "/compare/ai-engineer/ml-engineer", "/path/prompt-engineer/ai-engineer". */
export function pagePath(target: PageTarget): string {
  switch (target.kind) {
    case 'roles':
      return '/roles';
    case 'role':
      return `/roles/${target.role}`;
    case 'compare':
      return `/compare/${target.roles.join('/')}`;
    case 'path':
      return `/path/${target.from}/${target.to}`;
  }
}

/**
 * The base's origin and path prefix, without a trailing slash: "https://example.org/rolecall".
 * A query or fragment on the base is dropped.
 */
export function publicBase(publicUrl: string | URL): string {
  const url = new URL(publicUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The canonical, absolute URL of a page under the public base URL (ROLECALL_PUBLIC_URL):
 * pageUrl('https://rolecall.example.org', { kind: 'role', role: 'ai-engineer' }) is
 * "https://rolecall.example.org/roles/ai-engineer". Role ids are kebab-case, so nothing needs encoding.
 */
export function pageUrl(publicUrl: string | URL, target: PageTarget): string {
  return `${publicBase(publicUrl)}${pagePath(target)}`;
}

const ROLE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The page a URL under the public base names, read back from the URL scheme above: only the
 * canonical addresses RoleCall writes (role ids, no names to resolve), so a link shared in chat
 * is unfurled only when it is one of ours; anything else is undefined. The ids are not checked
 * against the knowledge base here.
 */
export function pageTargetOf(publicUrl: string | URL, url: string): PageTarget | undefined {
  if (!URL.canParse(url)) return undefined;
  const base = new URL(publicBase(publicUrl));
  const link = new URL(url);
  const prefix = base.pathname.replace(/\/$/, '');
  if (link.host !== base.host || !link.pathname.startsWith(`${prefix}/`)) return undefined;
  const [page, ...ids] = link.pathname.slice(prefix.length + 1).split('/');
  if (!ids.every((id) => ROLE_ID.test(id))) return undefined;
  if (page === 'roles') return ids.length === 0 ? { kind: 'roles' } : ids.length === 1 ? { kind: 'role', role: ids[0]! } : undefined;
  if (page === 'compare' && ids.length >= 2 && ids.length <= 4 && new Set(ids).size === ids.length) return { kind: 'compare', roles: ids };
  if (page === 'path' && ids.length === 2 && ids[0] !== ids[1]) return { kind: 'path', from: ids[0]!, to: ids[1]! };
  return undefined;
}
