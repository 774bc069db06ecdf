/**
 * Where the store lives, from ROLECALL_DB: a postgres:// or postgresql:// URL selects the
 * Postgres store (shared by replicas), anything else is a SQLite file path (one host).
 */
export type StoreLocation = { kind: 'postgres'; url: string } | { kind: 'sqlite'; path: string };

const POSTGRES_SCHEME = /^postgres(ql)?:\/\//i;

export function isPostgresUrl(setting: string): boolean {
  return POSTGRES_SCHEME.test(setting.trim());
}

/**
 * Why a postgres URL cannot be used, or undefined when it can. The message describes the
 * problem without echoing the URL, so a password inside it never reaches a log or a terminal.
 */
export function postgresUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid postgres URL (expected postgres://user:password@host:5432/database; percent-encode special characters in the password)';
  }
  if (!parsed.hostname) return 'the postgres URL names no host (expected postgres://user:password@host:5432/database)';
  if (parsed.port && !/^\d+$/.test(parsed.port)) return 'the postgres URL has an invalid port';
  if (parsed.pathname.replace(/^\//, '') === '') return 'the postgres URL names no database (expected …/database)';
  try {
    decodeURIComponent(parsed.password);
    decodeURIComponent(parsed.username);
  } catch {
    return 'the postgres URL has a malformed percent-encoding in its user or password';
  }
  return undefined;
}

/** The URL with its password replaced, for logs and error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

export function storeLocation(setting: string): StoreLocation {
  return isPostgresUrl(setting) ? { kind: 'postgres', url: setting.trim() } : { kind: 'sqlite', path: setting };
}
