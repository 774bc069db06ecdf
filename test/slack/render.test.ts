import { describe, expect, it } from 'vitest';
import { fitText } from '../../src/platforms/slack/escape.js';
import { SLACK_LIMITS as L, payloadChars } from '../../src/platforms/slack/limits.js';
import { renderView, renderViews, type SlackMessage } from '../../src/platforms/slack/render.js';
import type { Action, View } from '../../src/views/view.js';
import { allStrings } from './harness.js';

type Obj = Record<string, unknown>;
const text = (o: unknown): string => String((o as Obj | undefined)?.text ?? '');

/** Asserts every Block Kit limit RoleCall relies on; returns the problems found. */
function limitProblems(msg: SlackMessage, surface: 'message' | 'home' = 'message'): string[] {
  const p: string[] = [];
  const check = (ok: boolean, what: string) => ok || p.push(what);
  const blocks = msg.blocks as unknown as Obj[];
  check(blocks.length <= (surface === 'home' ? L.homeBlocks : L.messageBlocks), `blocks ${blocks.length}`);
  check(payloadChars(blocks) <= L.messageChars, `chars ${payloadChars(blocks)}`);
  check(msg.text.length > 0 && msg.text.length <= L.fallbackText, 'fallback text');
  check(blocks.filter((b) => b.type === 'table').length <= (surface === 'home' ? 0 : 1), 'tables');
  const ids = new Set<string>();
  for (const b of blocks) {
    if (b.type === 'header') check((b.text as Obj).type === 'plain_text' && text(b.text).length <= L.headerText, 'header');
    if (b.type === 'section') {
      if (b.text) check(text(b.text).length > 0 && text(b.text).length <= L.sectionText, 'section text');
      const fields = (b.fields as Obj[] | undefined) ?? [];
      check(fields.length <= L.sectionFields, 'fields per section');
      for (const f of fields) check(text(f).length > 0 && text(f).length <= L.fieldText, 'field text');
    }
    if (b.type === 'context') check((b.elements as Obj[]).length <= L.contextElements, 'context elements');
    if (b.type === 'table') {
      const rows = b.rows as Obj[][];
      check(rows.length <= L.tableRows, 'table rows');
      check(
        rows.every((r) => r.length <= L.tableColumns && r.every((c) => text(c).length >= 1)),
        'table cells',
      );
      check(payloadChars(rows) <= L.tableChars, 'table chars');
    }
    if (b.type === 'actions') {
      const elements = b.elements as Obj[];
      check(elements.length <= L.actionsElements, 'actions elements');
      for (const e of elements) {
        const id = String(e.action_id);
        check(id.length <= L.actionId && !ids.has(id), `action id ${id}`);
        ids.add(id);
        if (e.type === 'button') check(text(e.text).length <= L.buttonText && String(e.value).length <= L.buttonValue, 'button');
        if (e.type === 'static_select') {
          const options = e.options as Obj[];
          check(text(e.placeholder).length <= L.placeholderText && options.length >= 1 && options.length <= L.selectOptions, 'select');
          for (const o of options) {
            check(text(o.text).length <= L.optionText && String(o.value).length <= L.optionValue, 'option');
            if (o.description) check(text(o.description).length <= L.optionDescription, 'option description');
          }
        }
      }
    }
  }
  for (const s of allStrings(msg)) {
    if (/[<>]/.test(s)) p.push(`unescaped < or > in "${s.slice(0, 40)}"`);
    if (/&(?!amp;|lt;|gt;)/.test(s)) p.push(`bare & in "${s.slice(0, 40)}"`);
  }
  return p;
}

const nasty = (n: number) => '<!channel> & <@U1> '.repeat(n);
const longInvoke = { command: 'role', args: { name: 'x'.repeat(200) } };

function hugeView(): View {
  const actions: Action[] = [
    ...Array.from(
      { length: 40 },
      (_, i): Action => ({ type: 'button', label: nasty(10), invoke: i % 5 ? { command: 'role', args: { name: `#${i}` } } : longInvoke }),
    ),
    ...Array.from(
      { length: 10 },
      (): Action => ({
        type: 'select',
        placeholder: nasty(20),
        options: Array.from({ length: 300 }, (_, i) => ({
          label: nasty(10),
          description: nasty(10),
          invoke: i % 7 ? { command: 'role', args: { name: `#${i}` } } : longInvoke,
        })),
      }),
    ),
  ];
  return {
    kind: 'role',
    title: nasty(30),
    description: nasty(400),
    fields: Array.from({ length: 150 }, (_, i) => ({ label: nasty(20), value: nasty(200), inline: i % 3 !== 0 })),
    sections: Array.from({ length: 300 }, () => ({ heading: nasty(30), body: nasty(300), items: Array.from({ length: 60 }, () => nasty(10)) })),
    table: { columns: Array.from({ length: 30 }, () => nasty(2)), rows: Array.from({ length: 400 }, () => Array.from({ length: 30 }, () => nasty(5))) },
    actions,
    footer: { asOf: nasty(2), source: nasty(300) },
    tone: 'info',
  };
}

const small: View = {
  kind: 'salary',
  title: 'ML Engineer: pay by level',
  description: 'US in $K, India in ₹ LPA.',
  fields: [{ label: 'US', value: 'Entry: $100K' }],
  sections: [],
  table: { columns: ['Market', 'Entry', 'Mid', 'Senior'], rows: [['US', '$100K', '$150K', '$200K']] },
  actions: [{ type: 'button', label: 'Role card', invoke: { command: 'role', args: { name: '#23' } } }],
  tone: 'info',
};

describe('Slack renderer: Block Kit limits', () => {
  it('keeps a huge View within every limit, and says it was shortened', () => {
    const msg = renderView(hugeView(), { share: JSON.stringify({ v: 1, c: 'role', t: 'x' }) });
    expect(limitProblems(msg)).toEqual([]);
    expect(msg.blocks[0]!.type).toBe('header');
    expect(allStrings(msg.blocks).join('\n')).toContain('Shortened to fit');
    const actions = msg.blocks.find((b) => b.type === 'actions') as { elements: Array<{ action_id: string }> };
    expect(actions.elements.at(-1)!.action_id).toBe('rc:share');
  });

  it('keeps a huge View within the Home tab’s limits, with no table block', () => {
    expect(limitProblems(renderView(hugeView(), { surface: 'home' }), 'home')).toEqual([]);
  });

  it('keeps several huge Views in one message within limits, with at most one table', () => {
    const msg = renderViews([small, hugeView(), small, hugeView(), small]);
    expect(limitProblems(msg)).toEqual([]);
    expect(msg.blocks.filter((b) => b.type === 'table')).toHaveLength(1);
  });

  it('uses a native table block where it reads well', () => {
    const msg = renderView(small);
    const table = msg.blocks.find((b) => b.type === 'table') as { rows: Array<Array<{ type: string; text: string }>> };
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Market', 'Entry', 'Mid', 'Senior'],
      ['US', '$100K', '$150K', '$200K'],
    ]);
    expect(table.rows.flat().every((c) => c.type === 'raw_text')).toBe(true);
    // Notifications only read `text`: the table's grid rides along in it.
    expect(msg.text).toMatch(/Market +Entry +Mid +Senior\n-+.*\nUS +\$100K +\$150K +\$200K/s);
  });

  it('puts only the native table’s grid in the fallback of a several-View message', () => {
    const second = { ...small, title: 'Second', table: { columns: ['Market', 'Other'], rows: [['EU', '€90K']] } };
    const msg = renderViews([small, second]);
    expect(msg.blocks.filter((b) => b.type === 'table')).toHaveLength(1);
    expect(msg.text).toContain('$150K');
    expect(msg.text).not.toContain('€90K');
    // The second table still shows, as the monospaced grid.
    expect(msg.blocks.some((b) => b.type === 'section' && text((b as unknown as Obj).text).includes('€90K'))).toBe(true);
    expect(renderView(small, { allowTable: false }).text).not.toContain('$150K');
  });

  it('falls back to a monospaced grid for a narrow table with too many columns, and to field rows for a wide one', () => {
    const narrow = { ...small, table: { columns: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], rows: [['1', '2', '3', '4', '5', '6', '7', '8']] } };
    const grid = renderView(narrow)
      .blocks.filter((b) => b.type === 'section')
      .map((b) => text((b as unknown as Obj).text));
    expect(grid.some((t) => t.startsWith('```\na  b  c') && t.includes('1  2  3'))).toBe(true);
    const wideCols = Array.from({ length: 8 }, (_, i) => `Column number ${i}`);
    const wide = { ...small, table: { columns: wideCols, rows: [wideCols.map((c) => `${c} value`)] } };
    const rows = renderView(wide).blocks.filter((b) => b.type === 'section' && (b as unknown as Obj).fields) as Array<{
      text: { text: string };
      fields: unknown[];
    }>;
    expect(rows.at(-1)!.text.text).toBe('*Column number 0 value*');
    expect(rows.at(-1)!.fields).toHaveLength(7);
    expect(renderView(narrow, { allowTable: false }).blocks.some((b) => b.type === 'table')).toBe(false);
  });

  it('(the limit check itself notices a payload over the limits)', () => {
    const bad = {
      text: 'x',
      blocks: Array.from({ length: 51 }, () => ({ type: 'header', text: { type: 'plain_text', text: '<!here>' } })),
    } as unknown as SlackMessage;
    expect(limitProblems(bad)).toEqual(expect.arrayContaining(['blocks 51', 'unescaped < or > in "<!here>"']));
  });

  it('never sends empty text, which Slack rejects', () => {
    const empty: View = { kind: 'notice', title: ' ', fields: [{ label: '', value: '' }], sections: [{ heading: '', items: [''] }], actions: [], tone: 'info' };
    expect(limitProblems(renderView(empty))).toEqual([]);
  });
});

describe('Slack renderer: escaping', () => {
  it('escapes &, < and > in every View string, so typed mentions stay text', () => {
    const evil = '<!channel> <!here> <@U123> <#C1> <https://x.test|click> & more';
    const view: View = {
      kind: 'role',
      title: evil,
      description: evil,
      fields: [{ label: evil, value: evil, inline: true }],
      sections: [{ heading: evil, body: evil, items: [evil] }],
      table: { columns: [evil, 'b'], rows: [[evil, evil]] },
      actions: [
        { type: 'button', label: evil, invoke: { command: 'role', args: { name: '#8' } } },
        { type: 'select', placeholder: evil, options: [{ label: evil, description: evil, invoke: { command: 'role', args: { name: '#8' } } }] },
      ],
      footer: { asOf: evil, source: evil },
      tone: 'info',
    };
    const msg = renderView(view);
    expect(limitProblems(msg)).toEqual([]);
    const strings = allStrings(msg);
    expect(strings.some((s) => s.includes('&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt;'))).toBe(true);
    expect(strings.some((s) => s.includes('&amp; more'))).toBe(true);
    // mrkdwn texts are verbatim, so Slack does not auto-link names either.
    const mrkdwn = JSON.stringify(msg.blocks).match(/"type":"mrkdwn"/g)!.length;
    expect(JSON.stringify(msg.blocks).match(/"verbatim":true/g)!.length).toBe(mrkdwn);
  });

  it('shortens escaped text without cutting an entity in half', () => {
    for (let max = 2; max < 30; max += 1) {
      const out = fitText('a&<>'.repeat(20), max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/&[a-z]*…$/);
      expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    expect(fitText('short & sweet', 100)).toBe('short &amp; sweet');
  });
});

describe('Slack renderer: the knowledge commands', () => {
  it('keeps /prep, /certs, /projects, /companies, /sources and every deep-dive part within limits', async () => {
    const { Dispatcher } = await import('../../src/app/dispatch.js');
    const { testCore } = await import('../helpers/core.js');
    const core = testCore();
    const dispatcher = new Dispatcher(core);
    const ctx = { platform: 'slack' as const };
    const calls: Array<[string, string]> = [
      ['certs', ''],
      ['projects', ''],
      ['projects', 'L4'],
      ['companies', ''],
      ['companies', 'india'],
      ['sources', ''],
      ['salary', 'AI Engineer uk'],
      ['salary', 'AI Engineer'],
      ['role', 'AI Engineer'],
      ...['overview', 'tiers', 'compare', 'stack', 'skills', 'day', 'ladder', 'pay', 'roadmap', 'market', 'failure', 'disagreements', 'sources'].map(
        (p): [string, string] => ['deepdive', p],
      ),
    ];
    for (const role of core.kb.roles) calls.push(['prep', role.name], ['certs', role.name], ['projects', role.name]);
    for (const [name, text] of calls) {
      const { view, outcome } = await dispatcher.runText(name, text, ctx);
      expect(outcome, `${name} ${text}`).toBe('ok');
      // Button values carry encoded invocations ("…?role=%238&market=uk"): values are never rendered as text, so & is fine there.
      const problems = limitProblems(renderView(view)).filter((p) => !/^bare & in "rc1:/.test(p));
      expect(problems, `${name} ${text}`).toEqual([]);
    }
  });
});
