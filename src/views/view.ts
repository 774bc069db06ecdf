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

/**
 * A link out of the chat: the answer's public page (ROLECALL_PUBLIC_URL). Discord shows it as a
 * link button, Slack as a url button; it runs no command.
 */
export interface LinkAction {
  type: 'link';
  label: string;
  /** Absolute https URL, built from role ids only (src/views/page-url.ts), never from typed text. */
  url: string;
}

export type Action = ButtonAction | SelectAction | LinkAction;

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
import type { PageTarget } from './page-url.js';

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
  | 'about'
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
  /**
   * The public page with this answer (a role card, a comparison, a path): where the service has
   * ROLECALL_PUBLIC_URL, the Dispatcher adds a link to it (`pageLinked`), and the CLI's --json names its URL.
   */
  page?: PageTarget;
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

/** The label of the link to an answer's page, on every platform. */
export const PAGE_LINK_LABEL = 'View page';

/**
 * The View with a link to its page first among its actions (so no platform's cap on buttons
 * drops it); unchanged without a public URL or a page.
 */
export function pageLinked(view: View, url: ((target: PageTarget) => string) | undefined): View {
  if (!url || !view.page || view.actions.some((a) => a.type === 'link')) return view;
  return { ...view, actions: [{ type: 'link', label: PAGE_LINK_LABEL, url: url(view.page) }, ...view.actions] };
}
