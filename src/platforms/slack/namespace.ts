/**
 * `/rolecall <command> …`: every command under one slash command, for workspaces that would rather
 * not add RoleCall's short ones (`/role`, `/help`, …), which other apps may already own.
 */
export const NAMESPACE_COMMAND = {
  name: 'rolecall',
  description: 'Every RoleCall command in one: /rolecall help lists them',
  usageHint: '<command> [what it takes], e.g. salary ML Engineer india',
} as const;

/** How /help and the usage lines spell a command reached through /rolecall. */
export const NAMESPACE_PREFIX = `/${NAMESPACE_COMMAND.name} `;

/**
 * The command and its text from what followed /rolecall: "salary ML Engineer india" →
 * salary, "ML Engineer india". Nothing (or only "help") is /help; a leading "/" is forgiven.
 */
export function namespacedCommand(text: string): { name: string; text: string } {
  const [, first = '', rest = ''] = /^(\S*)\s*([\s\S]*)$/.exec(text.trim()) ?? [];
  const name = first.replace(/^\//, '').toLowerCase();
  return { name: name || 'help', text: rest.trim() };
}
