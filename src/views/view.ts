/**
 * The neutral View every command returns and every platform renders.
 *
 * All strings are plain text: renderers escape every string for their platform (markdown,
 * mentions, Slack's &<>), so text that echoes user input is safe wherever it lands.
 * Emphasis is structural (titles, labels, headings), never inline markup.
 */

/** A command call carried by a button or select option; `args` values are the command's raw inputs. */
export interface Invocation {
  command: string;
  args: Record<string, string>;
}

export interface ButtonAction {
  type: 'button';
  label: string;
  invoke: Invocation;
  style?: 'primary' | 'secondary';
}

export interface SelectOption {
  label: string;
  description?: string;
  invoke: Invocation;
}

export interface SelectAction {
  type: 'select';
  placeholder: string;
  options: SelectOption[];
}

export type Action = ButtonAction | SelectAction;

export interface Field {
  label: string;
  value: string;
  /** Short values that sit side by side where the platform allows it. */
  inline?: boolean;
}

export interface Section {
  heading: string;
  /** A paragraph, a list, or both. */
  body?: string;
  items?: string[];
}

export interface Table {
  columns: string[];
  rows: string[][];
}

export interface Footer {
  /** The data's "as of" month, e.g. "2026-03". */
  asOf: string;
  source: string;
}

import type { ChartSpec } from './chart-spec.js';

export type ViewKind =
  | 'role'
  | 'compare'
  | 'list'
  | 'path'
  | 'skills'
  | 'match'
  | 'salary'
  | 'help'
  | 'prep'
  | 'certs'
  | 'projects'
  | 'companies'
  | 'sources'
  | 'deep-dive'
  | 'ambiguous'
  | 'not_found'
  | 'notice'
  | 'error'
  | 'spotlight'
  | 'clarify'
  | 'out_of_scope'
  | 'profile';

export interface View {
  kind: ViewKind;
  /** An answer to a question in plain words opens with what it was understood as: "Comparing AI Engineer and ML Engineer". */
  understood?: string;
  title: string;
  /** One short paragraph under the title. */
  description?: string;
  fields: Field[];
  sections: Section[];
  table?: Table;
  /** A picture of the figures above; the text stays complete without it. */
  chart?: ChartSpec;
  actions: Action[];
  footer?: Footer;
  /** Success/info/warning/error, for the accent colour. */
  tone: 'info' | 'success' | 'warning' | 'error';
  /** Should the platform answer only to the asker (Discord ephemeral, Slack ephemeral). */
  private?: boolean;
}

/** What a View must say; the rest has defaults (see `view`). */
export type ViewParts = Pick<View, 'kind' | 'title'> & Partial<Omit<View, 'kind' | 'title'>>;

/** A View with the usual defaults: no fields, sections or actions, tone info. */
export function view(parts: ViewParts): View {
  return { fields: [], sections: [], actions: [], tone: 'info', ...parts };
}

/** A plain-text rendering for notifications and logs: the title and description. */
export function viewSummary(view: View): string {
  return view.description ? `${view.title}: ${view.description}` : view.title;
}
