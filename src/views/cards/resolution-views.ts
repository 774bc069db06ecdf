import type { Core } from '../../core/index.js';
import type { Role } from '../../core/schema/role.js';
import type { Resolution } from '../../core/resolve/resolution.js';
import type { Invocation, View } from '../view.js';
import { DIFFICULTY_LABEL, kbView } from '../format.js';

/**
 * What to show when a role option did not resolve to one role. `retry` builds the command
 * call a candidate should trigger, so a select or button answers like the original command.
 */
export function unresolvedView(
  core: Core,
  resolution: Exclude<Resolution, { status: 'found' }>,
  retry: (role: Role) => Invocation,
  optionLabel = 'role',
): View {
  const query = resolution.query.trim().slice(0, 100);
  if (resolution.status === 'ambiguous') {
    const description =
      resolution.reason === 'not-a-role'
        ? (resolution.note ?? '')
        : resolution.reason === 'generic'
          ? `"${query}" fits several roles. Pick one, or type a more specific title.`
          : `"${query}" could mean more than one role. Pick the one you meant.`;
    return kbView(core.kb, {
      kind: 'ambiguous',
      title: resolution.reason === 'not-a-role' ? `"${query}" is not a distinct role` : `Which ${optionLabel} did you mean?`,
      description,
      actions: [
        {
          type: 'select',
          placeholder: 'Choose a role',
          options: resolution.candidates.map((r) => ({
            label: r.name,
            description: `${r.layer} · ${DIFFICULTY_LABEL[r.difficulty]}`,
            invoke: retry(r),
          })),
        },
      ],
      tone: 'warning',
      private: true,
    });
  }
  const suggestions = resolution.suggestions;
  // A title outside AI ("Product Manager"): say why the AI role is offered, not answered.
  const general = resolution.reason === 'general-title' && suggestions.length > 0;
  return kbView(core.kb, {
    kind: 'not_found',
    title: !query ? `Give a ${optionLabel} name` : general ? `"${query}" is not an AI role` : `No role matches "${query}"`,
    description: general
      ? `RoleCall covers AI careers, and "${query}" does not say AI. ${suggestions.length === 1 ? 'The AI role closest to it is' : 'The AI roles closest to it are'} below.`
      : suggestions.length > 0
        ? `Did you mean one of these? Try /roles to browse all ${core.kb.roles.length} roles.`
        : `Try /roles to browse all ${core.kb.roles.length} roles, or /help for examples.`,
    actions: suggestions.map((r) => ({ type: 'button' as const, label: r.name, invoke: retry(r) })),
    tone: 'warning',
    private: true,
  });
}
