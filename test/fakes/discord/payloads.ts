import type {
  APIApplicationCommandInteractionDataOption,
  APIChatInputApplicationCommandInteraction,
  APIApplicationCommandAutocompleteInteraction,
  APIGuildMember,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageComponentButtonInteraction,
  APIMessageComponentSelectMenuInteraction,
  APITextChannel,
  APIUser,
  APIRole,
  GatewayGuildCreateDispatchData,
  ChannelFlags,
  GuildMemberFlags,
  GuildSystemChannelFlags,
  MessageFlags,
  RoleFlags,
  UserFlags,
} from 'discord.js';
import { interactionToken, snowflake } from './snowflake.js';

/**
 * Wire objects as Discord sends them, and builders for the interactions other suites dispatch.
 * Numbers are the documented enum values (InteractionType, ComponentType, …), written out so
 * the fake stays independent of the client it tests.
 */
export const InteractionKind = { Ping: 1, ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;
export const OptionKind = { Subcommand: 1, SubcommandGroup: 2, String: 3, Integer: 4, Boolean: 5, User: 6, Channel: 7, Role: 8, Number: 10 } as const;
export const ComponentKind = { ActionRow: 1, Button: 2, StringSelect: 3 } as const;

/** Permission bits used here (documented values), as decimal strings like the API sends. */
export const Permission = {
  ManageChannels: 1n << 4n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  UseApplicationCommands: 1n << 31n,
  UseExternalApps: 1n << 50n,
} as const;
export const MEMBER_PERMISSIONS = (
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.ReadMessageHistory |
  Permission.UseApplicationCommands
).toString();
export const MODERATOR_PERMISSIONS = (BigInt(MEMBER_PERMISSIONS) | Permission.ManageChannels).toString();
export const BOT_PERMISSIONS = (Permission.ViewChannel | Permission.SendMessages | Permission.EmbedLinks).toString();

export function user(id: string, username: string, bot = false): APIUser {
  return { id, username, discriminator: '0', global_name: bot ? null : username, avatar: null, bot, flags: 0 as UserFlags, public_flags: 0 as UserFlags };
}

export function guildMember(u: APIUser, permissions?: string): APIInteractionGuildMember | APIGuildMember {
  const member: APIGuildMember = {
    user: u,
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: '2025-01-15T10:00:00.000000+00:00',
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
  return permissions === undefined ? member : { ...member, permissions };
}

export function textChannel(id: string, guildId: string, name = 'general'): APITextChannel {
  return {
    id,
    type: 0,
    guild_id: guildId,
    name,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
  };
}

export function everyoneRole(guildId: string): APIRole {
  return {
    id: guildId,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: MEMBER_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

/** GUILD_CREATE for a small guild holding the bot and one text channel. */
export function guildCreate(guildId: string, ownerId: string, bot: APIUser, channels: APITextChannel[]): GatewayGuildCreateDispatchData {
  return {
    id: guildId,
    name: 'RoleCall Test Guild',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    roles: [everyoneRole(guildId)],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    stickers: [],
    hub_type: null,
    incidents_data: null,
    region: 'deprecated',
    joined_at: '2025-01-15T10:00:00.000000+00:00',
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [guildMember(bot) as APIGuildMember],
    channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  } as GatewayGuildCreateDispatchData;
}

/** Where an interaction happens and who sends it. */
export interface InteractionScene {
  applicationId: string;
  guildId: string;
  channelId: string;
  user: APIUser;
  /** The invoking member's permissions; defaults to an ordinary member's. */
  memberPermissions?: string;
  locale?: string;
  /**
   * The installs that authorised it (authorizing_integration_owners): the server's (default), the
   * invoker's own ("Add to my apps", the bot absent from the server), or both.
   */
  installs?: 'server' | 'user' | 'both';
}

/** authorizing_integration_owners as Discord fills it in a server: "0" the guild id, "1" the authorising user's id. */
function owners(scene: InteractionScene): Record<string, string> {
  const installs = scene.installs ?? 'server';
  return {
    ...(installs === 'user' ? {} : { '0': scene.guildId }),
    ...(installs === 'server' ? {} : { '1': scene.user.id }),
  };
}

export type OptionInput = string | number | boolean;
export type OptionsInput = Record<string, OptionInput> | APIApplicationCommandInteractionDataOption[];

function toOptions(input: OptionsInput | undefined): APIApplicationCommandInteractionDataOption[] {
  if (input === undefined) return [];
  if (Array.isArray(input)) return input;
  return Object.entries(input).map(([name, value]) => {
    if (typeof value === 'string') return { name, type: OptionKind.String, value };
    if (typeof value === 'boolean') return { name, type: OptionKind.Boolean, value };
    return Number.isInteger(value) ? { name, type: OptionKind.Integer, value } : { name, type: OptionKind.Number, value };
  }) as APIApplicationCommandInteractionDataOption[];
}

/** A subcommand option for chatInput(): subcommand('subscribe', { channel: '…' }). */
export function subcommand(name: string, options?: Record<string, OptionInput>): APIApplicationCommandInteractionDataOption {
  return { name, type: OptionKind.Subcommand, options: toOptions(options) } as APIApplicationCommandInteractionDataOption;
}

function base(scene: InteractionScene) {
  const channel = textChannel(scene.channelId, scene.guildId);
  return {
    id: snowflake(),
    application_id: scene.applicationId,
    token: interactionToken(),
    version: 1 as const,
    guild_id: scene.guildId,
    guild: { id: scene.guildId, locale: 'en-US', features: [] },
    channel_id: scene.channelId,
    channel: { id: channel.id, type: channel.type, name: channel.name, guild_id: scene.guildId, permissions: BOT_PERMISSIONS, flags: 0 },
    member: guildMember(scene.user, scene.memberPermissions ?? MEMBER_PERMISSIONS) as APIInteractionGuildMember,
    app_permissions: BOT_PERMISSIONS,
    locale: scene.locale ?? 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: owners(scene),
    context: 0, // a server channel

    attachment_size_limit: 10 * 1024 * 1024,
  };
}

export function chatInput(
  scene: InteractionScene,
  name: string,
  options?: OptionsInput,
  commandId: string = snowflake(),
): APIChatInputApplicationCommandInteraction {
  return {
    ...base(scene),
    type: InteractionKind.ApplicationCommand,
    data: { id: commandId, name, type: 1, options: toOptions(options), guild_id: scene.guildId },
  } as APIChatInputApplicationCommandInteraction;
}

/** An autocomplete request: `focused` is the option being typed, `others` the ones already filled. */
export function autocomplete(
  scene: InteractionScene,
  name: string,
  focused: { name: string; value: string },
  others?: Record<string, OptionInput>,
  commandId: string = snowflake(),
): APIApplicationCommandAutocompleteInteraction {
  const options = [...toOptions(others), { name: focused.name, type: OptionKind.String, value: focused.value, focused: true }];
  return {
    ...base(scene),
    type: InteractionKind.Autocomplete,
    data: { id: commandId, name, type: 1, options, guild_id: scene.guildId },
  } as APIApplicationCommandAutocompleteInteraction;
}

/** The message a component sits on: by default a bot message carrying just that component. */
export function botMessage(channelId: string, bot: APIUser, fields: Partial<APIMessage> = {}): APIMessage {
  return {
    id: snowflake(),
    channel_id: channelId,
    author: bot,
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    flags: 0 as MessageFlags,
    components: [],
    ...fields,
  };
}

export function button(scene: InteractionScene & { bot: APIUser }, customId: string, message?: APIMessage): APIMessageComponentButtonInteraction {
  const msg =
    message ??
    botMessage(scene.channelId, scene.bot, {
      components: [{ type: ComponentKind.ActionRow, components: [{ type: ComponentKind.Button, style: 2, label: 'Open', custom_id: customId }] }],
    });
  return {
    ...base(scene),
    type: InteractionKind.MessageComponent,
    message: msg,
    data: { custom_id: customId, component_type: ComponentKind.Button },
  } as APIMessageComponentButtonInteraction;
}

export function select(
  scene: InteractionScene & { bot: APIUser },
  customId: string,
  values: string[],
  message?: APIMessage,
): APIMessageComponentSelectMenuInteraction {
  const msg =
    message ??
    botMessage(scene.channelId, scene.bot, {
      components: [
        {
          type: ComponentKind.ActionRow,
          components: [{ type: ComponentKind.StringSelect, custom_id: customId, options: values.map((v) => ({ label: v.slice(0, 100), value: v })) }],
        },
      ],
    });
  return {
    ...base(scene),
    type: InteractionKind.MessageComponent,
    message: msg,
    data: { custom_id: customId, component_type: ComponentKind.StringSelect, values },
  } as APIMessageComponentSelectMenuInteraction;
}
