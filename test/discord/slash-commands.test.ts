import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  ApplicationCommandOptionType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type CommandInteractionOption,
} from 'discord.js';
import { commands } from '../../commands/index.js';
import { defineCommand, MAX_OPTION_LENGTH } from '../../commands/command.js';
import { buildSlashCommands, slashCommandFor } from '../../src/platforms/discord/slash-commands.js';
import { optionsToRaw, tidyChoices } from '../../src/platforms/discord/options.js';
import { notice } from '../../src/views/cards/notice.js';
import { validateCommands } from '../fakes/discord/index.js';

const basic = (options: APIApplicationCommandOption[] | undefined) => (options ?? []) as APIApplicationCommandBasicOption[];

describe('slash commands generated from the registry', () => {
  const payload = buildSlashCommands();

  it('has one chat-input command per registry command, in order, that Discord accepts', () => {
    expect(payload.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    expect(validateCommands(payload)).toEqual([]);
    // /spotlight is Discord's own build (guild only, Manage Channels), checked below and in spotlight.e2e.
    for (const c of payload.filter((c) => c.name !== 'spotlight')) {
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.contexts).toEqual([0, 1, 2]);
      expect(c.integration_types).toEqual([0, 1]);
      expect(c.default_member_permissions).toBeUndefined();
    }
  });

  it('makes every role option an autocompleted string with the schema’s length limit', () => {
    const compare = payload.find((c) => c.name === 'compare')!;
    expect(basic(compare.options)).toEqual([
      expect.objectContaining({ name: 'role_a', type: 3, required: true, autocomplete: true, max_length: MAX_OPTION_LENGTH }),
      expect.objectContaining({ name: 'role_b', type: 3, required: true, autocomplete: true }),
      expect.objectContaining({ name: 'role_c', type: 3, required: false, autocomplete: true }),
      expect.objectContaining({ name: 'role_d', type: 3, required: false, autocomplete: true }),
    ]);
    for (const c of payload) {
      const def = commands.find((d) => d.name === c.name)!;
      const roleOptions = def.options.filter((o) => o.kind === 'role').map((o) => o.name);
      const autocompleted = basic(c.options)
        .filter((o) => 'autocomplete' in o && o.autocomplete)
        .map((o) => o.name);
      expect(autocompleted.sort()).toEqual(roleOptions.sort());
    }
  });

  it('turns choice options into choices and text options into max_length', () => {
    const roles = payload.find((c) => c.name === 'roles')!;
    const layer = basic(roles.options).find((o) => o.name === 'layer')!;
    expect(layer).toMatchObject({ type: 3, required: false });
    expect('choices' in layer && layer.choices).toContainEqual({ name: 'L5 Orchestration', value: 'L5' });
    expect('choices' in layer && layer.choices?.length).toBe(7);
    const salary = basic(payload.find((c) => c.name === 'salary')!.options);
    expect(salary.map((o) => o.name)).toEqual(['role', 'market', 'level']);
    expect(salary[1]).toMatchObject({
      choices: [
        { name: 'US', value: 'us' },
        { name: 'India', value: 'india' },
        { name: 'UK (AI Engineer only)', value: 'uk' },
        { name: 'Both', value: 'both' },
      ],
    });
    expect(basic(payload.find((c) => c.name === 'skills')!.options)[0]).toMatchObject({ type: 3, max_length: 100, required: true });
    expect(payload.find((c) => c.name === 'help')!.options ?? []).toEqual([]);
  });

  it('clips long descriptions and puts required options first', () => {
    const def = defineCommand({
      name: 'odd',
      description: 'x'.repeat(150),
      usage: '',
      examples: [],
      options: [
        { name: 'later', kind: 'text', description: 'y'.repeat(120), required: false, maxLength: 9000 },
        { name: 'first', kind: 'role', description: 'Needed', required: true },
      ],
      input: z.object({ later: z.string().optional(), first: z.string() }),
      parseText: () => ({}),
      run: () => notice('x', 'y'),
    });
    const json = slashCommandFor(def);
    expect(json.description).toHaveLength(100);
    expect(json.description.endsWith('…')).toBe(true);
    expect(basic(json.options).map((o) => o.name)).toEqual(['first', 'later']);
    expect(basic(json.options)[1]).toMatchObject({ max_length: 6000 });
    expect(validateCommands([json])).toEqual([]);
  });
});

describe('extension commands', () => {
  const spotlight = new SlashCommandBuilder()
    .setName('spotlight')
    .setDescription('Weekly role spotlight')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .addSubcommand((s) =>
      s
        .setName('subscribe')
        .setDescription('Post the spotlight in a channel')
        .addChannelOption((o) => o.setName('channel').setDescription('Where').setRequired(true)),
    )
    .addSubcommand((s) => s.setName('stop').setDescription('Stop posting'))
    .toJSON();

  it('adds a platform-specific command with subcommands and default member permissions', () => {
    const others = commands.filter((c) => c.name !== 'spotlight');
    const payload = buildSlashCommands(others, [{ data: spotlight }]);
    expect(payload.map((c) => c.name)).toEqual([...others.map((c) => c.name), 'spotlight']);
    const added = payload.at(-1)!;
    expect(added.default_member_permissions).toBe(PermissionFlagsBits.ManageChannels.toString());
    expect(added.options?.map((o) => [o.name, o.type])).toEqual([
      ['subscribe', ApplicationCommandOptionType.Subcommand],
      ['stop', ApplicationCommandOptionType.Subcommand],
    ]);
    expect(validateCommands(payload)).toEqual([]);
  });

  it('replaces a generated command of the same name', () => {
    const custom = new SlashCommandBuilder().setName('help').setDescription('Custom help').toJSON();
    const payload = buildSlashCommands(commands, [{ data: custom }]);
    expect(payload.filter((c) => c.name === 'help')).toEqual([custom]);
    expect(payload).toHaveLength(commands.length);
  });
});

describe('interaction input', () => {
  it('flattens subcommands into raw input for the Dispatcher', () => {
    const options = [
      {
        name: 'subscribe',
        type: ApplicationCommandOptionType.Subcommand,
        options: [{ name: 'channel', type: ApplicationCommandOptionType.Channel, value: '123456789012345678' }],
      },
    ] as CommandInteractionOption[];
    expect(optionsToRaw(options)).toEqual({ subcommand: 'subscribe', channel: '123456789012345678' });
    const grouped = [
      {
        name: 'admin',
        type: ApplicationCommandOptionType.SubcommandGroup,
        options: [{ name: 'pause', type: ApplicationCommandOptionType.Subcommand, options: [] }],
      },
    ] as CommandInteractionOption[];
    expect(optionsToRaw(grouped)).toEqual({ subcommandGroup: 'admin', subcommand: 'pause' });
  });

  it('keeps an option named __proto__ as plain data', () => {
    const raw = optionsToRaw([{ name: '__proto__', type: ApplicationCommandOptionType.String, value: 'x' }] as CommandInteractionOption[]);
    expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
    expect(Object.keys(raw)).toEqual(['__proto__']);
  });

  it('tidies autocomplete choices to Discord’s limits', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `${'n'.repeat(150)}${i}`, value: `v${i}` }));
    const tidy = tidyChoices([{ name: '', value: 'v0' }, ...many, { name: 'dup', value: 'v1' }, { name: 'blank', value: '   ' }]);
    expect(tidy).toHaveLength(25);
    expect(tidy[0]).toEqual({ name: 'v0', value: 'v0' });
    expect(new Set(tidy.map((c) => c.value)).size).toBe(25);
    for (const c of tidy) expect(c.name.length >= 1 && c.name.length <= 100 && c.value.length <= 100).toBe(true);
  });
});
