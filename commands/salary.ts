import * as z from 'zod';
import { defineCommand, roleText, type CommandResult } from './command.js';
import { roleRecord, unresolvedAnswer, type JsonData } from './command-data.js';
import { type Market, parseSalaryMarket, SALARY_MARKET_WORDS, SalaryMarketChoice } from '../src/core/schema/common.js';
import { formatLevel, kbView, headline, LEVEL_LABEL, LEVELS, MARKET_LABEL, roleRef, salaryCell, salaryLines } from '../src/views/format.js';
import { salaryChart } from '../src/views/chart.js';
import type { Section, View } from '../src/views/view.js';
import type { Core } from '../src/core/index.js';
import type { Role } from '../src/core/schema/role.js';
import { LADDER_LEVEL_LABEL, ladderSection } from '../src/views/deep-dive/pay.js';
import { payRange, seedTag, yearsText } from '../src/views/deep-dive/format.js';
import { disagreementLine, payDisagreements } from '../src/views/cards/disagreements.js';
import { forYou, savedProfile } from './personal.js';
import { MARKET_LABELS, MARKET_NAMES, workspaceWord } from './settings-access.js';

/** "ML Engineer india", "AI Engineer in the uk": the role, then a market word. */
const MARKET_SUFFIX = new RegExp(`^(.*?)(?:\\s+(?:in\\s+(?:the\\s+)?)?(${Object.keys(SALARY_MARKET_WORDS).join('|')}))?$`, 'i');

/** The career level a question asks about; staff is above the reference's top (senior) band. */
const LEVEL_CHOICES = ['entry', 'mid', 'senior', 'staff'] as const;
type LevelChoice = (typeof LEVEL_CHOICES)[number];

/** "Entry level: $96K–$132K in the US, ₹8–15 LPA in India." for the level asked about. */
function levelSentence(role: Role, markets: readonly Market[], level: LevelChoice): string {
  const band = level === 'staff' ? 'senior' : level;
  const figures = markets.flatMap((m) => (role.salary[m][band] ? [`${formatLevel(m, role.salary[m][band]!)} in ${m === 'us' ? 'the US' : 'India'}`] : []));
  if (figures.length === 0) return '';
  const lead = level === 'staff' ? 'Staff level is above the reference’s top band; senior' : `${LEVEL_LABEL[band]} level`;
  return `${lead}: ${figures.join(', ')}. `;
}

/** UK pay: only the AI Engineer deep-dive has it (one article's ladder); other roles say so and offer what exists. */
function ukSalaryView(core: Core, role: Role): View {
  const deep = core.kb.aiEngineer;
  const deepRole = core.kb.role(deep.meta.role);
  if (deep.meta.role !== role.id) {
    return kbView(core.kb, {
      kind: 'salary',
      title: `${role.name}: no UK figures`,
      description: `The reference gives pay for the US and India only. UK pay by level exists for ${deepRole.name} alone, from one of the deep-dive's articles.`,
      actions: [
        { type: 'button', label: `${role.name}: US and India`, invoke: { command: 'salary', args: { role: roleRef(role), market: 'both' } } },
        { type: 'button', label: `${deepRole.name}: UK`, invoke: { command: 'salary', args: { role: roleRef(deepRole), market: 'uk' } } },
      ],
    });
  }
  const unit = deep.salary.markets.uk.unit;
  const rows = deep.careerLadder.rungs.flatMap((rung) =>
    rung.views
      .filter((v) => v.pay.uk !== undefined)
      .map((v) => [LADDER_LEVEL_LABEL[rung.level], v.title, yearsText(v.years) ?? '—', payRange(unit, v.pay.uk!), seedTag(deep, v.seed)]),
  );
  const section = ladderSection(deep, 'uk');
  return kbView(core.kb, {
    kind: 'salary',
    title: `${role.name}: UK pay by level`,
    description: `The reference gives no UK figures; these come from the deep-dive's articles, in ${unit}.`,
    sections: section ? [section] : [],
    table: { columns: ['Level', 'Title', 'Years', 'UK', 'Source'], rows },
    actions: [
      { type: 'button', label: 'US and India', invoke: { command: 'salary', args: { role: roleRef(role), market: 'both' } } },
      { type: 'button', label: 'Pay ladders compared', invoke: { command: 'deepdive', args: { part: 'pay' } } },
      { type: 'button', label: 'Role card', invoke: { command: 'role', args: { name: roleRef(role) } } },
    ],
  });
}

export const salary = defineCommand({
  name: 'salary',
  description: 'Pay for a role by level, in the US ($K/yr) and India (₹ lakh per annum)',
  usage: '/salary <role> [us|india|uk]',
  examples: ['/salary ML Engineer', '/salary AI Engineer india', '/salary AI Engineer uk'],
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
        { value: 'uk', label: 'UK (AI Engineer only)' },
        { value: 'both', label: 'Both' },
      ],
    },
    {
      name: 'level',
      kind: 'choice',
      description: 'Lead with one career level (default: all)',
      required: false,
      choices: [
        { value: 'entry', label: 'Entry (fresher, junior)' },
        { value: 'mid', label: 'Mid' },
        { value: 'senior', label: 'Senior' },
        { value: 'staff', label: 'Staff and above' },
      ],
    },
  ],
  input: z.object({
    role: roleText,
    market: z
      .string()
      .trim()
      .toLowerCase()
      .transform((m) => parseSalaryMarket(m) ?? m)
      .pipe(SalaryMarketChoice)
      // Left out: the asker's profile market, else both.
      .optional(),
    level: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(LEVEL_CHOICES, { error: 'expected a level: entry, mid, senior or staff' }))
      .optional(),
  }),
  parseText(text) {
    const m = MARKET_SUFFIX.exec(text.trim());
    return m?.[2] ? { role: m[1], market: m[2] } : { role: text };
  },
  async run({ role: query, market: asked, level }, core, ctx): Promise<CommandResult> {
    const res = core.resolve(query);
    if (res.status !== 'found') {
      return unresolvedAnswer(core, res, (r) => ({ command: 'salary', args: { role: roleRef(r), ...(asked ? { market: asked } : {}) } }));
    }
    // An explicit market wins; without one, the profile's market, said so in a private answer;
    // then the workspace's default market (/settings), said so too.
    const own = asked ? undefined : (await savedProfile(ctx))?.market;
    const workspaceMarket = asked || own ? undefined : ctx.workspace?.market;
    const market = asked ?? own ?? workspaceMarket ?? 'both';
    const view = payView(core, res.role, market, level);
    const data = salaryData(core, res.role, market, level);
    if (own) return { view: forYou(view, `Shown for ${MARKET_NAMES[own]}, your profile's market.`), data };
    if (!workspaceMarket) return { view, data };
    const line = { label: 'Market', value: `${MARKET_LABELS[workspaceMarket]}, this ${workspaceWord(ctx.settings?.workspace)}'s default` };
    return { view: { ...view, fields: [line, ...view.fields] }, data };
  },
});

/** The role's pay as the reference gives it, and the deep-dive's UK ladder when the UK is asked and exists. */
function salaryData(core: Core, role: Role, market: SalaryMarketChoice, level: LevelChoice | undefined): JsonData {
  const deep = core.kb.aiEngineer;
  const uk =
    market === 'uk' && deep.meta.role === role.id
      ? {
          ...deep.salary.markets.uk,
          rungs: deep.careerLadder.rungs.flatMap((rung) =>
            rung.views.flatMap((v) => (v.pay.uk ? [{ level: rung.level, title: v.title, years: v.years, pay: v.pay.uk, seed: v.seed }] : [])),
          ),
        }
      : null;
  const markets: Market[] = market === 'both' ? ['us', 'india'] : market === 'uk' ? [] : [market];
  return { kind: 'salary', role: roleRecord(role), market, markets, level: level ?? null, uk };
}

function payView(core: Core, role: Role, market: SalaryMarketChoice, level: LevelChoice | undefined): View {
  if (market === 'uk') return ukSalaryView(core, role);
  const markets: Market[] = market === 'both' ? ['us', 'india'] : [market];
  const deep = core.kb.aiEngineer.meta.role === role.id ? core.kb.aiEngineer : undefined;
  const sections: Section[] = [
    // The articles' ladders beside the reference's figures, and where they disagree.
    ...(deep ? markets.flatMap((m) => ladderSection(deep, m) ?? []) : []),
    ...payDisagreements(core, role, markets).map((d) => ({ heading: 'Where sources disagree', body: disagreementLine(core, d) })),
    ...(markets.includes('india') ? [{ heading: 'Pay in India', items: core.kb.reference.india.salaryContext }] : []),
    { heading: 'Footnotes', items: core.kb.reference.salaryNotes },
  ];
  return kbView(core.kb, {
    kind: 'salary',
    title: `${role.name}: pay by level`,
    description: `${level ? levelSentence(role, markets, level) : ''}Headline US range ${headline(role)}. US figures in $K per year, India in ₹ lakh per annum.`,
    fields: markets.map((m) => ({ label: MARKET_LABEL[m], value: salaryLines(role, m).join('\n') || 'No figures in the reference' })),
    sections,
    table: {
      columns: ['Market', ...LEVELS.map((l) => LEVEL_LABEL[l])],
      rows: markets.map((m) => [MARKET_LABEL[m], ...LEVELS.map((l) => salaryCell(role, m, l))]),
    },
    chart: salaryChart(role, markets),
    actions: [
      { type: 'button', label: 'Role card', invoke: { command: 'role', args: { name: roleRef(role) } } },
      ...(market !== 'india'
        ? [{ type: 'button' as const, label: 'India', invoke: { command: 'salary', args: { role: roleRef(role), market: 'india' } } }]
        : []),
      ...(market !== 'us' ? [{ type: 'button' as const, label: 'US', invoke: { command: 'salary', args: { role: roleRef(role), market: 'us' } } }] : []),
      ...(deep ? [{ type: 'button' as const, label: 'UK', invoke: { command: 'salary', args: { role: roleRef(role), market: 'uk' } } }] : []),
    ],
  });
}
