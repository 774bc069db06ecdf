/**
 * chat.unfurl as documented (api.slack.com/methods/chat.unfurl): the message is named by
 * `channel` and `ts`, or, for a link in the composer, by `unfurl_id` and `source` (`composer` or
 * `conversations_history`), which come together; `unfurls` is a URL-encoded JSON map of URL →
 * attachment (its legacy fields, or `blocks`). The Web API client sends it form-encoded, so the
 * map arrives as a JSON string; a JSON body may carry it as an object.
 */
export interface RecordedUnfurl {
  channel?: string;
  ts?: string;
  unfurlId?: string;
  source?: string;
  unfurls: Record<string, { blocks?: unknown[]; [field: string]: unknown }>;
}

const SOURCES = new Set(['composer', 'conversations_history']);
const ATTACHMENT_FIELDS = ['blocks', 'text', 'title', 'title_link', 'fallback', 'pretext', 'image_url', 'fields', 'color'];

export function unfurlCall(body: Record<string, unknown>): { ok: true; unfurl: RecordedUnfurl } | { ok: false; error: string } {
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const channel = str(body.channel);
  const ts = str(body.ts);
  const unfurlId = str(body.unfurl_id);
  const source = str(body.source);
  if (unfurlId || source) {
    if (!unfurlId) return { ok: false, error: 'missing_unfurl_id' };
    if (!source) return { ok: false, error: 'missing_source' };
    if (!SOURCES.has(source)) return { ok: false, error: 'invalid_source' };
  } else {
    if (!channel) return { ok: false, error: 'missing_channel' };
    if (!ts) return { ok: false, error: 'missing_ts' };
  }
  let unfurls: unknown = body.unfurls;
  if (typeof unfurls === 'string') {
    try {
      unfurls = JSON.parse(unfurls);
    } catch {
      return { ok: false, error: 'invalid_unfurls_format' };
    }
  }
  if (typeof unfurls !== 'object' || unfurls === null || Array.isArray(unfurls) || Object.keys(unfurls).length === 0) {
    return { ok: false, error: 'invalid_unfurls_format' };
  }
  for (const [url, attachment] of Object.entries(unfurls)) {
    if (!URL.canParse(url)) return { ok: false, error: 'cannot_unfurl_url' };
    if (typeof attachment !== 'object' || attachment === null) return { ok: false, error: 'invalid_unfurls_format' };
    const a = attachment as Record<string, unknown>;
    if (!ATTACHMENT_FIELDS.some((f) => f in a)) return { ok: false, error: 'invalid_unfurls_format' };
    if ('blocks' in a && (!Array.isArray(a.blocks) || a.blocks.length === 0 || a.blocks.length > 50)) return { ok: false, error: 'invalid_blocks' };
  }
  return {
    ok: true,
    unfurl: {
      ...(unfurlId ? { unfurlId, source } : { channel, ts }),
      unfurls: unfurls as RecordedUnfurl['unfurls'],
    },
  };
}
