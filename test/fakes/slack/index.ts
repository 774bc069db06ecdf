/**
 * Everything a suite needs to play Slack against RoleCall with no network:
 * - FakeSlackApi: the Web API on loopback (SLACK_API_URL = api.url), recording every call;
 * - ResponseUrlReceiver: records what the app posts to response_url;
 * - FakeSocketMode (api.socketMode): Slack's end of Socket Mode, envelopes and acks;
 * - SlackSender: signed slash commands, events and clicks, sent to the app over HTTP;
 * - the payload builders and the v0 signer, for anything the sender does not cover.
 */
export { FakeSlackApi, type ChannelError, type InjectedFailure, type FakeSlackApiOptions, type RecordedCall, type StoredMessage } from './fake-slack-api.js';
export { FakeSlackOAuth, type FakeWorkspace, type OAuthAppConfig } from './oauth.js';
export { ResponseUrlReceiver, type RecordedResponse } from './response-url.js';
export { FakeSocketMode, type EnvelopeType, type SocketAck } from './socket-mode.js';
export { SlackSender, type SentRequest, type SlackSenderOptions } from './sender.js';
export { Recorder, type WaitOptions } from './recorder.js';
export {
  appHomeOpenedEvent,
  appMentionEvent,
  assistantThreadStartedEvent,
  directMessageEvent,
  blockActionsBody,
  blockActionsPayload,
  eventCallbackBody,
  FORM,
  JSON_TYPE,
  messageTs,
  nowSeconds,
  signedHeaders,
  slackSignature,
  slashCommandBody,
  type BlockActionFields,
  type MentionFields,
  type SignOptions,
  type SlashCommandFields,
  type Workspace,
} from './signing.js';
export { parseBody } from './http.js';
export { type RecordedUnfurl, unfurlCall } from './unfurl.js';
