import type { Role } from '../schema/role.js';

/** How a confident answer was reached, strongest first. */
export type MatchKind = 'exact' | 'number' | 'reordered' | 'typo' | 'contains' | 'fuzzy';

export type Resolution =
  | { status: 'found'; query: string; role: Role; score: number; via: MatchKind }
  | {
      status: 'ambiguous';
      query: string;
      candidates: Role[];
      /** Why no single role was picked. */
      reason: 'generic' | 'close' | 'not-a-role';
      /** The reference's own remark, for titles that are no distinct role ("AI/ML Developer"). */
      note?: string;
    }
  | {
      status: 'not_found';
      query: string;
      suggestions: Role[];
      /**
       * "general-title": the query is a title outside AI ("Product Manager"); the suggestions
       * are its AI counterparts, offered rather than answered.
       */
      reason?: 'general-title';
    };
