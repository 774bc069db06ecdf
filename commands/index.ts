import type { CommandDefinition } from './command.js';
import { role } from './role.js';
import { compare } from './compare.js';
import { roles } from './roles.js';
import { path } from './path.js';
import { skills } from './skills.js';
import { match } from './match.js';
import { salary } from './salary.js';
import { prep } from './prep.js';
import { certs } from './certs.js';
import { projects } from './projects.js';
import { companies } from './companies.js';
import { deepdive } from './deepdive.js';
import { sources } from './sources.js';
import { about } from './about.js';
import { createHelp } from './help.js';
import { spotlight } from './spotlight.js';
import { ask } from './ask.js';
import { profile } from './profile.js';
import { settings } from './settings.js';

/** Every user command, in the order /help lists them. Front ends generate their commands from this. */
export const commands: readonly CommandDefinition[] = [
  role,
  compare,
  roles,
  path,
  skills,
  match,
  salary,
  prep,
  certs,
  projects,
  companies,
  deepdive,
  sources,
  about,
  ask,
  profile,
  spotlight,
  settings,
  createHelp(() => commands),
] as CommandDefinition[];

export type { CommandDefinition, CommandContext, CommandData, OptionSpec } from './command.js';
