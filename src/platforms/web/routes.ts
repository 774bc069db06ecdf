import { MAX_OPTION_LENGTH } from '../../../commands/command.js';
import { COMPARE_SLOTS } from '../../../commands/compare.js';
import { pagePath, type PageTarget } from '../../views/page-url.js';

/**
 * A request's URL → which page it asks for, before any role is looked up. Pure and total: every
 * string gets an answer, and what cannot be a page is `bad` (400) or `not-found` (404), never
 * an exception. Nothing here touches a file: a path is only ever words to look up.
 */

export type PageKind = PageTarget['kind'];

export type ParsedUrl =
  /** A page; `segments` are the decoded role words after the page's name, as typed. */
  | { kind: 'page'; page: PageKind; segments: string[]; trailingSlash: boolean }
  /** The link preview's picture of a page: /og/<page path>.png. */
  | { kind: 'image'; page: PageKind; segments: string[] }
  | { kind: 'sitemap' }
  | { kind: 'robots' }
  | { kind: 'bad'; problem: string }
  | { kind: 'not-found' };

/** Longer addresses are refused whole, before anything is decoded. */
const MAX_URL_LENGTH = 4096;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** What no link RoleCall or a tracker writes has in its query: such a query can only be an attack. */
const HOSTILE_QUERY = /[<>"'`\\]/;

const BAD_ADDRESS = 'That address is not one RoleCall writes.';
const MAX_COMPARE_ROLES = COMPARE_SLOTS.length;

/** The route of a page's picture: "/og/roles/ai-engineer.png", "/og/roles.png". */
export function ogPath(target: PageTarget): string {
  return `/og${pagePath(target)}.png`;
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function checkQuery(query: string): string | undefined {
  if (!query) return undefined;
  const decoded = decode(query.replace(/\+/g, ' '));
  if (decoded === undefined || CONTROL.test(decoded) || HOSTILE_QUERY.test(decoded)) return 'The pages take no such query.';
  return undefined;
}

/** The role words of a page's path, decoded and checked; a string is the problem with them. */
function roleSegments(raw: string[]): string[] | string | undefined {
  const out: string[] = [];
  for (const r of raw) {
    const s = decode(r);
    if (s === undefined || CONTROL.test(s)) return BAD_ADDRESS;
    if (s.length > MAX_OPTION_LENGTH) return `A role name is at most ${MAX_OPTION_LENGTH} characters.`;
    if (!s.trim()) return undefined;
    out.push(s);
  }
  return out;
}

function parsePath(path: string): ParsedUrl {
  const trailingSlash = path.length > 1 && path.endsWith('/');
  const [name, ...rest] = (trailingSlash ? path.slice(1, -1) : path.slice(1)).split('/');
  const page = (kind: PageKind, count: (n: number) => string | undefined): ParsedUrl => {
    const problem = count(rest.length);
    if (problem) return { kind: 'bad', problem };
    const segments = roleSegments(rest);
    if (segments === undefined) return { kind: 'not-found' };
    if (typeof segments === 'string') return { kind: 'bad', problem: segments };
    return { kind: 'page', page: kind, segments, trailingSlash };
  };
  switch (name) {
    case 'roles':
      if (rest.length === 0) return { kind: 'page', page: 'roles', segments: [], trailingSlash };
      return rest.length === 1 ? page('role', () => undefined) : { kind: 'not-found' };
    case 'compare':
      return page('compare', (n) =>
        n > MAX_COMPARE_ROLES
          ? `A comparison takes at most ${MAX_COMPARE_ROLES} roles: /compare/<role>/<role>, up to ${MAX_COMPARE_ROLES}.`
          : n < 2
            ? 'A comparison takes two to four roles: /compare/<role>/<role>.'
            : undefined,
      );
    case 'path':
      return page('path', (n) => (n === 2 ? undefined : 'A path goes from one role to another: /path/<from>/<to>.'));
    default:
      return { kind: 'not-found' };
  }
}

/** Parses a request target as it arrives ("/roles/mle?utm_source=x"). */
export function parseUrl(url: string): ParsedUrl {
  if (url.length > MAX_URL_LENGTH) return { kind: 'bad', problem: 'That address is too long.' };
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const queryProblem = checkQuery(q < 0 ? '' : url.slice(q + 1));
  if (!path.startsWith('/') || CONTROL.test(path) || /%00/.test(path)) return { kind: 'bad', problem: BAD_ADDRESS };
  if (queryProblem) return { kind: 'bad', problem: queryProblem };
  if (path === '/sitemap.xml') return { kind: 'sitemap' };
  if (path === '/robots.txt') return { kind: 'robots' };
  if (path.startsWith('/og/')) {
    if (!path.endsWith('.png')) return { kind: 'not-found' };
    const inner = parsePath(path.slice('/og'.length, -'.png'.length));
    return inner.kind === 'page' && !inner.trailingSlash ? { kind: 'image', page: inner.page, segments: inner.segments } : { kind: 'not-found' };
  }
  return parsePath(path);
}
