import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/app/dispatch.js';
import { consolePreview, consoleSpotlightAccess } from '../../src/platforms/console/spotlight.js';
import { featuredSpotlight } from '../../src/spotlight/service.js';
import { spotlightFor } from '../../src/views/cards/spotlight.js';
import { testCore } from './helpers.js';

const core = testCore();
const MONDAY = Date.parse('2026-04-06T12:00:00Z');
const weekAfter = (n: number) => new Date(MONDAY + n * 7 * 86_400_000);

describe('the console’s /spotlight preview', () => {
  it('shows this week’s spotlight of the real rotation, due Monday 15:00 in the terminal’s zone', () => {
    const view = consolePreview(core, weekAfter(0), 'Europe/London');
    expect(view).toMatchObject({ kind: 'spotlight', private: true });
    expect(view.title).toBe(spotlightFor(core, featuredSpotlight(core, weekAfter(0)).roleId)!.title);
    expect(view.description).toMatch(/^Preview of the spotlight for 2026-W15, due Mon(day)?,? .*15:00/);
    expect(view.sections.map((s) => s.heading)).toContain('How to break in');
  });

  it('moves on every week and shows each of the 31 roles once per cycle', () => {
    // The featured rotation counts weeks from Monday 1 January 2024; a cycle starts every 31.
    const WEEK = 7 * 86_400_000;
    const cycleStart = MONDAY - (Math.round((MONDAY - Date.UTC(2024, 0, 1)) / WEEK) % 31) * WEEK;
    const titles = Array.from({ length: 31 }, (_, n) => consolePreview(core, new Date(cycleStart + n * WEEK), 'UTC').title);
    expect(new Set(titles).size).toBe(core.kb.roles.length);
    expect(consolePreview(core, weekAfter(0), 'UTC').title).toBe(consolePreview(core, new Date(MONDAY + 3 * 86_400_000), 'UTC').title);
  });

  it('answers /spotlight and /spotlight preview, and explains the rest', async () => {
    // The console's chat runs /spotlight through the Dispatcher with this access, like any command.
    const dispatcher = new Dispatcher(core);
    const run = async (text: string) => (await dispatcher.runText('spotlight', text, { platform: 'console', spotlight: consoleSpotlightAccess(core) })).view;
    expect((await run('')).kind).toBe('spotlight');
    expect((await run('preview')).kind).toBe('spotlight');
    expect((await run('subscribe monday')).title).toBe('Only /spotlight preview works here');
  });
});
