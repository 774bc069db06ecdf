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

/**
 * The server a postgres URL names — host, port and database only — for logs and error messages.
 * Everything else is dropped rather than masked: pg reads credentials from the user-info part
 * and from query parameters (`?password=`, `?sslkey=`, `?sslpassword=`, `?sslcert=`, …), and a
 * list of the secret ones would miss the next one pg learns.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const database = parsed.pathname.replace(/^\//, '');
    let name = database;
    try {
      name = decodeURIComponent(database);
    } catch {
      // A malformed escape: show it as written.
    }
    if (!parsed.host) return `postgres://(no host)/${name}`;
    return `postgres://${parsed.host}${parsed.port ? '' : ':5432'}/${name}`;
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/**
 * `text` (a driver's error message) with every value the URL carries besides host, port and
 * database replaced: pg may echo an sslkey path or a parameter back in its errors.
 */
export function scrubUrlValues(text: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return text;
  }
  const values = [parsed.username, parsed.password, ...parsed.searchParams.values()].flatMap((v) => {
    const decoded = safeDecode(v);
    return decoded === v ? [v] : [v, decoded];
  });
  let out = text;
  for (const value of values.filter((v) => v.length >= 3).sort((a, b) => b.length - a.length)) out = out.split(value).join('***');
  return out;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function storeLocation(setting: string): StoreLocation {
  return isPostgresUrl(setting) ? { kind: 'postgres', url: setting.trim() } : { kind: 'sqlite', path: setting };
}
