import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** RoleCall's Prometheus metrics, on a registry of its own (tests create as many as they like). */
export class Metrics {
  readonly registry = new Registry();
  readonly commands = new Counter({
    name: 'rolecall_commands_total',
    help: 'Commands handled, by command, platform and outcome',
    labelNames: ['command', 'platform', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'rolecall_command_duration_seconds',
    help: 'Time from receiving an interaction to sending its answer',
    labelNames: ['command', 'platform'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly spotlightPosts = new Counter({
    name: 'rolecall_spotlight_posts_total',
    help: 'Spotlight posts accepted by the platform',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });
  readonly spotlightFailures = new Counter({
    name: 'rolecall_spotlight_failures_total',
    help: 'Spotlight sends that failed, by kind (temporary or permanent)',
    labelNames: ['platform', 'kind'] as const,
    registers: [this.registry],
  });
  readonly spotlightPaused = new Gauge({
    name: 'rolecall_spotlight_paused_channels',
    help: 'Subscribed channels currently paused',
    registers: [this.registry],
  });

  constructor(opts: { processMetrics?: boolean } = {}) {
    if (opts.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** Records one handled command. */
  observe(command: string, platform: string, outcome: string, seconds: number): void {
    this.commands.inc({ command, platform, outcome });
    this.latency.observe({ command, platform }, seconds);
  }
}
