import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { Metrics } from '../../src/observability/metrics.js';
import { commandContext, InteractionLog } from '../../src/platforms/shared/interactions.js';
import { LogCapture } from '../discord/harness.js';

/** The bookkeeping every front end shares: one log line and one metric per interaction. */
describe('InteractionLog', () => {
  const setup = () => {
    const logs = new LogCapture();
    const metrics = new Metrics();
    return { logs, metrics, log: new InteractionLog('slack', createLogger({ level: 'debug', destination: logs }), metrics) };
  };

  it('writes one line and one metric per interaction, however often it is finished, named by the result', async () => {
    const { logs, metrics, log } = setup();
    const rec = log.begin({ id: 'T1', kind: 'command', command: 'unknown' });
    rec.result({ command: 'role', outcome: 'ok' });
    rec.finish();
    rec.finish();
    expect(logs.lines.filter((l) => l.msg === 'interaction')).toEqual([
      expect.objectContaining({ platform: 'slack', kind: 'command', interactionId: 'T1', command: 'role', outcome: 'ok', latencyMs: expect.any(Number) }),
    ]);
    const counted = (await metrics.commands.get()).values;
    expect(counted).toEqual([expect.objectContaining({ labels: { command: 'role', platform: 'slack', outcome: 'ok' }, value: 1 })]);
  });

  it('counts names outside the registry as unknown, however many arrive, and logs them as they came', async () => {
    const { logs, metrics, log } = setup();
    for (let n = 0; n < 300; n++) {
      const rec = log.begin({ id: `U${n}`, kind: 'command', command: `forged-${n}` });
      rec.result({ command: `forged-${n}`, outcome: 'unknown_command' });
      rec.finish();
    }
    const counted = (await metrics.commands.get()).values;
    expect(counted).toEqual([expect.objectContaining({ labels: { command: 'unknown', platform: 'slack', outcome: 'unknown_command' }, value: 300 })]);
    expect((await metrics.latency.get()).values.filter((v) => v.labels.command !== 'unknown')).toEqual([]);
    expect(logs.lines.filter((l) => l.msg === 'interaction').map((l) => l.command)).toContain('forged-299');
  });

  it('a failure: the notice quotes a fresh error id, which the error-level line carries', () => {
    const { logs, log } = setup();
    const rec = log.begin({ id: 'T2', kind: 'action', command: 'action' });
    const notice = rec.fail(new Error('boom'));
    rec.finish();
    expect(rec.errorId).toMatch(/^E-[A-Z0-9]{6}$/);
    expect(notice.description).toContain(rec.errorId);
    expect(notice.private).toBe(true);
    expect(logs.lines).toEqual([expect.objectContaining({ level: 50, msg: 'interaction failed', errorId: rec.errorId, outcome: 'error' })]);
  });

  it('a Dispatcher failure keeps the Dispatcher’s error id; quiet interactions log at debug', () => {
    const { logs, log } = setup();
    const failed = log.begin({ id: 'T3', kind: 'command', command: 'boom' });
    failed.result({ command: 'boom', outcome: 'error', errorId: 'E-ABCDEF', error: new Error('x') });
    failed.finish();
    const quiet = log.begin({ id: 'T4', kind: 'autocomplete', command: 'role:autocomplete', quiet: true });
    quiet.set('ok');
    quiet.finish();
    expect(logs.lines.map((l) => [l.level, l.errorId])).toEqual([
      [50, 'E-ABCDEF'],
      [20, undefined],
    ]);
  });

  it('builds the context a command runs with', () => {
    expect(commandContext('discord', { userId: 'u1', channelId: 'c1' })).toEqual({ platform: 'discord', invoker: { userId: 'u1', channelId: 'c1' } });
    expect(commandContext('console')).toEqual({ platform: 'console' });
  });
});
