import type { ComponentHealth } from './http-server.js';

/**
 * A component's health, checked in the background and served from memory. /healthz must answer
 * within 100 ms in every state, but a real check (a database write) can wait on a lock for
 * seconds: so the check runs on its own schedule and /healthz reads its last result.
 */
export class HealthMonitor {
  private last: ComponentHealth = { ok: false, detail: 'not checked yet' };
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;

  /**
   * `stallMs`: a check running longer is reported failed at once, without waiting for it to end
   * (a stalled database socket answers nothing until the client's query timeout).
   */
  constructor(
    private readonly check: () => Promise<ComponentHealth>,
    private readonly intervalMs: number,
    private readonly stallMs = intervalMs,
  ) {}

  /** Runs the first check (awaited, so start-up reports a real state) and schedules the rest. */
  async start(): Promise<void> {
    await this.runCheck();
    this.timer = setInterval(() => void this.runCheck(), this.intervalMs);
    this.timer.unref();
  }

  /** The last result; a check still running past the stall limit is itself reported. */
  current(): ComponentHealth {
    if (this.running && Date.now() - this.startedAt > this.stallMs) {
      return { ok: false, detail: `health check has not finished for ${Date.now() - this.startedAt} ms (last: ${this.last.detail})` };
    }
    return this.last;
  }

  /** One check at a time: a slow one is not stacked up behind. */
  runCheck(): Promise<void> {
    this.running ??= (async () => {
      this.startedAt = Date.now();
      try {
        this.last = await this.check();
      } catch (err) {
        this.last = { ok: false, detail: (err as Error).message };
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
