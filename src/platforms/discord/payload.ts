import * as z from 'zod';
import { InteractionType } from 'discord-api-types/v10';

/**
 * The interaction payload as Discord sends it (over HTTP, or as the gateway's INTERACTION_CREATE),
 * validated at the boundary: only the fields RoleCall reads, each checked, the rest passed through.
 * https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object
 */

const snowflake = z.string().regex(/^\d{1,20}$/, 'expected a Discord id');
/** A permission bitfield, serialised as a decimal string. */
const bitfield = z.string().regex(/^\d{1,40}$/, 'expected a permission bitfield');

export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean | undefined;
  focused?: boolean | undefined;
  options?: CommandOption[] | undefined;
}

const CommandOption: z.ZodType<CommandOption> = z.looseObject({
  name: z.string().min(1).max(32),
  type: z.number().int(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  focused: z.boolean().optional(),
  get options() {
    return z.array(CommandOption).max(25).optional();
  },
});

/** Where it happened and who sent it: a guild member (with their permissions there), or a user in a DM. */
const scene = {
  id: snowflake,
  application_id: snowflake,
  token: z.string().min(1).max(500),
  guild_id: snowflake.optional(),
  channel_id: snowflake.optional(),
  channel: z.looseObject({ id: snowflake, type: z.number().int() }).optional(),
  member: z.looseObject({ user: z.looseObject({ id: snowflake }), permissions: bitfield }).optional(),
  user: z.looseObject({ id: snowflake }).optional(),
  /** What the bot may do in the channel. */
  app_permissions: bitfield.optional(),
  /** Where it was triggered: 0 a server, 1 the bot's DM, 2 a group DM or another DM (installs.ts). */
  context: z.number().int().optional(),
  /** The installs that authorised it: "0" (the server's) to a guild id or "0", "1" (a person's) to a user id. */
  authorizing_integration_owners: z.record(z.string().regex(/^\d{1,3}$/), snowflake.or(z.literal('0'))).optional(),
};

const commandData = z.looseObject({ name: z.string().min(1).max(32), type: z.number().int(), options: z.array(CommandOption).max(25).optional() });

const Ping = z.looseObject({ type: z.literal(InteractionType.Ping), id: snowflake, application_id: snowflake, token: z.string().min(1) });
const Command = z.looseObject({ ...scene, type: z.literal(InteractionType.ApplicationCommand), data: commandData });
const Autocomplete = z.looseObject({ ...scene, type: z.literal(InteractionType.ApplicationCommandAutocomplete), data: commandData });
const Component = z.looseObject({
  ...scene,
  type: z.literal(InteractionType.MessageComponent),
  // Every component interaction names the message its component sits on.
  message: z.looseObject({ id: snowflake }),
  data: z.looseObject({ custom_id: z.string().max(100), component_type: z.number().int(), values: z.array(z.string().max(100)).max(25).optional() }),
});
const ModalSubmit = z.looseObject({ ...scene, type: z.literal(InteractionType.ModalSubmit), data: z.looseObject({ custom_id: z.string().max(100) }) });

export const InteractionPayload = z
  .discriminatedUnion('type', [Ping, Command, Autocomplete, Component, ModalSubmit])
  .refine((i) => i.type === InteractionType.Ping || i.member !== undefined || i.user !== undefined, {
    message: 'names no member or user',
    path: ['user'],
  });

export type Interaction = z.infer<typeof InteractionPayload>;
/** Every interaction but PING: the ones a person sends. */
export type UserInteraction = Exclude<Interaction, { type: InteractionType.Ping }>;

/**
 * The least a payload that failed validation must carry to be answered: its id and token, and a
 * type that takes an answer. Anything less is refused (HTTP 400) or, from the gateway, logged.
 */
export const Answerable = z.object({
  id: snowflake,
  token: z.string().min(1).max(500),
  type: z.union([
    z.literal(InteractionType.ApplicationCommand),
    z.literal(InteractionType.MessageComponent),
    z.literal(InteractionType.ApplicationCommandAutocomplete),
    z.literal(InteractionType.ModalSubmit),
  ]),
});

/** Where a validation failure is, never what was sent (it may be someone's text). */
export function describeIssues(error: z.ZodError): string {
  const where = [...new Set(error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.code}`))];
  return `malformed interaction payload (${where.slice(0, 5).join('; ')})`;
}
