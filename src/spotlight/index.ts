/** The weekly role spotlight: what front ends, the CLI and the service wiring import. */
export { SpotlightService, featuredSpotlight } from './service.js';
export { SpotlightScheduler } from './scheduler.js';
export type { RunSummary } from './run-types.js';
export type { Clock } from './clock.js';
export { SubscribeInput } from './input.js';
export { slotInWeekOf } from './schedule.js';
