import { groupDigits } from '../text/numbers.js';
import type { AiEngineerDeepDive, Figure, PayUnit, Range, Seed, SourceRef } from '../../core/schema/ai-engineer.js';

/** Formatting for the AI Engineer deep-dive: ranges in their units, figures, and who said what. */

/** "$120K–$160K", "£55K–£80K", "₹12–25 LPA", "$141,456", "~$185K", "$300K–$500K+". */
export function payRange(unit: PayUnit, r: Range): string {
  const approx = r.approx ? '~' : '';
  const plus = r.plus ? '+' : '';
  switch (unit) {
    case '$K/yr':
      return `${approx}$${r.min}K${r.max === null ? '' : `–$${r.max}K`}${plus}`;
    case '£K/yr':
      return `${approx}£${r.min}K${r.max === null ? '' : `–£${r.max}K`}${plus}`;
    case '₹ lakh per annum':
      return `${approx}₹${r.min}${r.max === null ? '' : `–${r.max}`}${plus} LPA`;
    case '$/yr':
      return `${approx}$${groupDigits(r.min)}${r.max === null ? '' : `–$${groupDigits(r.max)}`}${plus}`;
  }
}

/** "0–2 years", "5+ years", "8+ years". */
export function yearsText(r: Range | null): string | undefined {
  if (!r) return undefined;
  return `${r.min}${r.max === null ? '' : `–${r.max}`}${r.plus ? '+' : ''} years`;
}

function amount(value: number, unit: string): string {
  switch (unit) {
    case '%':
      return `${value}%`;
    case 'rank':
      return `#${value}`;
    case 'count':
      return groupDigits(value);
    case 'USD bn':
      return `$${value}bn`;
    case 'times':
      return `${value}x`;
    default:
      return `${value} ${unit}`;
  }
}

/** "wage premium …: 56% (2025), up from 25% one year earlier; PwC 2025 Global AI Jobs Barometer; based on …". */
export function figureText(f: Figure): string {
  const range = f.max === null ? amount(f.value, f.unit) : `${amount(f.value, f.unit)}–${amount(f.max, f.unit)}`;
  const value = `${f.approx ? '~' : ''}${range}${f.plus ? '+' : ''}`;
  const parts = [`${f.what}: ${value}${f.year ? ` (${f.year})` : ''}`];
  if (f.previous) parts.push(`up from ${amount(f.previous.value, f.unit)}${f.previous.year ? ` ${f.previous.year}` : ''}`);
  if (f.reportedBy) parts.push(`source: ${f.reportedBy}`);
  if (f.note) parts.push(f.note);
  return parts.join('; ');
}

/** What kind of document a seed is, in words. */
export const SEED_KIND_LABEL: Record<Seed['kind'], string> = { reference: 'Reference', article: 'Article', 'career-note': 'Career note', guide: 'Guide' };

/** A seed's short name: the reference's title, or an article's title with its author or publisher. */
export function seedLabel(seed: Seed): string {
  if (seed.kind === 'reference') return seed.title;
  const by = seed.author ?? seed.publisher;
  return `"${seed.title}"${by ? ` (${by})` : ''}`;
}

export function seedById(deep: AiEngineerDeepDive, id: string): Seed | undefined {
  return deep.seeds.find((s) => s.id === id);
}

/** The seeds' short names, joined: "GenAI Career Roles — Complete Reference (2026); "AI Engineer: The Complete Guide"". */
export function seedNames(deep: AiEngineerDeepDive, ids: readonly string[]): string {
  return ids
    .map((id) => {
      const seed = seedById(deep, id);
      return seed ? seedLabel(seed) : id;
    })
    .join('; ');
}

/** "Source: "…" (Ismat Samadov), citing PwC." for a block's SourceRef. */
export function sourceLine(deep: AiEngineerDeepDive, ref: SourceRef): string {
  return `Source: ${seedNames(deep, ref.seeds)}${ref.cited.length ? `, citing ${ref.cited.join(', ')}` : ''}.`;
}

/**
 * Who holds a side of a disagreement, short enough for a list of them: the reference by its title,
 * an article by its author or publisher (the sources part gives every article's full title).
 */
export function sideSources(deep: AiEngineerDeepDive, ids: readonly string[]): string {
  return ids
    .map((id) => {
      const seed = seedById(deep, id);
      return seed?.kind === 'reference' ? seed.title : seedTag(deep, id);
    })
    .join('; ');
}

/** Short tag for a line that several seeds share a section with: "[003]"-style ids read poorly, so the author. */
export function seedTag(deep: AiEngineerDeepDive, id: string): string {
  const seed = seedById(deep, id);
  if (!seed) return id;
  if (seed.kind === 'reference') return 'the reference';
  return seed.author ?? seed.publisher ?? `"${seed.title}"`;
}
