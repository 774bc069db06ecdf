import * as z from 'zod';
import { defineCommand, MAX_OPTION_LENGTH, type CommandResult } from './command.js';
import { roleRecord, type JsonData } from './command-data.js';
import { kbView, roleRef } from '../src/views/format.js';
import type { ButtonAction, View } from '../src/views/view.js';
import { notice } from '../src/views/cards/notice.js';
import { encodeOrDrop } from '../src/views/invocation-codec.js';
import type { Core } from '../src/core/index.js';
import type { CommandContext } from './command.js';
import { forYou, profileSkills, profilesHere, savedProfile } from './personal.js';

/** "python, pytorch; sql" or "python pytorch sql" → skills. Commas win when present. */
export function splitSkills(text: string): string[] {
  const parts = /[,;|\n]/.test(text) ? text.split(/[,;|\n]+/) : text.split(/\s+/);
  return parts.map((s) => s.trim()).filter(Boolean);
}

/** Fields shown; Discord allows 25, and ten roles already read as a long list. */
const MAX_SHOWN = 10;

export const match = defineCommand({
  name: 'match',
  description: 'Which roles fit the skills you have, ranked by overlap with their must-haves',
  usage: '/match [<skill>, <skill>, ...]',
  examples: ['/match python, pytorch, sql, docker', '/match communication, RAG, API integration'],
  options: [
    {
      name: 'skills',
      kind: 'text',
      description: 'Your skills, separated by commas (default: your saved skills)',
      required: false,
      maxLength: MAX_OPTION_LENGTH,
    },
  ],
  input: z.object({
    skills: z
      .string()
      .trim()
      .min(1, 'list a few skills, separated by commas')
      .max(MAX_OPTION_LENGTH * 2)
      .transform(splitSkills)
      .pipe(z.array(z.string()).min(1, 'list a few skills, separated by commas').max(30, 'at most 30 skills at once'))
      // Left out: the skills saved with /profile.
      .optional(),
  }),
  parseText: (text) => ({ skills: text }),
  async run({ skills: typed }, core, ctx): Promise<CommandResult> {
    if (typed) {
      const { view: shown, data } = matchView(core, typed);
      const save = saveButton(ctx, typed);
      return { view: save ? { ...shown, actions: [...shown.actions, save] } : shown, data };
    }
    const saved = profileSkills(await savedProfile(ctx));
    if (saved.length === 0) {
      return notice(
        'Which skills?',
        'List your skills, separated by commas: /match python, pytorch, sql. Or save them once with /profile set skills:python, pytorch, sql and /match on its own uses them.',
        'info',
      );
    }
    const { view: shown, data } = matchView(core, saved);
    const n = saved.length;
    return { view: forYou(shown, `Matched on your ${n} saved skill${n === 1 ? '' : 's'}.`), data };
  },
});

/**
 * "Save these skills" after a /match with typed skills, where a profile can be kept and the answer
 * to pressing it is private (/profile's always is). Left out, not cut short, when the skills
 * would not fit a button's id (Discord's 100 characters).
 */
function saveButton(ctx: CommandContext, skills: string[]): ButtonAction | undefined {
  if (!profilesHere(ctx)) return undefined;
  const invoke = { command: 'profile', args: { subcommand: 'set', skills: skills.join(', ') } };
  return encodeOrDrop(invoke) ? { type: 'button', label: 'Save these skills', invoke } : undefined;
}

function matchView(core: Core, skills: string[]): { view: View; data: JsonData } {
  const ranked = core.match(skills, 5);
  const data: JsonData = {
    kind: 'match',
    skills,
    matches: ranked.map((m) => ({
      rank: m.rank,
      role: roleRecord(m.role),
      coverage: m.coverage,
      matchedMustHave: m.matchedMustHave,
      matchedNiceToHave: m.matchedNiceToHave,
      missingMustHave: m.missingMustHave,
    })),
  };
  // Ties at the cut are all kept by core.match; past MAX_SHOWN they are named, not dropped.
  const results = ranked.slice(0, MAX_SHOWN);
  const more = ranked.slice(MAX_SHOWN);
  if (results.length === 0) {
    const view = kbView(core.kb, {
      kind: 'match',
      title: 'No role matches those skills',
      description: 'Use tool and technique names from job posts, such as Python, PyTorch, RAG, SQL, Docker.',
      tone: 'warning',
      private: true,
    });
    return { view, data };
  }
  const view = kbView(core.kb, {
    kind: 'match',
    title: `Best matches for ${skills.length} skill${skills.length === 1 ? '' : 's'}`,
    description:
      "Ranked by how many of each role's must-have skills you cover, then by the share of its must-have list, then by nice-to-haves. " +
      'Roles matched only through nice-to-haves come last; roles that tie share a rank and are all shown.',
    fields: results.map((m) => ({
      label: `${results.filter((o) => o.rank === m.rank).length > 1 ? '=' : ''}${m.rank}. ${m.role.name}`,
      value: [
        m.matchedMustHave.length
          ? `${m.matchedMustHave.length} of ${m.role.mustHave.length} must-haves (${Math.round(m.coverage * 100)}%): ${m.matchedMustHave.join(', ')}`
          : `Only through nice-to-haves, none of its ${m.role.mustHave.length} must-haves`,
        m.matchedNiceToHave.length ? `+ ${m.matchedNiceToHave.length} nice-to-have: ${m.matchedNiceToHave.join(', ')}` : '',
        m.missingMustHave.length ? `Missing: ${m.missingMustHave.slice(0, 4).join(', ')}${m.missingMustHave.length > 4 ? ', …' : ''}` : 'Nothing missing',
      ]
        .filter(Boolean)
        .join('\n'),
    })),
    sections: more.length ? [{ heading: `${more.length} more tie at rank ${more[0]!.rank}`, body: more.map((m) => m.role.name).join(', ') }] : [],
    actions: results.map((m) => ({ type: 'button' as const, label: m.role.name, invoke: { command: 'role', args: { name: roleRef(m.role) } } })),
  });
  return { view, data };
}
