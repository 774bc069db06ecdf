import type { RawFile, REST } from '@discordjs/rest';
import { InteractionResponseType, MessageFlags, Routes, type APIApplicationCommandOptionChoice, type APIInteractionResponse } from 'discord-api-types/v10';
import type { DiscordFile } from './chart.js';
import type { DiscordMessage } from './render.js';

/**
 * Answering one interaction as Discord documents it
 * (https://discord.com/developers/docs/interactions/receiving-and-responding): a first answer
 * (an interaction callback), then edits of `@original`, its deletion and follow-ups through the
 * interaction webhook with the bot's REST client. Only the first answer differs between the
 * modes: HTTP interactions write it as the HTTP response, the gateway POSTs it to the callback route.
 */

/** Where an interaction's first answer goes. */
export interface FirstAnswer {
  /** False for an HTTP response, which is JSON only: an answer with files is then deferred in it and put on `@original`. */
  readonly carriesFiles: boolean;
  send(to: { id: string; token: string }, response: APIInteractionResponse, files: readonly DiscordFile[]): Promise<void>;
  /** A payload too broken to answer at all (no id or token): HTTP mode says 400; the gateway has no one to tell. */
  refuse(reason: string): void;
}

/** Files as @discordjs/rest uploads them, and the `attachments` a message lists them in (alt text included). */
function withFiles<T extends object>(body: T, files: readonly DiscordFile[]): { body: T; files?: RawFile[] } {
  if (files.length === 0) return { body };
  const attachments = files.map((f, i) => ({ id: String(i), filename: f.name, description: f.description }));
  return { body: { ...body, attachments }, files: files.map((f) => ({ name: f.name, data: f.data })) };
}

/** The first answer through `POST /interactions/{id}/{token}/callback` (gateway mode). */
export function callbackAnswer(rest: REST): FirstAnswer {
  return {
    carriesFiles: true,
    async send(to, response, files) {
      const route = Routes.interactionCallback(to.id, to.token);
      if (files.length === 0 || !('data' in response) || !response.data) return void (await rest.post(route, { body: response, auth: false }));
      // The files are listed in the message (data.attachments) and uploaded beside the JSON.
      const upload = withFiles(response.data, files);
      await rest.post(route, { body: { ...response, data: upload.body }, ...(upload.files ? { files: upload.files } : {}), auth: false });
    },
    refuse() {},
  };
}

type Choice = APIApplicationCommandOptionChoice<string>;

/** One interaction's answers, in order: never a second first answer, never a private answer made public. */
export class InteractionReply {
  private state: 'open' | 'deferred' | 'answered' = 'open';
  private deferredPrivately = false;
  private readonly webhook: { original: `/${string}`; followUp: `/${string}` };

  constructor(
    private readonly first: FirstAnswer,
    private readonly rest: REST,
    private readonly interaction: { id: string; token: string; application_id: string },
    /** Every answer ephemeral, as Discord requires of an app used in a server only through a person's install (installs.ts). */
    private readonly privateOnly = false,
  ) {
    const { application_id: app, token } = interaction;
    this.webhook = { original: Routes.webhookMessage(app, token, '@original'), followUp: Routes.webhook(app, token) };
  }

  /** "RoleCall is thinking…": a public deferred message, unless `privately`. */
  async defer(privately = this.privateOnly): Promise<void> {
    if (this.state !== 'open') return;
    const flags = privately ? { data: { flags: MessageFlags.Ephemeral } } : {};
    await this.first.send(this.interaction, { type: InteractionResponseType.DeferredChannelMessageWithSource, ...flags }, []);
    this.state = 'deferred';
    this.deferredPrivately = privately;
  }

  async choices(choices: Choice[]): Promise<void> {
    await this.first.send(this.interaction, { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } }, []);
    this.state = 'answered';
  }

  /** The answer: the first answer itself, the edit of a deferral, or a follow-up after an answer. */
  async message(answer: DiscordMessage, files: readonly DiscordFile[] = []): Promise<void> {
    const message: DiscordMessage = this.privateOnly ? { ...answer, flags: MessageFlags.Ephemeral } : answer;
    const privately = message.flags === MessageFlags.Ephemeral;
    if (this.state === 'open') {
      if (files.length === 0 || this.first.carriesFiles) {
        await this.first.send(this.interaction, { type: InteractionResponseType.ChannelMessageWithSource, data: message }, files);
        this.state = 'answered';
        return;
      }
      // An HTTP answer is JSON only: defer in it, then put the message and its files on @original.
      await this.defer(privately);
    }
    if (this.state === 'deferred') {
      if (privately && !this.deferredPrivately) {
        // A public "thinking…" cannot become private: remove it and answer privately instead.
        await this.rest.delete(this.webhook.original, { auth: false });
        await this.followUp(message, files);
      } else {
        // An edit keeps the deferral's flags; it may not set them.
        const { flags: _kept, ...edit } = message;
        await this.rest.patch(this.webhook.original, { ...withFiles(edit, files), auth: false });
      }
      this.state = 'answered';
      return;
    }
    await this.followUp(message, files);
  }

  private async followUp(message: DiscordMessage, files: readonly DiscordFile[]): Promise<void> {
    await this.rest.post(this.webhook.followUp, { ...withFiles(message, files), auth: false });
  }
}
