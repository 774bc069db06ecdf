/**
 * Discord's checks on Components V2 messages (flag IS_COMPONENTS_V2), from
 * https://discord.com/developers/docs/components/reference: with the flag a message is its
 * components alone (no content, no embeds), at most 40 components counting nested ones, and at
 * most 4,000 characters of text display content in all. Without the flag layout components are refused.
 */
type Json = Record<string, unknown>;
type IdCheck = (where: string, v: unknown) => void;

/** What validate.ts lends: its row and button checks, so both layouts check buttons alike. */
export interface RowChecks {
  row(row: unknown, where: string, problems: string[], id: IdCheck): void;
  button(c: Json, where: string, problems: string[], id: IdCheck): void;
  id: IdCheck;
}

export const IS_COMPONENTS_V2 = 1 << 15;
export const V2_LIMITS = { components: 40, text: 4000, sectionTexts: 3, galleryItems: 10, mediaDescription: 1024 } as const;

const T = { row: 1, button: 2, section: 9, text: 10, thumbnail: 11, gallery: 12, file: 13, separator: 14, container: 17 } as const;
const LAYOUT_TYPES = new Set<unknown>([T.section, T.text, T.thumbnail, T.gallery, T.file, T.separator, T.container]);
const TOP_LEVEL = new Set<unknown>([T.row, T.section, T.text, T.gallery, T.file, T.separator, T.container]);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** True when any top-level component (or a row's child) is a V2 layout component. */
export function usesLayout(components: unknown[]): boolean {
  return components.some((c) => isObject(c) && (LAYOUT_TYPES.has(c.type) || arr(c.components).some((x) => isObject(x) && LAYOUT_TYPES.has(x.type))));
}

/** Every component of a message, nested ones included (rows, their children, accessories). */
export function countComponents(components: unknown[]): number {
  let n = 0;
  for (const c of components) {
    if (!isObject(c)) continue;
    n += 1 + countComponents(arr(c.components)) + (isObject(c.accessory) ? 1 : 0);
  }
  return n;
}

/** The text displays' content, in order, wherever they sit. */
export function textDisplays(components: unknown[]): string[] {
  const out: string[] = [];
  for (const c of components) {
    if (!isObject(c)) continue;
    if (c.type === T.text && typeof c.content === 'string') out.push(c.content);
    out.push(...textDisplays(arr(c.components)));
  }
  return out;
}

/** Every media URL (gallery items, thumbnails) with where it is, for the attachment:// check. */
export function mediaUrls(components: unknown[], at = 'components'): Array<{ where: string; url: string }> {
  const out: Array<{ where: string; url: string }> = [];
  components.forEach((c, i) => {
    if (!isObject(c)) return;
    const w = `${at}[${i}]`;
    if (c.type === T.thumbnail && isObject(c.media) && typeof c.media.url === 'string') out.push({ where: `${w}.media.url`, url: c.media.url });
    if (isObject(c.accessory))
      out.push(...mediaUrls([c.accessory], `${w}.accessory`).map((m) => ({ ...m, where: m.where.replace(/\.accessory\[0\]/, '.accessory') })));
    if (c.type === T.gallery) {
      arr(c.items).forEach((item, j) => {
        if (isObject(item) && isObject(item.media) && typeof item.media.url === 'string')
          out.push({ where: `${w}.items[${j}].media.url`, url: item.media.url });
      });
    }
    out.push(...mediaUrls(arr(c.components), `${w}.components`));
  });
  return out;
}

function media(problems: string[], w: string, m: unknown, description: unknown): void {
  if (!isObject(m) || typeof m.url !== 'string' || m.url.length === 0) problems.push(`${w}.media.url: required`);
  if (description !== undefined && description !== null && (typeof description !== 'string' || description.length > V2_LIMITS.mediaDescription)) {
    problems.push(`${w}.description: at most ${V2_LIMITS.mediaDescription} characters`);
  }
}

function validateOne(c: unknown, w: string, problems: string[], checks: RowChecks, inContainer: boolean): void {
  if (!isObject(c)) return void problems.push(`${w}: must be an object`);
  if (c.id !== undefined && (typeof c.id !== 'number' || !Number.isInteger(c.id) || c.id < 0)) problems.push(`${w}.id: must be a non-negative integer`);
  switch (c.type) {
    case T.row:
      checks.row(c, w, problems, checks.id);
      return;
    case T.text:
      if (typeof c.content !== 'string' || c.content.trim().length === 0) problems.push(`${w}.content: required`);
      return;
    case T.section: {
      const texts = arr(c.components);
      if (texts.length < 1 || texts.length > V2_LIMITS.sectionTexts) problems.push(`${w}.components: a section needs 1–3 text displays, not ${texts.length}`);
      texts.forEach((t, j) => {
        if (!isObject(t) || t.type !== T.text) problems.push(`${w}.components[${j}]: a section holds text displays (type 10) only`);
        else validateOne(t, `${w}.components[${j}]`, problems, checks, true);
      });
      const a = c.accessory;
      if (!isObject(a)) problems.push(`${w}.accessory: a section needs exactly one accessory (a button or a thumbnail)`);
      else if (a.type === T.button) checks.button(a, `${w}.accessory`, problems, checks.id);
      else if (a.type === T.thumbnail) media(problems, `${w}.accessory`, a.media, a.description);
      else problems.push(`${w}.accessory.type: ${String(a.type)} is not a button or a thumbnail`);
      return;
    }
    case T.gallery: {
      const items = arr(c.items);
      if (items.length < 1 || items.length > V2_LIMITS.galleryItems) problems.push(`${w}.items: ${items.length} not in 1–${V2_LIMITS.galleryItems}`);
      items.forEach((item, j) => {
        if (!isObject(item)) return void problems.push(`${w}.items[${j}]: must be an object`);
        media(problems, `${w}.items[${j}]`, item.media, item.description);
      });
      return;
    }
    case T.separator:
      if (c.divider !== undefined && typeof c.divider !== 'boolean') problems.push(`${w}.divider: must be a boolean`);
      if (c.spacing !== undefined && c.spacing !== 1 && c.spacing !== 2) problems.push(`${w}.spacing: must be 1 (small) or 2 (large)`);
      return;
    case T.file:
      if (!isObject(c.file) || typeof c.file.url !== 'string' || !c.file.url.startsWith('attachment://')) problems.push(`${w}.file.url: must be attachment://`);
      return;
    case T.container: {
      if (inContainer) return void problems.push(`${w}: a container cannot hold a container`);
      const ac = c.accent_color;
      if (ac !== undefined && ac !== null && (typeof ac !== 'number' || !Number.isInteger(ac) || ac < 0 || ac > 0xffffff)) {
        problems.push(`${w}.accent_color: must be an integer 0–0xFFFFFF`);
      }
      if (c.spoiler !== undefined && typeof c.spoiler !== 'boolean') problems.push(`${w}.spoiler: must be a boolean`);
      const children = arr(c.components);
      if (children.length === 0) problems.push(`${w}.components: a container needs at least one component`);
      children.forEach((child, j) => {
        if (isObject(child) && !TOP_LEVEL.has(child.type)) problems.push(`${w}.components[${j}].type: ${String(child.type)} cannot sit in a container`);
        else validateOne(child, `${w}.components[${j}]`, problems, checks, true);
      });
      return;
    }
    default:
      problems.push(`${w}.type: ${String(c.type)} cannot be a top-level component`);
  }
}

/** A message with the IS_COMPONENTS_V2 flag. */
export function validateLayout(body: Json, problems: string[], checks: RowChecks): void {
  if (body.content !== undefined && body.content !== null && body.content !== '') problems.push('content: cannot be sent with the IS_COMPONENTS_V2 flag');
  if (arr(body.embeds).length > 0) problems.push('embeds: cannot be sent with the IS_COMPONENTS_V2 flag');
  if (body.poll !== undefined) problems.push('poll: cannot be sent with the IS_COMPONENTS_V2 flag');
  const components = arr(body.components);
  components.forEach((c, i) => {
    if (isObject(c) && !TOP_LEVEL.has(c.type)) problems.push(`components[${i}].type: ${String(c.type)} cannot be a top-level component`);
    else validateOne(c, `components[${i}]`, problems, checks, false);
  });
  const total = countComponents(components);
  if (total > V2_LIMITS.components) problems.push(`components: ${total} components in total > ${V2_LIMITS.components}`);
  const text = textDisplays(components).reduce((n, t) => n + t.length, 0);
  if (text > V2_LIMITS.text) problems.push(`components: ${text} characters of text display content > ${V2_LIMITS.text}`);
}
