import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commands } from '../../commands/index.js';
import { HASH_HEX, seedFiles } from '../../scripts/ngrams.js';
import { type RenderedView, viewTexts } from './every-view.js';
import { quotedTexts } from './sentence-checks.js';

/**
 * Quoted text in RoleCall's answers must be the sources' own words, exactly. The quotes are
 * collected from every View; the reference documents are not in the repository, so the quotes
 * found in them are kept as hashes (test/fixtures/seed-quotes.txt, written by
 * scripts/seed-quotes.ts), and a quote whose hash is missing has not been checked against them.
 */

/** Typographic quotes and apostrophes folded, runs of blanks made one space. */
export function normaliseQuote(text: string): string {
  return text.normalize('NFKC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

export function quoteHash(quote: string): string {
  return createHash('sha256').update(normaliseQuote(quote)).digest('hex').slice(0, HASH_HEX);
}

/** What a user types (command names, option values and labels): quoting these says "type this", not "they said this". */
function typedWords(): Set<string> {
  const out = new Set<string>();
  for (const c of commands) {
    out.add(c.name);
    for (const o of c.options) if (o.kind === 'choice') for (const ch of o.choices) out.add(ch.value).add(ch.label);
  }
  return out;
}

export interface ViewQuote {
  quote: string;
  /** Where it was first seen: the request and the View field. */
  where: string;
}

export interface QuoteScan {
  quotes: ViewQuote[];
  /** Texts whose quotation marks do not pair up. */
  unbalanced: string[];
}

/**
 * Every quoted string in every View, except echoes of what the user asked (`"AI Scientist" fits
 * several roles`) and words to type (`with "india"`).
 */
export function viewQuotes(views: readonly RenderedView[]): QuoteScan {
  const typed = typedWords();
  const seen = new Map<string, ViewQuote>();
  const unbalanced = new Set<string>();
  for (const { asked, args, view } of views) {
    const echoes = args.flatMap((a) => [a, a.slice(0, 40), a.slice(0, 60)]);
    for (const t of viewTexts(view)) {
      const found = quotedTexts(t.text);
      if (found.unbalanced) unbalanced.add(`${asked} ${t.at}: ${t.text}`);
      for (const quote of found.quotes) {
        if (typed.has(quote) || echoes.includes(quote)) continue;
        const key = normaliseQuote(quote);
        if (!seen.has(key)) seen.set(key, { quote: key, where: `${asked} ${t.at}` });
      }
    }
  }
  return { quotes: [...seen.values()], unbalanced: [...unbalanced] };
}

/** The reference documents as one normalised text per file, for verbatim look-ups. */
export function seedTexts(dir: string): string[] {
  return seedFiles(dir).map((f) => normaliseQuote(readFileSync(join(dir, f), 'utf8')));
}
