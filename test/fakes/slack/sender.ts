import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ResponseUrlReceiver } from './response-url.js';
import {
  appHomeOpenedEvent,
  appMentionEvent,
  type BlockActionFields,
  blockActionsBody,
  blockActionsPayload,
  eventCallbackBody,
  FORM,
  JSON_TYPE,
  type MentionFields,
  type SignOptions,
  signedHeaders,
  type SlashCommandFields,
  slashCommandBody,
  type Workspace,
} from './signing.js';

export interface SentRequest {
  status: number;
  body: string;
  /** Time to the HTTP answer: the acknowledgement latency. */
  ms: number;
}

export interface SlackSenderOptions {
  /** The app's base URL, e.g. http://127.0.0.1:3000 (requests go to `${baseUrl}${path}`). */
  baseUrl: string;
  signingSecret: string;
  workspace: Workspace;
  /** Where slash commands and button clicks get their response_url. */
  responses: ResponseUrlReceiver;
  path?: string;
}

/** Plays Slack: sends signed slash commands, events and clicks to the app over HTTP. */
export class SlackSender {
  constructor(readonly opts: SlackSenderOptions) {}

  async post(rawBody: string, contentType: string, sign: SignOptions = {}): Promise<SentRequest> {
    const started = performance.now();
    const res = await fetch(`${this.opts.baseUrl}${this.opts.path ?? '/slack/events'}`, {
      method: 'POST',
      headers: signedHeaders(this.opts.signingSecret, rawBody, contentType, sign),
      body: rawBody,
    });
    const body = await res.text();
    return { status: res.status, body, ms: performance.now() - started };
  }

  /** `/role AI Engineer` → the ack, and the id of its response_url for `responses.waitFor`. */
  async command(
    command: string,
    text: string,
    fields: Partial<Omit<SlashCommandFields, 'command' | 'text' | 'responseUrl'>> = {},
    sign: SignOptions = {},
  ): Promise<SentRequest & { responseId: string; triggerId: string }> {
    const responseId = randomUUID();
    const triggerId = fields.triggerId ?? `${Date.now()}.${randomUUID().slice(0, 8)}`;
    const body = slashCommandBody(this.opts.workspace, { ...fields, triggerId, command, text, responseUrl: this.opts.responses.url(responseId) });
    return { ...(await this.post(body, FORM, sign)), responseId, triggerId };
  }

  /** An app_mention event_callback; the text should include `<@bot>` as Slack's does. */
  async mention(
    fields: MentionFields,
    sign: SignOptions & { eventId?: string } = {},
  ): Promise<SentRequest & { eventId: string; event: Record<string, unknown> }> {
    const eventId = sign.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;
    const event = appMentionEvent(this.opts.workspace, fields);
    return { ...(await this.post(eventCallbackBody(this.opts.workspace, event, eventId), JSON_TYPE, sign)), eventId, event };
  }

  /** Replays an exact event body, e.g. as Slack's retry with X-Slack-Retry-Num. */
  async event(event: Record<string, unknown>, eventId: string, sign: SignOptions = {}): Promise<SentRequest> {
    return this.post(eventCallbackBody(this.opts.workspace, event, eventId), JSON_TYPE, sign);
  }

  async homeOpened(user?: string, sign: SignOptions = {}): Promise<SentRequest & { eventId: string }> {
    const eventId = `Ev${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;
    const body = eventCallbackBody(this.opts.workspace, appHomeOpenedEvent(user ? { user } : {}), eventId);
    return { ...(await this.post(body, JSON_TYPE, sign)), eventId };
  }

  /** A button click or menu choice (block_actions), with a fresh response_url unless given none. */
  async click(
    fields: Omit<BlockActionFields, 'responseUrl'> & { noResponseUrl?: boolean },
    sign: SignOptions = {},
  ): Promise<SentRequest & { responseId: string }> {
    const responseId = randomUUID();
    const payload = blockActionsPayload(this.opts.workspace, {
      ...fields,
      ...(fields.noResponseUrl || fields.container?.home ? {} : { responseUrl: this.opts.responses.url(responseId) }),
    });
    return { ...(await this.post(blockActionsBody(payload), FORM, sign)), responseId };
  }
}
