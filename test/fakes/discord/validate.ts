import { IS_COMPONENTS_V2, usesLayout, validateLayout } from './validate-v2.js';

/**
 * The checks Discord applies to what a bot sends, from the documented limits. The fake answers
 * 400 / 50035 Invalid Form Body with these problems, so a payload Discord would reject fails here.
 * Lengths are counted in UTF-16 units, which is never less than Discord's count.
 */
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedTotal: 6000,
  rows: 5,
  rowButtons: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  optionLabel: 100,
  optionValue: 100,
  optionDescription: 100,
  placeholder: 150,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
} as const;

function len(problems: string[], where: string, value: unknown, max: number, min = 0): number {
  if (value === undefined || value === null) {
    if (min > 0) problems.push(`${where}: required`);
    return 0;
  }
  if (typeof value !== 'string') {
    problems.push(`${where}: must be a string`);
    return 0;
  }
  if (value.length > max) problems.push(`${where}: ${value.length} > ${max} characters`);
  if (value.trim().length < min) problems.push(`${where}: must be at least ${min} non-blank character(s)`);
  return value.length;
}

function validateEmbeds(embeds: unknown[], problems: string[]): void {
  if (embeds.length > LIMITS.embeds) problems.push(`embeds: ${embeds.length} > ${LIMITS.embeds}`);
  let total = 0;
  embeds.forEach((e, i) => {
    const w = `embeds[${i}]`;
    if (!isObject(e)) return void problems.push(`${w}: must be an object`);
    total += len(problems, `${w}.title`, e.title, LIMITS.title);
    total += len(problems, `${w}.description`, e.description, LIMITS.description);
    if (isObject(e.footer)) total += len(problems, `${w}.footer.text`, e.footer.text, LIMITS.footer, 1);
    if (isObject(e.author)) total += len(problems, `${w}.author.name`, e.author.name, LIMITS.authorName, 1);
    const fields = arr(e.fields);
    if (fields.length > LIMITS.fields) problems.push(`${w}.fields: ${fields.length} > ${LIMITS.fields}`);
    fields.forEach((f, j) => {
      if (!isObject(f)) return void problems.push(`${w}.fields[${j}]: must be an object`);
      total += len(problems, `${w}.fields[${j}].name`, f.name, LIMITS.fieldName, 1);
      total += len(problems, `${w}.fields[${j}].value`, f.value, LIMITS.fieldValue, 1);
    });
    if (e.color !== undefined && (typeof e.color !== 'number' || e.color < 0 || e.color > 0xffffff)) problems.push(`${w}.color: invalid`);
  });
  if (total > LIMITS.embedTotal) problems.push(`embeds: ${total} characters in total > ${LIMITS.embedTotal}`);
}

/** Every custom_id of a message must be unique, across rows and V2 layouts alike. */
function customIdCheck(problems: string[]): (where: string, v: unknown) => void {
  const ids = new Set<string>();
  return (where, v) => {
    len(problems, where, v, LIMITS.customId, 1);
    if (typeof v === 'string') {
      if (ids.has(v)) problems.push(`${where}: duplicate custom_id ${v}`);
      ids.add(v);
    }
  };
}

/** A button (type 2), whether in an action row or a V2 section's accessory. */
function validateButton(c: Json, cw: string, problems: string[], id: (where: string, v: unknown) => void): void {
  if (typeof c.style !== 'number' || c.style < 1 || c.style > 6) problems.push(`${cw}.style: invalid`);
  if (c.style === 5) len(problems, `${cw}.url`, c.url, 512, 1);
  else id(`${cw}.custom_id`, c.custom_id);
  if (c.label === undefined && c.emoji === undefined) problems.push(`${cw}: a button needs a label or an emoji`);
  if (c.label !== undefined) len(problems, `${cw}.label`, c.label, LIMITS.buttonLabel, 1);
}

/** One action row (type 1) of buttons or a single string select. */
function validateRow(row: unknown, w: string, problems: string[], id: (where: string, v: unknown) => void): void {
  if (!isObject(row) || row.type !== 1) return void problems.push(`${w}: must be an action row (type 1)`);
  const children = arr(row.components);
  if (children.length === 0) problems.push(`${w}: an action row needs 1–5 components`);
  const hasSelect = children.some((c) => isObject(c) && c.type !== 2);
  if (hasSelect && children.length > 1) problems.push(`${w}: a select menu must be alone in its row`);
  if (children.length > LIMITS.rowButtons) problems.push(`${w}: ${children.length} buttons > ${LIMITS.rowButtons}`);
  children.forEach((c, j) => {
    const cw = `${w}.components[${j}]`;
    if (!isObject(c)) return void problems.push(`${cw}: must be an object`);
    if (c.type === 2) validateButton(c, cw, problems, id);
    else if (c.type === 3) {
      id(`${cw}.custom_id`, c.custom_id);
      len(problems, `${cw}.placeholder`, c.placeholder, LIMITS.placeholder);
      const options = arr(c.options);
      if (options.length < 1 || options.length > LIMITS.selectOptions) problems.push(`${cw}.options: ${options.length} not in 1–25`);
      const values = new Set<string>();
      options.forEach((o, k) => {
        const ow = `${cw}.options[${k}]`;
        if (!isObject(o)) return void problems.push(`${ow}: must be an object`);
        len(problems, `${ow}.label`, o.label, LIMITS.optionLabel, 1);
        len(problems, `${ow}.value`, o.value, LIMITS.optionValue, 1);
        len(problems, `${ow}.description`, o.description, LIMITS.optionDescription);
        const v = str(o.value);
        if (v !== undefined && values.has(v)) problems.push(`${ow}.value: duplicate ${v}`);
        if (v !== undefined) values.add(v);
      });
    } else problems.push(`${cw}.type: ${String(c.type)} is not a button or string select`);
  });
}

function validateComponents(rows: unknown[], problems: string[]): void {
  if (rows.length > LIMITS.rows) problems.push(`components: ${rows.length} rows > ${LIMITS.rows}`);
  const id = customIdCheck(problems);
  rows.forEach((row, i) => validateRow(row, `components[${i}]`, problems, id));
}

/** A message body (create, edit, interaction response data). `creating` also requires some content. */
export function validateMessage(body: unknown, creating: boolean): string[] {
  const problems: string[] = [];
  if (!isObject(body)) return ['body: must be a JSON object'];
  const v2 = typeof body.flags === 'number' && (body.flags & IS_COMPONENTS_V2) !== 0;
  if (v2) validateLayout(body, problems, { row: validateRow, button: validateButton, id: customIdCheck(problems) });
  else {
    len(problems, 'content', body.content, LIMITS.content);
    validateEmbeds(arr(body.embeds), problems);
    if (usesLayout(arr(body.components))) problems.push('components: layout components (types 9–17) need the IS_COMPONENTS_V2 flag (1 << 15)');
    else validateComponents(arr(body.components), problems);
  }
  if (body.allowed_mentions !== undefined) {
    const am = body.allowed_mentions;
    if (!isObject(am)) problems.push('allowed_mentions: must be an object');
    else if (am.parse !== undefined && !arr(am.parse).every((p) => p === 'roles' || p === 'users' || p === 'everyone')) {
      problems.push('allowed_mentions.parse: only roles, users, everyone');
    }
  }
  if (creating && !str(body.content) && arr(body.embeds).length === 0 && arr(body.components).length === 0) {
    problems.push('Cannot send an empty message');
  }
  return problems;
}

/** An autocomplete result (interaction response type 8). */
export function validateChoices(data: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(data)) return ['data: must be an object'];
  const choices = arr(data.choices);
  if (!Array.isArray(data.choices)) problems.push('data.choices: required');
  if (choices.length > LIMITS.choices) problems.push(`data.choices: ${choices.length} > ${LIMITS.choices}`);
  choices.forEach((c, i) => {
    if (!isObject(c)) return void problems.push(`data.choices[${i}]: must be an object`);
    len(problems, `data.choices[${i}].name`, c.name, LIMITS.choiceName, 1);
    if (typeof c.value === 'string') len(problems, `data.choices[${i}].value`, c.value, LIMITS.choiceValue, 1);
    else if (typeof c.value !== 'number') problems.push(`data.choices[${i}].value: must be a string or number`);
  });
  return problems;
}

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateName(problems: string[], where: string, name: unknown): void {
  if (typeof name !== 'string' || !NAME.test(name) || name !== name.toLowerCase()) {
    problems.push(`${where}: "${String(name)}" is not a valid lowercase command name (1–32 characters)`);
  }
}

function validateOptions(problems: string[], where: string, options: unknown[], depth: number): void {
  if (options.length > LIMITS.commandOptions) problems.push(`${where}: ${options.length} options > ${LIMITS.commandOptions}`);
  let optionalSeen = false;
  const names = new Set<string>();
  options.forEach((o, i) => {
    const w = `${where}[${i}]`;
    if (!isObject(o)) return void problems.push(`${w}: must be an object`);
    validateName(problems, `${w}.name`, o.name);
    if (typeof o.name === 'string' && names.has(o.name)) problems.push(`${w}.name: duplicate ${o.name}`);
    if (typeof o.name === 'string') names.add(o.name);
    len(problems, `${w}.description`, o.description, LIMITS.commandDescription, 1);
    const type = o.type;
    if (typeof type !== 'number' || type < 1 || type > 11) return void problems.push(`${w}.type: invalid`);
    if (type === 1 || type === 2) {
      if (depth >= (type === 2 ? 1 : 2)) problems.push(`${w}: subcommands nest at most subcommand group → subcommand`);
      const children = arr(o.options);
      if (type === 2 && children.some((c) => !isObject(c) || c.type !== 1)) problems.push(`${w}: a group holds only subcommands`);
      validateOptions(problems, `${w}.options`, children, depth + 1);
      return;
    }
    if (o.required === true && optionalSeen) problems.push(`${w}: required options must come before optional ones`);
    if (o.required !== true) optionalSeen = true;
    const choices = arr(o.choices);
    if (choices.length > LIMITS.choices) problems.push(`${w}.choices: ${choices.length} > ${LIMITS.choices}`);
    if (choices.length > 0 && o.autocomplete === true) problems.push(`${w}: autocomplete cannot be set with choices`);
    choices.forEach((c, j) => {
      if (!isObject(c)) return void problems.push(`${w}.choices[${j}]: must be an object`);
      len(problems, `${w}.choices[${j}].name`, c.name, LIMITS.choiceName, 1);
      if (type === 3) len(problems, `${w}.choices[${j}].value`, c.value, LIMITS.choiceValue, 1);
    });
    if (o.max_length !== undefined && (typeof o.max_length !== 'number' || o.max_length < 1 || o.max_length > 6000)) {
      problems.push(`${w}.max_length: must be 1–6000`);
    }
  });
}

/** A bulk-overwrite body (PUT …/commands). */
export function validateCommands(body: unknown): string[] {
  const problems: string[] = [];
  if (!Array.isArray(body)) return ['body: must be an array of commands'];
  if (body.length > 100) problems.push(`body: ${body.length} commands > 100`);
  const names = new Set<string>();
  body.forEach((c, i) => {
    const w = `[${i}]`;
    if (!isObject(c)) return void problems.push(`${w}: must be an object`);
    validateName(problems, `${w}.name`, c.name);
    if (typeof c.name === 'string' && names.has(c.name)) problems.push(`${w}.name: duplicate command ${c.name}`);
    if (typeof c.name === 'string') names.add(c.name);
    if ((c.type ?? 1) === 1) len(problems, `${w}.description`, c.description, LIMITS.commandDescription, 1);
    const perms = c.default_member_permissions;
    if (perms !== undefined && perms !== null && (typeof perms !== 'string' || !/^\d+$/.test(perms))) {
      problems.push(`${w}.default_member_permissions: must be a permission bit string or null`);
    }
    enumList(problems, `${w}.integration_types`, c.integration_types, [0, 1]);
    enumList(problems, `${w}.contexts`, c.contexts, [0, 1, 2]);
    validateOptions(problems, `${w}.options`, arr(c.options), 0);
  });
  return problems;
}

/** integration_types (0 guild install, 1 user install) and contexts (0 guild, 1 bot DM, 2 private channel): distinct known values, or absent. */
function enumList(problems: string[], where: string, value: unknown, allowed: readonly number[]): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value) || value.length === 0) return void problems.push(`${where}: must be a non-empty array`);
  if (value.some((v) => !allowed.includes(v as number))) problems.push(`${where}: values must be among ${allowed.join(', ')}`);
  if (new Set(value).size !== value.length) problems.push(`${where}: duplicate values`);
}
