import { monospaceGrid } from '../../views/text/grid.js';
import { chartBars } from '../../views/chart.js';
import type { Action, View } from '../../views/view.js';

/**
 * View → terminal text. Every string is stripped of control characters and escape sequences
 * first, so echoed input can't move the cursor or recolour the terminal.
 */
export interface TerminalStyle {
  color: boolean;
  width: number;
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
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && (`${prefix + line} ${word}`).length > width) {
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
  return monospaceGrid([columns, ...rows].map((r) => r.map(clean)), { rule: '─' }).lines;
}

function actionLines(actions: Action[]): string[] {
  const hints: string[] = [];
  for (const a of actions) {
    if (a.type === 'button') hints.push(`[${clean(a.label)}]`);
    else hints.push(`${clean(a.placeholder)}: ${a.options.map((o) => clean(o.label)).join(' · ')}`);
  }
  return hints;
}

export function renderForTerminal(view: View, style: TerminalStyle = { color: false, width: 100 }): string {
  const width = Math.max(40, style.width);
  const tone = view.tone === 'error' ? 'red' : view.tone === 'warning' ? 'yellow' : 'cyan';
  const out: string[] = [paint(style, 'bold', paint(style, tone, clean(view.title)))];
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
  const hints = actionLines(view.actions);
  if (hints.length) out.push('', paint(style, 'dim', hints.join('  ')));
  if (view.footer) out.push('', paint(style, 'dim', `Data as of ${clean(view.footer.asOf)} · ${clean(view.footer.source)}`));
  return out.join('\n');
}
