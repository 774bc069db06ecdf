import type { Core } from '../src/core/index.js';
import type { Profile, ProfileData } from '../src/store/store.js';
import { notice } from '../src/views/cards/notice.js';
import { MARKET_LABELS } from './settings-access.js';
import { type View, view } from '../src/views/view.js';
import { MAX_PROFILE_SKILLS } from './profile-data.js';

/** The answers of /profile. Every one is private: a profile is shown only to its owner. */

export const PRIVACY_POINTER = 'What RoleCall stores, why, for how long, and how to erase it: the README’s Privacy section (README.md#privacy).';

const roleName = (core: Core, id: string | undefined) => (id ? (core.kb.roles.find((r) => r.id === id)?.name ?? id) : 'not set');
const marketName = (m: ProfileData['market']) => (m ? MARKET_LABELS[m] : 'not set');

/** /profile show (and the answer after every change): the profile as saved. */
export function profileView(core: Core, profile: Profile | undefined, title = 'Your profile', said: string[] = []): View {
  if (!profile) {
    return view({
      kind: 'profile',
      title: 'You have no saved profile',
      description: `Save your roles, market and skills once and /role, /salary, /path, /match and /compare answer for you. Try: /profile set current:<role> goal:<role> market:india skills:python, pytorch. ${PRIVACY_POINTER}`,
      private: true,
    });
  }
  return view({
    kind: 'profile',
    title,
    description: [...said, PRIVACY_POINTER].join(' '),
    fields: [
      { label: 'Current role', value: roleName(core, profile.currentRole), inline: true },
      { label: 'Goal role', value: roleName(core, profile.goalRole), inline: true },
      { label: 'Market', value: marketName(profile.market), inline: true },
      { label: `Skills (${profile.skills.length + profile.otherSkills.length} of at most ${MAX_PROFILE_SKILLS})`, value: profile.skills.join(', ') || 'none' },
      ...(profile.otherSkills.length ? [{ label: 'Kept, but not in the data’s vocabulary', value: profile.otherSkills.join(', ') }] : []),
    ],
    actions: [
      { type: 'button', label: 'Export my data', invoke: { command: 'profile', args: { subcommand: 'export' } } },
      { type: 'button', label: 'Delete my profile', invoke: { command: 'profile', args: { subcommand: 'delete' } } },
    ],
    private: true,
  });
}

/** /profile export: everything stored about the asker, as JSON. */
export function exportView(json: string): View {
  return view({
    kind: 'profile',
    title: 'Your data',
    description: `Everything RoleCall stores about you, as JSON. ${PRIVACY_POINTER}`,
    sections: [{ heading: 'JSON', body: json }],
    private: true,
  });
}

/** The JSON of an export: the same for /profile export and `rolecall profile export`. */
export function exportJson(key: { platform: string; workspaceId: string; userId: string }, profile: Profile | undefined): string {
  return JSON.stringify(
    {
      user: key,
      profile: profile
        ? {
            currentRole: profile.currentRole ?? null,
            goalRole: profile.goalRole ?? null,
            market: profile.market ?? null,
            skills: profile.skills,
            unrecognisedSkills: profile.otherSkills,
            updatedAt: profile.updatedAt.toISOString(),
          }
        : null,
    },
    null,
    2,
  );
}

export const profileNotice = (title: string, description: string, tone: View['tone'] = 'warning'): View => ({
  ...notice(title, description, tone),
  kind: 'profile',
});
