import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aboutView } from '../../commands/about.js';
import { PRIVACY_POINTER } from '../../commands/profile-views.js';
import { Dispatcher } from '../../src/app/dispatch.js';
import { main } from '../../src/cli/main.js';
import { readPackageInfo } from '../../src/core/package-info.js';
import { EXIT } from '../../src/exit-codes.js';
import { renderForTerminal } from '../../src/platforms/console/index.js';
import { renderForDiscord } from '../../src/platforms/discord/render.js';
import { renderView } from '../../src/platforms/slack/render.js';
import type { View } from '../../src/views/view.js';
import { testCore } from '../helpers/core.js';
import { memoryIo } from '../helpers/streams.js';

const core = testCore();
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; repository?: unknown; bugs?: unknown };
const PAGES = 'https://careers.example.org/rolecall';

async function about(publicUrl?: string): Promise<View> {
  const res = await new Dispatcher(core, undefined, publicUrl ? { publicUrl } : {}).run('about', {}, { platform: 'console' });
  expect(res.outcome).toBe('ok');
  return res.view;
}
const field = (view: View, label: string) => view.fields.find((f) => f.label === label)?.value;
const section = (view: View, heading: string) => view.sections.find((s) => s.heading === heading);

describe('/about', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("names package.json's version, the data's as-of month and the README's Privacy section", async () => {
    const view = await about();
    expect(view.kind).toBe('about');
    expect(field(view, 'Version')).toBe(pkg.version);
    expect(field(view, 'Data snapshot')).toBe(core.kb.asOf);
    expect(core.kb.asOf).toMatch(/^\d{4}-\d{2}$/);
    expect(section(view, 'Privacy')?.body).toBe(PRIVACY_POINTER);
    expect(section(view, 'The data')?.body).toContain(core.kb.reference.meta.snapshotNote);
  });

  it('links the pages only where ROLECALL_PUBLIC_URL is set', async () => {
    expect((await about()).actions.filter((a) => a.type === 'link')).toEqual([]);
    expect((await about(PAGES)).actions[0]).toMatchObject({ type: 'link', url: `${PAGES}/roles` });
  });

  it("support comes from package.json's repository and bugs, and is left out without them", () => {
    // RoleCall's own package.json names neither today: no Support section, and no empty one.
    const info = readPackageInfo(pkg);
    expect(section(aboutView(core, info), 'Support') === undefined).toBe(!info.repository && !info.issues);
    expect(aboutView(core, { version: '1.2.3' }).sections.map((s) => s.heading)).toEqual(['The data', 'Privacy']);

    expect(readPackageInfo({ version: '1.2.3', repository: { type: 'git', url: 'git+https://github.com/acme/rolecall.git' } })).toEqual({
      version: '1.2.3',
      repository: 'https://github.com/acme/rolecall',
      issues: 'https://github.com/acme/rolecall/issues',
    });
    expect(readPackageInfo({ version: '1', repository: 'github:acme/rolecall', bugs: { url: 'https://help.example.org/rolecall' } })).toEqual({
      version: '1',
      repository: 'https://github.com/acme/rolecall',
      issues: 'https://help.example.org/rolecall',
    });
    // A repository off GitHub has no issue tracker to guess; a non-web one, or a malformed field, is dropped.
    expect(readPackageInfo({ version: '1', repository: 'https://git.example.org/rolecall' })).toEqual({
      version: '1',
      repository: 'https://git.example.org/rolecall',
    });
    expect(readPackageInfo({ version: '1', repository: 'ssh://git@example.org/r.git', bugs: 42 })).toEqual({ version: '1' });

    const support = section(aboutView(core, readPackageInfo({ version: '1', repository: 'acme/rolecall' })), 'Support');
    expect(support?.items).toEqual([
      'Report a problem or ask for a feature: https://github.com/acme/rolecall/issues',
      'Source code: https://github.com/acme/rolecall',
    ]);
  });

  it('renders on Slack, Discord and the console', async () => {
    const view = await about(PAGES);
    const slack = JSON.stringify(renderView(view).blocks);
    expect(slack).toContain(pkg.version);
    expect(slack).toContain(`${PAGES}/roles`);
    const discord = JSON.stringify(renderForDiscord(view));
    expect(discord).toContain(core.kb.asOf);
    expect(discord).toContain(`${PAGES}/roles`);
    const terminal = renderForTerminal(view);
    expect(terminal).toMatch(/^About RoleCall/);
    expect(terminal).toContain(`Version: ${pkg.version}`);
    expect(terminal).toContain('README.md#privacy');
  });

  it('runs from the CLI, with the page URL under --json when ROLECALL_PUBLIC_URL is set', async () => {
    vi.stubEnv('ROLECALL_PUBLIC_URL', PAGES);
    const m = memoryIo('', true);
    expect(await main(['about', '--json'], m.io)).toBe(EXIT.ok);
    const json = JSON.parse(m.stdout()) as { command: string; view: View; url?: string };
    expect(json).toMatchObject({ command: 'about', url: `${PAGES}/roles` });
    expect(json.view.fields).toContainEqual({ label: 'Version', value: pkg.version, inline: true });
    const version = memoryIo('', true);
    expect(await main(['--version'], version.io)).toBe(EXIT.ok);
    expect(version.stdout()).toBe(`rolecall ${pkg.version}\n`);
  });
});
