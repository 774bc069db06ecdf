import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { packageRoot } from './paths.js';

/** What /about and `rolecall --version` say about the installed package. */
export interface PackageInfo {
  version: string;
  /** The project's home, as an https URL; absent when package.json names none. */
  repository?: string;
  /** Where to report a problem; absent when package.json names neither bugs nor a GitHub repository. */
  issues?: string;
}

const Url = z.union([z.string(), z.object({ url: z.string() }).loose()]).transform((v) => (typeof v === 'string' ? v : v.url));

const Package = z
  .object({
    version: z.string().min(1),
    repository: Url.optional().catch(undefined),
    bugs: Url.optional().catch(undefined),
  })
  .loose();

/** "git+https://github.com/o/r.git", "github:o/r" and "o/r" as "https://github.com/o/r"; anything not http(s) is dropped. */
function webUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const short = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  const text = short ? `https://github.com/${short[1]}` : raw.replace(/^git\+/, '').replace(/\.git$/, '');
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href.replace(/\/$/, '') : undefined;
}

/** The parts of a package.json /about shows; a malformed repository or bugs field is left out, not an error. */
export function readPackageInfo(json: unknown): PackageInfo {
  const pkg = Package.parse(json);
  const repository = webUrl(pkg.repository);
  const issues = webUrl(pkg.bugs) ?? (repository && new URL(repository).host === 'github.com' ? `${repository}/issues` : undefined);
  return { version: pkg.version, ...(repository ? { repository } : {}), ...(issues ? { issues } : {}) };
}

let cached: PackageInfo | undefined;

/** RoleCall's own package.json, read once (it sits at the package root from src/ and from dist/). */
export function packageInfo(): PackageInfo {
  cached ??= readPackageInfo(JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')));
  return cached;
}
