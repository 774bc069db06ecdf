/** A word of a question as the understanding reads it; its own module, so text.ts and phrases.ts need not import each other. */
export interface Token {
  /** Lower case, accents and apostrophes dropped, shorthand spelt out ("engg" → "engineer"). */
  norm: string;
  /** `norm` in the singular ("engineers" → "engineer"), for lookups. */
  one: string;
  /** As typed, for telling "US" from "us". */
  raw: string;
  /** Sentence number: "?", "!", "." and line breaks end one. */
  sentence: number;
  /** Clause number: also commas, semicolons, colons and brackets end one. */
  clause: number;
}
