/** The weekly role spotlight: what front ends, the CLI and the service wiring import. */
export { SpotlightService, featuredSpotlight, newClaimId, type SpotlightServiceOptions, type ManageResult, type PreviewResult, type PostNowResult } from './service.js';
export { SpotlightScheduler, type SchedulerOptions, type CreateTask } from './scheduler.js';
export type { RunSummary, PostOutcome, OutcomeStatus } from './runner.js';
export {
  type SpotlightPoster,
  type PostResult,
  type PostTarget,
  type PostOptions,
  type CanPost,
  DISCORD_PERMANENT_CODES,
  SLACK_PERMANENT_ERRORS,
} from './poster.js';
export { type Clock, systemClock } from './clock.js';
export { DEFAULT_RETRY, type RetryPolicy } from './sender.js';
export { SubscribeInput, parseDay, DAY_NAMES } from './input.js';
export { spotlightContent, spotlightView, spotlightFor, type SpotlightContent } from './spotlight-view.js';
export { statusView, listView, previewView, scheduleText, filterText, channelLabel, type SpotlightStatus } from './status-view.js';
export { dueSlot, slotInWeekOf, nextSlotAfter, weekKeyAt, formatLocal, type WeeklySlot, type SlotInWeek } from './schedule.js';
export { pauseWorkspace, resumeWorkspace, UNINSTALLED_REASON } from './workspaces.js';
