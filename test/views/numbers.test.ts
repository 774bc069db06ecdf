import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../src/views/text/numbers.js';

describe('groupDigits', () => {
  it('groups digits exactly as en-US toLocaleString does', () => {
    const samples = [0, 7, 999, 1_000, 12_345, 141_456, 1_000_000, 943_000_001, -1_234, -999, 1234.5, 10_000.25, Number.MAX_SAFE_INTEGER];
    for (const n of samples) expect(groupDigits(n), String(n)).toBe(n.toLocaleString('en-US', { maximumFractionDigits: 20 }));
  });
});
