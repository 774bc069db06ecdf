import { performance } from 'node:perf_hooks';
import type { CommandContext } from '../../../commands/index.js';
import type { SpotlightAccess } from '../../../commands/spotlight-access.js';
import { metricCommand } from '../../app/command-names.js';
import { type DispatchResult, newErrorId } from '../../app/dispatch.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import { failureView } from '../../views/cards/notice.js';
import type { View } from '../../views/view.js';
import type { PlatformName } from '../names.js';

/**
 * The bookkeeping every front end does for each interaction, in one place: the CommandContext
 * its commands run with, one log line and one metric per interaction, and the failure notice
 * with the error id that the log line carries too.
 */

/** Who asks and where. */
export type Invoker = NonNullable<CommandContext['invoker']>;

/** What a front end offers beyond who asks: saved profiles, whether it can answer privately, the workspace's settings. */
export type ContextExtras = Pick<CommandContext, 'profiles' | 'privateAnswers' | 'settings'>;

/** The context a command runs with on `platform`; `spotlight` is what this front end offers /spotlight. */
export function commandContext(platform: PlatformName, invoker?: Invoker, spotlight?: SpotlightAccess, extras: ContextExtras = {}): CommandContext {
  return { platform, ...(invoker ? { invoker } : {}), ...(spotlight ? { spotlight } : {}), ...extras };
}

export interface InteractionStart {
  /** The platform's id for it (interaction id, trigger_id, event_id). */
  id: string;
  /** What arrived: command, component, autocomplete, mention, action, share, home. */
  kind: string;
  /** The command, as far as it is known yet; the Dispatcher's result names it in the end. */
  command: string;
  /** Logged at debug, not info (autocomplete fires on every keystroke). */
  quiet?: boolean;
}

/** One interaction's record: create it when the interaction arrives, finish it once answered. */
export class InteractionRecord {
  command: string;
  private outcome = 'error';
  private failureId: string | undefined;
  private error: unknown;
  private message = 'interaction failed';
  private finished = false;
  private readonly started = performance.now();

  constructor(
    private readonly log: InteractionLog,
    private readonly it: InteractionStart,
  ) {
    this.command = it.command;
  }

  /** The Dispatcher's result: its command, its outcome, and its error id when it failed. */
  result(result: Pick<DispatchResult, 'command' | 'outcome' | 'errorId' | 'error'>): void {
    this.command = result.command;
    this.outcome = result.outcome;
    if (result.errorId) {
      this.failureId = result.errorId;
      this.error = result.error;
    }
  }

  /** An outcome that is not a Dispatcher result: `ok` for autocomplete, `unsupported`. */
  set(outcome: string): void {
    this.outcome = outcome;
  }

  /**
   * An unexpected failure: a fresh error id for the log line, and the notice quoting it to show
   * the user. `what` completes "RoleCall could not …"; `logMessage` names the failure in the log.
   */
  fail(error: unknown, what?: string, logMessage = 'interaction failed'): View {
    this.outcome = 'error';
    this.failureId = newErrorId();
    this.error = error;
    this.message = logMessage;
    return failureView(this.failureId, what);
  }

  /** Set once the interaction failed: quoted to the user and carried by the log line. */
  get errorId(): string | undefined {
    return this.failureId;
  }

  /** Writes the one log line and the one metric; later calls do nothing. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const seconds = (performance.now() - this.started) / 1000;
    const { platform, logger, metrics } = this.log;
    metrics.observe(metricCommand(this.command), platform, this.outcome, seconds);
    const line = {
      platform,
      kind: this.it.kind,
      interactionId: this.it.id,
      command: this.command,
      latencyMs: Math.round(seconds * 10_000) / 10,
      outcome: this.outcome,
      ...(this.failureId ? { errorId: this.failureId } : {}),
    };
    if (this.outcome === 'error') logger.error({ ...line, err: this.error }, this.message);
    else logger[this.it.quiet ? 'debug' : 'info'](line, 'interaction');
  }
}

/** A front end's bookkeeping: its platform's name, the logger and the metrics. */
export class InteractionLog {
  constructor(
    readonly platform: PlatformName,
    readonly logger: Logger,
    readonly metrics: Metrics,
  ) {}

  context(invoker?: Invoker, spotlight?: SpotlightAccess, extras?: ContextExtras): CommandContext {
    return commandContext(this.platform, invoker, spotlight, extras);
  }

  begin(it: InteractionStart): InteractionRecord {
    return new InteractionRecord(this, it);
  }
}
