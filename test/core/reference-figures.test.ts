import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testCore } from '../helpers/core.js';

// The reference's overview table and salary lines, verbatim, parsed independently of data/.
const fixture = readFileSync(new URL('../fixtures/reference-figures.txt', import.meta.url), 'utf8');
const [overviewPart, salaryPart] = fixture.split('[salaries]') as [string, string];
const overviewLines = overviewPart.split('\n').filter((l) => /^\d+ /.test(l));
const salaryLines = salaryPart.split('\n').filter((l) => /^\d+\. Salary/.test(l));

const OVERVIEW = /^(\d+) (.+?) (L[1-6]|Cross) \S+ (Accessible|Moderate|Advanced|Elite) \S+ (.+?) \$(\d+)K–\$(\d+)K(\+| TC)? (.+)$/u;

type Band = { min: number; max: number | null; plus: boolean };

/** "$88–120K", "$600K–$943K TC", "$115K", "₹30–55+ LPA", "₹45–80+ LPA" → band. */
function parseBand(text: string): Band {
  const m = /[$₹](\d+)K?(?:–[$₹]?(\d+)K?)?(\+)?/u.exec(text);
  if (!m) throw new Error(`no figure in "${text}"`);
  return { min: Number(m[1]), max: m[2] ? Number(m[2]) : null, plus: Boolean(m[3]) };
}

function levelOf(label: string): 'entry' | 'mid' | 'senior' | undefined {
  if (/^(entry|research fellow)/i.test(label)) return 'entry';
  if (/^mid/i.test(label)) return 'mid';
  if (/^senior/i.test(label)) return 'senior';
  return undefined;
}

describe('data matches the reference figures', () => {
  const core = testCore();

  it('has the 31 overview rows to check against', () => {
    expect(overviewLines).toHaveLength(31);
    expect(salaryLines).toHaveLength(62);
  });

  it.each(overviewLines)('overview row: %s', (line) => {
    const m = OVERVIEW.exec(line);
    expect(m, `unparsed fixture line: ${line}`).not.toBeNull();
    const [, num, name, layer, difficulty, availability, min, max, suffix, education] = m!;
    const role = core.kb.byNumber.get(Number(num))!;
    expect(role, `role ${num}`).toBeDefined();
    expect(role.layer).toBe(layer === 'Cross' ? 'cross' : layer);
    expect(role.difficulty).toBe(difficulty!.toLowerCase());
    expect(role.availability).toBe(availability);
    expect(role.education).toBe(education);
    expect(role.salary.us.range).toMatchObject({ min: Number(min), max: Number(max), plus: suffix === '+', basis: suffix === ' TC' ? 'TC' : 'base' });
    // The overview's short name is reachable by the resolver.
    expect(core.resolve(name!).status === 'found' ? (core.resolve(name!) as { role: { number: number } }).role.number : -1).toBe(role.number);
  });

  it.each(salaryLines)('breakdown salary line: %s', (line) => {
    const m = /^(\d+)\. Salary \((US|India)\) (.+)$/u.exec(line)!;
    const role = core.kb.byNumber.get(Number(m[1]))!;
    const market = m[2] === 'US' ? 'us' : 'india';
    const data = role.salary[market];
    const seen = new Set<string>();
    for (const segment of m[3]!.split(' · ')) {
      const labelled = /^([^:$₹]+): (.+)$/u.exec(segment);
      const label = labelled?.[1] ?? '';
      const band = parseBand(labelled?.[2] ?? segment);
      // An unlabelled single range (the compiler role) is filed under senior, as in the salary table.
      const level = labelled ? levelOf(label) : 'senior';
      if (level) {
        seen.add(level);
        expect(data[level], `${role.name} ${market} ${level}`).toMatchObject(band);
      } else {
        const extra = data.notes.find((n) => n.label === label);
        expect(extra, `${role.name} ${market} extra "${label}"`).toBeDefined();
        expect(extra).toMatchObject(band);
      }
    }
    for (const level of ['entry', 'mid', 'senior'] as const) {
      if (!seen.has(level)) expect(data[level], `${role.name} ${market} ${level} not in the reference`).toBeNull();
    }
  });
});
