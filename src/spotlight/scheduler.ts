import { createTask, type ScheduledTask, type TaskOptions } from 'node-cron';
import { silentLogger, type Logger } from '../observability/logger.js';
import { type Clock, systemClock } from './clock.js';
import type { RunSummary } from './run-types.js';
import type { SpotlightService } from './service.js';

export type CreateTask = (expression: string, fn: () => Promise<void>, options: TaskOptions) => ScheduledTask;

export interface SchedulerOptions {
  service: SpotlightService;
  clock?: Clock;
  logger?: Logger;
  /** node-cron's createTask; tests pass a spy. */
  createTask?: CreateTask;
}

/**
 * ONE node-cron task, ticking every minute, finds every due subscription; there is never a
 * task per channel. `noOverlap` makes a slow fan-out swallow the next tick instead of running
 * two at once. The tick reads the injected clock, not node-cron's date, so tests drive time.
 */
export class SpotlightScheduler {
  private task: ScheduledTask | undefined;
  /** Set by stop(): a start() whose catch-up was still running then creates no task. */
  private stopped = false;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly createTask: CreateTask;

  constructor(private readonly opts: SchedulerOptions) {
    this.clock = opts.clock ?? systemClock;
    this.logger = opts.logger ?? silentLogger();
    this.createTask = opts.createTask ?? ((expr, fn, options) => createTask(expr, fn, options));
  }

  /**
   * Catch-up, then the minute tick. The first run retries claims a crash left behind (once)
   * and posts this week's spotlight wherever its slot passed while the bot was down; older
   * weeks are never replayed.
   */
  async start(): Promise<RunSummary> {
    if (this.task) throw new Error('spotlight scheduler already started');
    const summary = await this.tick();
    // A shutdown during a long catch-up must not leave a task ticking behind it.
    if (this.stopped) return summary;
    this.task = this.createTask('* * * * *', async () => void (await this.tick()), {
      name: 'spotlight',
      timezone: 'UTC',
      noOverlap: true,
    });
    await this.task.start();
    return summary;
  }

  /** One pass at the clock's current instant. Never throws: a bad tick must not kill the task. */
  async tick(): Promise<RunSummary> {
    const at = this.clock.now();
    try {
      const summary = await this.opts.service.runOnce(at);
      if (summary.posted + summary.failed + summary.recovered > 0) {
        const { due, posted, skipped, failed, recovered } = summary;
        this.logger.info({ at: at.toISOString(), due, posted, skipped, failed, recovered }, 'spotlight tick');
      }
      return summary;
    } catch (err) {
      this.logger.error({ err }, 'spotlight tick failed');
      return { at, due: 0, posted: 0, skipped: 0, failed: 0, recovered: 0, held: [], outcomes: [] };
    }
  }

  /** Stops the tick, then lets the service finish sends in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    const task = this.task;
    this.task = undefined;
    if (task) {
      await task.stop();
      await task.destroy();
    }
    await this.opts.service.stop();
  }
}
