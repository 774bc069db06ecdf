import type { Core } from '../../core/index.js';
import type { Market } from '../../core/schema/common.js';
import type { Role } from '../../core/schema/role.js';
import { LEVEL_LABEL, LEVELS, layerLabel, MARKET_LABEL } from '../../views/format.js';

/**
 * A role as schema.org `Occupation` (https://schema.org/Occupation), for search engines.
 * Pay: one `MonetaryAmountDistribution` per market and level the reference gives, in whole
 * currency units a year; the reference's range for a level is given as its 10th–90th
 * percentiles (its "typical range"), and a single figure as the median. An open top ("$350K+")
 * still gives its figure as the 90th percentile: schema.org has no way to say "or more".
 */

const CURRENCY: Record<Market, { code: string; unit: number; country: string }> = {
  us: { code: 'USD', unit: 1_000, country: 'United States' },
  india: { code: 'INR', unit: 100_000, country: 'India' },
};

interface Distribution {
  '@type': 'MonetaryAmountDistribution';
  name: string;
  currency: string;
  duration: 'P1Y';
  median?: number;
  percentile10?: number;
  percentile90?: number;
}

function salaries(role: Role): Distribution[] {
  return (['us', 'india'] as const).flatMap((market) =>
    LEVELS.flatMap((level): Distribution[] => {
      const band = role.salary[market][level];
      if (!band) return [];
      const { code, unit } = CURRENCY[market];
      const base: Distribution = {
        '@type': 'MonetaryAmountDistribution',
        name: `${MARKET_LABEL[market]}, ${(band.label ?? LEVEL_LABEL[level]).toLowerCase()} level`,
        currency: code,
        duration: 'P1Y',
      };
      return band.max === null ? [{ ...base, median: band.min * unit }] : [{ ...base, percentile10: band.min * unit, percentile90: band.max * unit }];
    }),
  );
}

export function occupationJsonLd(core: Core, role: Role, url: string): Record<string, unknown> {
  const kb = core.kb;
  return {
    '@context': 'https://schema.org',
    '@type': 'Occupation',
    name: role.name,
    alternateName: role.aliases.filter((a) => a !== role.name),
    description: role.summary,
    url,
    // The reference's layer of the AI stack: the category the pages sort roles by.
    occupationalCategory: {
      '@type': 'CategoryCode',
      codeValue: role.layer,
      name: layerLabel(kb, role.layer),
      inCodeSet: { '@type': 'CategoryCodeSet', name: `${kb.reference.meta.title}: layers of the AI stack` },
    },
    occupationLocation: (['us', 'india'] as const).map((m) => ({ '@type': 'Country', name: CURRENCY[m].country })),
    estimatedSalary: salaries(role),
    skills: [...role.mustHave, ...role.niceToHave],
    qualifications: role.entryRequirements,
    educationRequirements: role.education,
    experienceRequirements: kb.reference.difficultyTiers.find((t) => t.difficulty === role.difficulty)?.experience,
    responsibilities: role.responsibilities,
  };
}
