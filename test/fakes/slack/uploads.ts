import { randomBytes } from 'node:crypto';

/**
 * Slack's external file upload, as documented: files.getUploadURLExternal hands out a file id
 * and an upload URL; the bytes are POSTed there (raw, or as a multipart form); then
 * files.completeUploadExternal shares the files into a channel or thread. A file is shared only
 * once, only after all of its declared bytes arrived.
 */
export interface FakeUpload {
  id: string;
  filename: string;
  length: number;
  altText?: string;
  bytes?: Buffer;
  /** When the bytes arrived (Date.now()). */
  uploadedAt?: number;
  completed?: { channel?: string; threadTs?: string; title?: string; at: number };
  requestedAt: number;
}

export class UploadStore {
  readonly files = new Map<string, FakeUpload>();

  issue(body: Record<string, unknown>): { ok: true; file: FakeUpload } | { ok: false; error: string } {
    const filename = typeof body.filename === 'string' ? body.filename : '';
    const length = Number(body.length);
    if (!filename) return { ok: false, error: 'invalid_arguments' };
    if (!Number.isInteger(length) || length <= 0) return { ok: false, error: 'invalid_arguments' };
    const id = `F${randomBytes(5).toString('hex').toUpperCase()}`;
    const alt = body.alt_txt ?? body.alt_text;
    const file: FakeUpload = { id, filename, length, requestedAt: Date.now(), ...(typeof alt === 'string' ? { altText: alt } : {}) };
    this.files.set(id, file);
    return { ok: true, file };
  }

  /** The POST to the upload URL. Returns the HTTP status Slack's upload host would answer. */
  async receive(id: string, bytes: Buffer, contentType: string | undefined): Promise<number> {
    const file = this.files.get(id);
    if (!file || file.completed) return 404;
    let data = bytes;
    if ((contentType ?? '').startsWith('multipart/form-data')) {
      const form = await new Request('http://fake.invalid/', { method: 'POST', body: bytes, headers: { 'content-type': contentType! } }).formData();
      const part = [...form.values()].find((v) => typeof v !== 'string');
      if (!part || typeof part === 'string') return 400;
      data = Buffer.from(await part.arrayBuffer());
    }
    file.bytes = data;
    file.uploadedAt = Date.now();
    return 200;
  }

  complete(body: Record<string, unknown>): { ok: true; files: Array<Record<string, unknown>> } | { ok: false; error: string } {
    const list = Array.isArray(body.files) ? (body.files as Array<Record<string, unknown>>) : undefined;
    if (!list || list.length === 0) return { ok: false, error: 'invalid_arguments' };
    const channel = typeof body.channel_id === 'string' ? body.channel_id : undefined;
    const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : undefined;
    if (threadTs && !channel) return { ok: false, error: 'invalid_arguments' };
    const files: FakeUpload[] = [];
    for (const entry of list) {
      const file = typeof entry.id === 'string' ? this.files.get(entry.id) : undefined;
      if (!file || file.completed) return { ok: false, error: 'file_not_found' };
      // Slack refuses to complete an upload whose bytes never arrived or fell short.
      if (!file.bytes || file.bytes.length !== file.length) return { ok: false, error: 'file_upload_not_complete' };
      files.push(file);
    }
    const at = Date.now();
    return {
      ok: true,
      files: files.map((file, i) => {
        const title = typeof list[i]!.title === 'string' ? (list[i]!.title as string) : file.filename;
        file.completed = { at, title, ...(channel ? { channel } : {}), ...(threadTs ? { threadTs } : {}) };
        return { id: file.id, name: file.filename, title, size: file.length, mimetype: sniff(file.bytes!), ...(file.altText ? { alt_txt: file.altText } : {}) };
      }),
    };
  }

  clear(): void {
    this.files.clear();
  }
}

function sniff(bytes: Buffer): string {
  return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ? 'image/png' : 'application/octet-stream';
}
