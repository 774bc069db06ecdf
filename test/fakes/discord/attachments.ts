import type { APIAttachment, APIEmbed } from 'discord.js';
import { snowflake } from './snowflake.js';
import { mediaUrls } from './validate-v2.js';

/**
 * File uploads as Discord takes them: multipart/form-data with the JSON body in `payload_json`
 * and each file in a `files[n]` part, listed in the body's `attachments` by id n. An embed may
 * show an uploaded file with `attachment://<filename>`; the stored message points at the CDN.
 */

export interface UploadedFile {
  /** n of the `files[n]` part. */
  index: number;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** Discord's default upload limit for a bot in a server without boosts. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_FILES = 10;
const MAX_DESCRIPTION = 1024;
/** What attachment:// can name reliably: no spaces, no non-ASCII. */
const SAFE_FILENAME = /^[\w.-]{1,100}$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ParsedMultipart {
  body: unknown;
  files: UploadedFile[];
  problems: string[];
}

/** Parses a multipart body with the platform's own form-data parser (undici's, via Request). */
export async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedMultipart> {
  const problems: string[] = [];
  let form: FormData;
  try {
    form = await new Request('http://fake.invalid/', { method: 'POST', body: raw, headers: { 'content-type': contentType } }).formData();
  } catch {
    return { body: null, files: [], problems: ['multipart body: malformed'] };
  }
  let body: unknown = null;
  const files: UploadedFile[] = [];
  for (const [name, value] of form.entries()) {
    if (name === 'payload_json') {
      if (typeof value !== 'string') problems.push('payload_json: must be a text part');
      else {
        try {
          body = JSON.parse(value);
        } catch {
          problems.push('payload_json: not valid JSON');
        }
      }
      continue;
    }
    const m = /^files\[(\d+)\]$/.exec(name);
    if (!m || typeof value === 'string') {
      problems.push(`${name}: unexpected form part (files go in files[n], the body in payload_json)`);
      continue;
    }
    const data = Buffer.from(await value.arrayBuffer());
    files.push({ index: Number(m[1]), filename: value.name, contentType: value.type, data });
  }
  if (body === null && problems.length === 0) problems.push('payload_json: required in a multipart request');
  if (files.length > MAX_FILES) problems.push(`files: ${files.length} > ${MAX_FILES}`);
  for (const f of files) {
    if (f.data.length > MAX_FILE_BYTES) problems.push(`files[${f.index}]: ${f.data.length} bytes > ${MAX_FILE_BYTES} (Request entity too large)`);
    if (f.data.length === 0) problems.push(`files[${f.index}]: empty file`);
  }
  return { body, files, problems };
}

/** attachment:// references in embed images and thumbnails. */
function attachmentRefs(embeds: unknown): Array<{ where: string; filename: string }> {
  const refs: Array<{ where: string; filename: string }> = [];
  (Array.isArray(embeds) ? embeds : []).forEach((e, i) => {
    if (!isObject(e)) return;
    for (const key of ['image', 'thumbnail'] as const) {
      const media = e[key];
      if (!isObject(media) || typeof media.url !== 'string') continue;
      const m = /^attachment:\/\/(.*)$/.exec(media.url);
      if (m) refs.push({ where: `embeds[${i}].${key}.url`, filename: m[1]! });
      else if (!/^https?:\/\//.test(media.url)) refs.push({ where: `embeds[${i}].${key}.url`, filename: '' });
    }
  });
  return refs;
}

/**
 * The checks Discord makes on a message's files: every files[n] listed in `attachments` by id,
 * no listed id without a file, descriptions within 1024 characters, and every attachment://
 * naming an uploaded file. Messages without files may not reference attachments either.
 */
export function validateAttachments(body: unknown, files: readonly UploadedFile[]): string[] {
  const problems: string[] = [];
  if (!isObject(body)) return problems;
  const listed = Array.isArray(body.attachments) ? body.attachments : [];
  const byIndex = new Map(files.map((f) => [f.index, f]));
  const seen = new Set<number>();
  listed.forEach((a, i) => {
    const w = `attachments[${i}]`;
    if (!isObject(a)) return void problems.push(`${w}: must be an object`);
    const id = Number(a.id);
    if (!Number.isInteger(id) || !byIndex.has(id)) return void problems.push(`${w}.id: no files[${String(a.id)}] part was uploaded`);
    seen.add(id);
    if (a.description !== undefined && (typeof a.description !== 'string' || a.description.length > MAX_DESCRIPTION)) {
      problems.push(`${w}.description: at most ${MAX_DESCRIPTION} characters`);
    }
  });
  for (const f of files) {
    if (!seen.has(f.index)) problems.push(`files[${f.index}]: not listed in attachments`);
    if (!SAFE_FILENAME.test(f.filename)) problems.push(`files[${f.index}].filename: "${f.filename}" cannot be referenced by attachment://`);
  }
  const names = new Set(files.map((f) => f.filename));
  const v2 = mediaUrls(Array.isArray(body.components) ? body.components : []).map(({ where, url }) => {
    const m = /^attachment:\/\/(.*)$/.exec(url);
    return { where, filename: m ? m[1]! : /^https?:\/\//.test(url) ? undefined : '' };
  });
  for (const ref of [...attachmentRefs(body.embeds), ...v2.filter((r): r is { where: string; filename: string } => r.filename !== undefined)]) {
    if (!ref.filename) problems.push(`${ref.where}: Not a well formed URL`);
    else if (!names.has(ref.filename)) problems.push(`${ref.where}: attachment://${ref.filename} names no uploaded file`);
  }
  return problems;
}

/** The attachments as the stored message shows them, with embed references resolved to CDN URLs. */
export function storeAttachments(
  channelId: string,
  body: Json,
  files: readonly UploadedFile[],
): { attachments: APIAttachment[]; embeds?: APIEmbed[]; components?: unknown[] } {
  const listed = Array.isArray(body.attachments) ? body.attachments.filter(isObject) : [];
  const attachments = files.map((f): APIAttachment => {
    const id = snowflake();
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${f.filename}`;
    const description = listed.find((a) => Number(a.id) === f.index)?.description;
    return {
      id,
      filename: f.filename,
      size: f.data.length,
      url,
      proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net'),
      content_type: f.contentType,
      ...(typeof description === 'string' ? { description } : {}),
    };
  });
  const cdn = new Map(attachments.map((a) => [`attachment://${a.filename}`, a.url]));
  const components = Array.isArray(body.components) ? { components: body.components.map((c) => resolveMedia(c, cdn)) } : {};
  if (!Array.isArray(body.embeds)) return { attachments, ...components };
  const embeds = (body.embeds as APIEmbed[]).map((e) => ({
    ...e,
    ...(e.image ? { image: { ...e.image, url: cdn.get(e.image.url) ?? e.image.url } } : {}),
    ...(e.thumbnail ? { thumbnail: { ...e.thumbnail, url: cdn.get(e.thumbnail.url) ?? e.thumbnail.url } } : {}),
  }));
  return { attachments, embeds, ...components };
}

/** A V2 component with its media's attachment:// URLs pointing at the CDN, as Discord stores it. */
function resolveMedia(c: unknown, cdn: Map<string, string>): unknown {
  if (!isObject(c)) return c;
  const out: Json = { ...c };
  if (isObject(c.media) && typeof c.media.url === 'string') out.media = { ...c.media, url: cdn.get(c.media.url) ?? c.media.url };
  if (Array.isArray(c.items)) out.items = c.items.map((item) => resolveMedia(item, cdn));
  if (Array.isArray(c.components)) out.components = c.components.map((x) => resolveMedia(x, cdn));
  if (isObject(c.accessory)) out.accessory = resolveMedia(c.accessory, cdn);
  return out;
}
