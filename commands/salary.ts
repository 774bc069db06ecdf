import { z } from 'zod';
import { defineCommand, roleText } from './command.js';
import { unresolvedView } from '../src/views/cards/resolution-views.js';
import { footer, headline, LEVEL_LABEL, LEVELS, MARKET_LABEL, roleRef, salaryCell, salaryLines, type Market } from '../src/views/format.js';
import { salaryChart } from '../src/views/chart.js';
import type { View } from '../src/views/view.js';

const MarketOption = z.enum(['us', 'india', 'both']);

export const salary = defineCommand({
  name: 'salary',
  description: 'Pay for a role by level, in the US ($K/yr) and India (₹ lakh per annum)',
  usage: '/salary <role> [us|india]',
  examples: ['/salary ML Engineer', '/salary AI Engineer india'],
  options: [
    { name: 'role', kind: 'role', description: 'A role title, alias or abbreviation', required: true },
    {
      name: 'market',
      kind: 'choice',
      description: 'Which market (default: both)',
      required: false,
      choices: [
        { value: 'us', label: 'US' },
        { value: 'india', label: 'India' },
        { value: 'both', label: 'Both' },
      ],
    },
  ],
  input: z.object({
    role: roleText,
    market: z
      .string()
      .trim()
      .toLowerCase()
      .transform((m) => (m === 'in' || m === 'inr' ? 'india' : m === 'usa' || m === 'usd' ? 'us' : m))
      .pipe(MarketOption)
      .default('both'),
  }),
  parseText(text) {
    const m = /^(.*?)(?:\s+(?:in\s+)?(us|usa|usd|india|in|inr|both))?$/i.exec(text.trim());
    return m?.[2] ? { role: m[1], market: m[2] } : { role: text };
  },
  run({ role: query, market }, core): View {
    const res = core.resolve(query);
    if (res.status !== 'found') {
      return unresolvedView(core, res, (r) => ({ command: 'salary', args: { role: roleRef(r), market } }));
    }
    const role = res.role;
    const markets: Market[] = market === 'both' ? ['us', 'india'] : [market];
    return {
      kind: 'salary',
      title: `${role.name}: pay by level`,
      description: `Headline US range ${headline(role)}. US figures in $K per year, India in ₹ lakh per annum.`,
      fields: markets.map((m) => ({ label: MARKET_LABEL[m], value: salaryLines(role, m).join('\n') || 'No figures in the reference' })),
      sections: [],
      table: {
        columns: ['Market', ...LEVELS.map((l) => LEVEL_LABEL[l])],
        rows: markets.map((m) => [MARKET_LABEL[m], ...LEVELS.map((l) => salaryCell(role, m, l))]),
      },
      chart: salaryChart(role, markets),
      actions: [
        { type: 'button', label: 'Role card', invoke: { command: 'role', args: { name: roleRef(role) } } },
        ...(market !== 'india' ? [{ type: 'button' as const, label: 'India', invoke: { command: 'salary', args: { role: roleRef(role), market: 'india' } } }] : []),
        ...(market !== 'us' ? [{ type: 'button' as const, label: 'US', invoke: { command: 'salary', args: { role: roleRef(role), market: 'us' } } }] : []),
      ],
      footer: footer(core.kb),
      tone: 'info',
    };
  },
});
