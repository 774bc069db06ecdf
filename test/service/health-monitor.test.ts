import { describe, expect, it } from 'vitest';
import { HealthMonitor } from '../../src/service/health-monitor.js';

describe('HealthMonitor', () => {
  it('reports a check still running past the stall limit as failed, before the check ends or the interval passes', async () => {
    let release: (() => void) | undefined;
    let stall = false;
    const monitor = new HealthMonitor(
      () => (stall ? new Promise((resolve) => (release = () => resolve({ ok: true, detail: 'back' }))) : Promise.resolve({ ok: true, detail: 'fine' })),
      60_000,
      100,
    );
    await monitor.start();
    expect(monitor.current()).toEqual({ ok: true, detail: 'fine' });
    stall = true;
    const running = monitor.runCheck();
    expect(monitor.current().ok).toBe(true);
    await new Promise((r) => setTimeout(r, 150));
    expect(monitor.current()).toMatchObject({ ok: false, detail: expect.stringMatching(/^health check has not finished for \d+ ms \(last: fine\)/) });
    release?.();
    await running;
    expect(monitor.current()).toEqual({ ok: true, detail: 'back' });
    monitor.stop();
  });
});
