import * as z from 'zod';
import { Difficulty, LayerCode, RoleId } from '../core/schema/common.js';

/** The commands a question can be understood as (every user command but /spotlight, a manager's tool). */
export const AskIntent = z.enum([
  'role',
  'compare',
  'path',
  'roles',
  'salary',
  'skills',
  'match',
  'prep',
  'certs',
  'projects',
  'companies',
  'deepdive',
  'sources',
  'help',
]);
export type AskIntent = z.infer<typeof AskIntent>;

export const AskMarket = z.enum(['us', 'india', 'uk']);
export type AskMarket = z.infer<typeof AskMarket>;

/** Career level: entry (fresher, new grad, junior), mid, senior, staff (staff, principal). */
export const AskLevel = z.enum(['entry', 'mid', 'senior', 'staff']);
export type AskLevel = z.infer<typeof AskLevel>;

/** A command call, as buttons carry it (structurally the Views' Invocation): role arguments are "#<number>". */
export const AskInvocation = z.object({ command: AskIntent, args: z.record(z.string(), z.string()) });
export type AskInvocation = z.infer<typeof AskInvocation>;

/** One reading offered to the asker: a clarifying choice, or "not what you meant? pick again". */
export const AskChoice = z.object({ label: z.string().max(100), description: z.string().max(100).optional(), invoke: AskInvocation });
export type AskChoice = z.infer<typeof AskChoice>;

/** What the question names, beyond its intent. */
export const AskEntities = z.object({
  /** In the order the question names them. */
  roles: z.array(RoleId),
  market: AskMarket.nullable(),
  level: AskLevel.nullable(),
  /** "cross" for cross-cutting roles. */
  layer: LayerCode.nullable(),
  difficulty: Difficulty.nullable(),
  /** The data's own wording of each skill named. */
  skills: z.array(z.string()),
});
export type AskEntities = z.infer<typeof AskEntities>;

/** Why a reading was made: the words seen and what they were taken for. */
export interface Evidence {
  kind:
    | 'cue'
    | 'role'
    | 'ambiguous-role'
    | 'other-title'
    | 'market'
    | 'level'
    | 'layer'
    | 'difficulty'
    | 'education'
    | 'skill'
    | 'tier'
    | 'part'
    | 'from'
    | 'to'
    | 'off-topic'
    | 'follow-up'
    | 'truncated';
  /** The question's words, normalised (never raw markup). */
  text: string;
  /** What they were taken for: an intent, a role id, a market… */
  value: string;
}

export interface RoleRef {
  number: number;
  name: string;
  id: RoleId;
}

interface Common {
  /** One line, plain text: "Comparing AI Engineer and ML Engineer (pay in India)". */
  understood: string;
  entities: AskEntities;
  evidence: Evidence[];
}

export type Understanding =
  | (Common & {
      status: 'answered';
      command: AskIntent;
      invocation: AskInvocation;
      /** Other readings, for "not what you meant? pick again". */
      alternatives: AskChoice[];
      /** What "the second one" would pick next turn (the roles listed, compared or matched). */
      list: AskChoice[];
    })
  | (Common & {
      status: 'clarify';
      /** The intended command when only an entity was unclear; null when the question mixed commands. */
      command: AskIntent | null;
      /** The clarifying question: "Which role did you mean by "ai scientist"?" */
      prompt: string;
      choices: AskChoice[];
      /** Roles offered for a role that resolved only ambiguously. */
      candidates: RoleRef[];
      /** The reference's own remark, for a title that is no distinct role ("AI/ML Developer"). */
      note?: string;
    })
  | (Common & { status: 'out_of_scope'; command: null; reason: 'empty' | 'off-topic' | 'no-intent' });

/**
 * The last turn of a conversation, for follow-ups ("and in india?", "the second one"). Stored
 * per conversation (a Slack thread, a Discord DM, the console) for 30 minutes.
 */
export const AskContext = z.object({
  version: z.literal(1),
  /** When it was answered (ms since the epoch). */
  at: z.number().int().nonnegative(),
  /** What was answered; null after a clarifying question (its choices are the list). */
  invocation: AskInvocation.nullable(),
  entities: AskEntities,
  /** In order: what "the first / second / last one" refers to. */
  list: z.array(AskChoice).max(25),
});
export type AskContext = z.infer<typeof AskContext>;

/** How long a conversation's context is kept. */
export const CONTEXT_TTL_MS = 30 * 60 * 1000;
