import { describe, expect, it } from 'vitest';
import { compareChart } from '../../src/views/chart.js';
import { testCore } from '../helpers/core.js';

const core = testCore();
const role = (name: string) => {
  const res = core.resolve(name);
  if (res.status !== 'found') throw new Error(name);
  return res.role;
};

describe('the compare chart title', () => {
  it('names the roles', () => {
    expect(compareChart([role('AI Engineer'), role('ML Engineer')], ['us']).title).toBe('Pay by level: AI Engineer vs ML Engineer');
  });

  it('counts them when their names would not fit whole', () => {
    const four = ['Agentic AI Engineer', 'AI Research Scientist', 'AI Solutions Architect', 'AI Data Governance Manager'].map(role);
    expect(compareChart(four, ['us']).title).toBe('Pay by level: 4 roles');
  });
});
