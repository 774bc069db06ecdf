import { monospaceGrid } from '../../views/text/grid.js';
import { chartBars } from '../../views/chart.js';
import type { Action, Invocation, View } from '../../views/view.js';

/**
 * View → terminal text. Every string is stripped of control characters and escape sequences
 * first, so echoed input can't move the cursor or recolour the terminal.
 */
export interface TerminalStyle {
  color: boolean;
  width: number;
  /**
   * Buttons and selects: numbered where typing the number runs them (the console chat),
   * listed as the commands that run them (the CLI, with `syntax`), or hidden.
   */
  actions?: 'numbered' | 'commands' | 'hide';
  /**
   * The CLI's syntax: how a choice is typed as a command line, and which commands' "/name"
   * mentions in the answer's text are reworded with it ("/roles" → "rolecall roles").
   */
  syntax?: CommandSyntax;
}

export interface CommandSyntax {
  commandLine: (inv: Invocation) => string;
  commandNames: readonly string[];
}

/** One choosable entry of a View: a button, or one option of a select. */
export interface MenuEntry {
  label: string;
  invoke: Invocation;
}

/** A View's buttons and select options in display order; entry i is typed as i + 1. */
export function menuOf(view: View): MenuEntry[] {
  return view.actions.flatMap((a) =>
    a.type === 'button' ? [{ label: a.label, invoke: a.invoke }] : a.type === 'select' ? a.options.map((o) => ({ label: o.label, invoke: o.invoke })) : [],
  );
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping terminal control sequences is the point
const CONTROL = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function clean(text: string): string {
  return text.replace(CONTROL, '');
}

const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', cyan: '\u001b[36m', yellow: '\u001b[33m', red: '\u001b[31m', reset: '\u001b[0m' };

function paint(style: TerminalStyle, code: keyof typeof ANSI, text: string): string {
  return style.color ? `${ANSI[code]}${text}${ANSI.reset}` : text;
}

/** Word-wraps to `width`; continuation lines use `hanging` (defaults to `indent`). */
function wrap(text: string, width: number, indent = '', hanging = indent): string {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let prefix = indent;
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      if (line && `${prefix + line} ${word}`.length > width) {
        out.push(prefix + line);
        line = word;
        prefix = hanging;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(prefix + line);
  }
  return out.join('\n');
}

function table(columns: string[], rows: string[][]): string[] {
  return monospaceGrid(
    [columns, ...rows].map((r) => r.map(clean)),
    { rule: '─' },
  ).lines;
}

/** "[1] Career path  [2] Salary" and "Compare with: [3] ML Engineer · [4] …", numbered as menuOf numbers them. */
function actionLines(actions: Action[]): string[] {
  const lines: string[] = [];
  const buttons: string[] = [];
  let n = 0;
  for (const a of actions) {
    // A no-break space keeps each number on the line of its label when the list wraps.
    if (a.type === 'button') buttons.push(`[${++n}]\u00a0${clean(a.label)}`);
    // A link is not a numbered choice: a terminal shows its address, which most make clickable.
    else if (a.type === 'link') lines.push(`${clean(a.label)}: ${clean(a.url)}`);
    else lines.push(`${clean(a.placeholder)}: ${a.options.map((o) => `[${++n}]\u00a0${clean(o.label)}`).join(' · ')}`);
  }
  return buttons.length ? [buttons.join('  '), ...lines] : lines;
}

/** "AI Research Scientist: rolecall role "#26"", one line a choice, under its select's placeholder. */
function commandLines(actions: Action[], syntax: CommandSyntax): string[] {
  const lines: string[] = [];
  const buttons = actions.filter((a) => a.type === 'button');
  if (buttons.length) lines.push(...buttons.map((b) => `${clean(b.label)}: ${syntax.commandLine(b.invoke)}`));
  for (const a of actions) {
    if (a.type === 'link') lines.push(`${clean(a.label)}: ${clean(a.url)}`);
    else if (a.type === 'select') lines.push(`${clean(a.placeholder)}:`, ...a.options.map((o) => `  ${clean(o.label)}: ${syntax.commandLine(o.invoke)}`));
  }
  return lines;
}

/** Every string of the View with "/roles"-style mentions in the given syntax ("rolecall roles"). */
function reworded(view: View, syntax: CommandSyntax): View {
  const names = new RegExp(`(^|[\\s("'])/(${syntax.commandNames.join('|')})\\b`, 'g');
  const say = (text: string) => text.replace(names, (_m, before: string, name: string) => `${before}${syntax.commandLine({ command: name, args: {} })}`);
  return {
    ...view,
    title: say(view.title),
    description: view.description && say(view.description),
    fields: view.fields.map((f) => ({ ...f, value: say(f.value) })),
    sections: view.sections.map((s) => ({ ...s, body: s.body && say(s.body), items: s.items?.map(say) })),
  };
}

export function renderForTerminal(shown: View, style: TerminalStyle = { color: false, width: 100 }): string {
  const view = style.syntax ? reworded(shown, style.syntax) : shown;
  const width = Math.max(40, style.width);
  const tone = view.tone === 'error' ? 'red' : view.tone === 'warning' ? 'yellow' : 'cyan';
  const out: string[] = [paint(style, 'bold', paint(style, tone, clean(view.title)))];
  // What a question was understood as comes first, quietly: "Comparing AI Engineer and ML Engineer".
  if (view.understood) out.unshift(paint(style, 'dim', wrap(clean(view.understood), width)));
  if (view.description) out.push(wrap(clean(view.description), width));
  if (view.fields.length) {
    out.push('');
    for (const f of view.fields) {
      const value = clean(f.value);
      if (!value.includes('\n') && f.label.length + value.length < width - 4) out.push(`${paint(style, 'bold', clean(f.label))}: ${value}`);
      else out.push(paint(style, 'bold', clean(f.label)), wrap(value, width, '  '));
    }
  }
  if (view.table && view.kind !== 'role') {
    out.push('', ...table(view.table.columns, view.table.rows));
  }
  if (view.chart) {
    // The terminal's picture: compact text bars on one scale per market (the route, for /path).
    const bars = chartBars(view.chart, Math.max(10, Math.min(30, width - 56)));
    out.push('', ...bars.map(clean));
  }
  for (const s of view.sections) {
    out.push('', paint(style, 'bold', clean(s.heading)));
    if (s.body) out.push(wrap(clean(s.body), width, '  '));
    for (const item of s.items ?? []) out.push(wrap(`• ${clean(item)}`, width, '  ', '    '));
  }
  const hints = style.actions === 'numbered' ? actionLines(view.actions) : [];
  if (hints.length) out.push('', ...hints.map((h) => wrap(h, width, '', '  ')), paint(style, 'dim', 'Type a number to choose.'));
  const commandHints = style.actions === 'commands' && style.syntax ? commandLines(view.actions, style.syntax) : [];
  if (commandHints.length) out.push('', ...commandHints);
  if (view.footer) out.push('', paint(style, 'dim', `Data as of ${clean(view.footer.asOf)} · ${clean(view.footer.source)}`));
  return out.join('\n');
}
