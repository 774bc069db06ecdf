import { describe, expect, it } from 'vitest';
import { formatLocal } from '../../src/spotlight/schedule.js';

describe('spotlight times', () => {
  it('name their timezone ("…due Mon, 7 Dec 2026, 15:00 Europe/London")', () => {
    expect(formatLocal(new Date('2026-12-07T15:00:00Z'), 'Europe/London')).toBe('Mon, 7 Dec 2026, 15:00 Europe/London');
    expect(formatLocal(new Date('2026-12-07T15:00:00Z'), 'Asia/Kolkata')).toBe('Mon, 7 Dec 2026, 20:30 Asia/Kolkata');
  });
});
