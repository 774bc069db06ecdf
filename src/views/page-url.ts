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
