import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { profileUsage } from '../../src/cli/profile.js';
import { settingsUsage } from '../../src/cli/settings.js';
import { spotlightUsage } from '../../src/cli/spotlight-args.js';
import { usage } from '../../src/cli/usage.js';
import { EnvSchema } from '../../src/config/env.js';
import { SLACK_BOT_SCOPES } from '../../src/platforms/slack/oauth.js';

/**
 * The set-up guide and the platform pages name commands, scopes, variables, npm scripts and CLI
 * subcommands; each must exist in the code, so a rename or a new command cannot leave them behind.
 */
const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

const GUIDES = ['docs/setup.md', 'docs/discord.md', 'docs/slack.md', 'docs/distribution.md', 'docs/scaling.md', 'docs/spotlight.md'];
const DOCS = [...GUIDES, 'README.md'];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Variables .env.example lists under its docker-compose.yml-only heading: compose reads them, RoleCall does not. */
function composeOnlyVariables(): Set<string> {
  const example = read('.env.example');
  const start = example.indexOf('# --- docker-compose.yml only');
  expect(start).toBeGreaterThan(-1);
  return new Set([...example.slice(start).matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
}

/** The first word of each row of a usage text ("  list [--platform …]" → list). */
const rowWords = (text: string) => [...text.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!);

/** Each `rolecall` subcommand the CLI documents, with the words it takes after it (empty: any argument). */
function cliWords(): Map<string, Set<string>> {
  const top = new Map<string, Set<string>>(rowWords(usage(commands)).map((w) => [w, new Set<string>()]));
  top.set('help', new Set());
  top.set('spotlight', new Set(rowWords(spotlightUsage())));
  top.set('profile', new Set([...profileUsage().matchAll(/rolecall profile ([a-z]+)/g)].map((m) => m[1]!)));
  top.set('settings', new Set(/rolecall settings ([a-z|]+)/.exec(settingsUsage())![1]!.split('|')));
  top.set('db', new Set(/^ {2}db ([a-z]+)/m.exec(usage(commands))![1]!.split('|')));
  return top;
}

describe('the set-up guide and platform pages agree with the code', () => {
  it('docs/discord.md and docs/slack.md name every command of the registry', () => {
    expect(commands.length).toBeGreaterThan(10);
    for (const page of ['docs/discord.md', 'docs/slack.md']) {
      const text = read(page);
      const missing = commands.map((c) => c.name).filter((name) => !new RegExp(`\`/${escapeRegExp(name)}[\\s\`]`).test(text));
      expect(missing, page).toEqual([]);
    }
  });

  it('docs/slack.md names every scope RoleCall asks Slack for', () => {
    const text = read('docs/slack.md');
    expect(SLACK_BOT_SCOPES.filter((scope) => !text.includes(`\`${scope}\``))).toEqual([]);
  });

  it('every variable docs/setup.md names is read by RoleCall (EnvSchema) or is one of compose’s', () => {
    const known = new Set([...Object.keys(EnvSchema.shape), ...composeOnlyVariables()]);
    const named = new Set([...read('docs/setup.md').matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)].map((m) => m[0]));
    expect(named.size).toBeGreaterThan(10);
    expect([...named].filter((name) => !known.has(name))).toEqual([]);
  });

  it('every `npm run <script>` the docs name is in package.json', () => {
    const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
    for (const doc of DOCS) {
      const named = [...read(doc).matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
      expect(
        named.filter((s) => !scripts.includes(s)),
        doc,
      ).toEqual([]);
    }
    expect(read('docs/setup.md')).toMatch(/npm run discord:deploy/);
  });

  it('every `rolecall <subcommand>` the docs name is in the CLI’s usage', () => {
    const cli = cliWords();
    expect(cli.get('spotlight')).toContain('add');
    for (const doc of DOCS) {
      const problems: string[] = [];
      for (const m of read(doc).matchAll(/\brolecall ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?/g)) {
        const [phrase, word, next] = m;
        const subs = cli.get(word!);
        if (!subs) problems.push(phrase);
        else if (subs.size > 0 && next !== undefined && !subs.has(next)) problems.push(phrase);
      }
      expect(problems, doc).toEqual([]);
    }
  });
});
