import * as z from 'zod';
import { defineCommand, type CommandResult } from './command.js';
import { PRIVACY_POINTER } from './profile-views.js';
import { type PackageInfo, packageInfo } from '../src/core/package-info.js';
import type { Core } from '../src/core/index.js';
import { kbView } from '../src/views/format.js';
import type { Section, View } from '../src/views/view.js';

/** Where to get help, from package.json; nothing when it names no repository and no issue tracker. */
function supportSection(pkg: PackageInfo): Section[] {
  const items = [
    ...(pkg.issues ? [`Report a problem or ask for a feature: ${pkg.issues}`] : []),
    ...(pkg.repository ? [`Source code: ${pkg.repository}`] : []),
  ];
  return items.length ? [{ heading: 'Support', items }] : [];
}

/** The About answer for a given package; the command passes RoleCall's own. */
export function aboutView(core: Core, pkg: PackageInfo): View {
  const meta = core.kb.reference.meta;
  return kbView(core.kb, {
    kind: 'about',
    title: 'About RoleCall',
    description: `RoleCall answers questions about ${core.kb.roles.length} GenAI career roles in chat: role cards, comparisons, career paths, pay and interview prep.`,
    fields: [
      { label: 'Version', value: pkg.version, inline: true },
      { label: 'Data snapshot', value: meta.asOf, inline: true },
    ],
    sections: [
      { heading: 'The data', body: `${meta.snapshotNote} /sources says where each figure comes from.` },
      { heading: 'Privacy', body: PRIVACY_POINTER },
      ...supportSection(pkg),
    ],
    // The roles' index page: the Dispatcher links it where the pages are public (ROLECALL_PUBLIC_URL).
    page: { kind: 'roles' },
    actions: [
      { type: 'button', label: 'Sources', invoke: { command: 'sources', args: {} } },
      { type: 'button', label: 'Help', invoke: { command: 'help', args: {} } },
    ],
  });
}

export const about = defineCommand({
  name: 'about',
  description: 'The version, how current the data is, the web pages, privacy and where to get support',
  usage: '/about',
  examples: ['/about'],
  options: [],
  input: z.object({}),
  parseText: () => ({}),
  run: (_input, core): CommandResult => {
    const pkg = packageInfo();
    const support = { issues: pkg.issues ?? null, repository: pkg.repository ?? null };
    return {
      view: aboutView(core, pkg),
      data: { kind: 'about', version: pkg.version, dataAsOf: core.kb.reference.meta.asOf, roles: core.kb.roles.length, support },
    };
  },
});
