import { beforeAll, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/app/dispatch.js';
import { createCore, type Core } from '../../src/core/index.js';
import { renderForDiscord, type DiscordMessage } from '../../src/platforms/discord/render.js';
import { DISCORD_LIMITS as L } from '../../src/platforms/discord/limits.js';
import type { Action, View } from '../../src/views/view.js';
import { validateMessage } from '../fakes/discord/index.js';

let core: Core;
let dispatcher: Dispatcher;
const ctx = { platform: 'discord' as const };

beforeAll(() => {
  core = createCore();
  dispatcher = new Dispatcher(core);
});

/** Every documented limit, checked directly and by the fake Discord's validator. */
function expectWithinLimits(message: DiscordMessage): void {
  expect(validateMessage(message, true)).toEqual([]);
  const embed = message.embeds[0]!;
  const total =
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  expect(total).toBeLessThanOrEqual(L.embedTotal);
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(L.fields);
  expect(message.components.length).toBeLessThanOrEqual(L.rows);
  const ids = message.components.flatMap((r) => r.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
  expect(new Set(ids).size).toBe(ids.length);
  for (const row of message.components) {
    expect(row.components.length).toBeLessThanOrEqual(L.buttonsPerRow);
    for (const c of row.components) {
      if ('custom_id' in c) expect(c.custom_id.length).toBeLessThanOrEqual(L.customId);
      if (c.type === 3) expect(c.options.length).toBeLessThanOrEqual(L.selectOptions);
    }
  }
  expect(message.allowed_mentions).toEqual({ parse: [] });
}

const long = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

function hugeView(): View {
  const actions: Action[] = [
    ...Array.from({ length: 30 }, (_, i) => ({ type: 'button' as const, label: long('Label', 40), invoke: { command: 'role', args: { name: `#${i}` } } })),
    ...Array.from({ length: 10 }, (_, s) => ({
      type: 'select' as const,
      placeholder: long('Pick', 60),
      options: Array.from({ length: 40 }, (_, i) => ({
        label: long('Option', 30),
        description: long('About', 30),
        invoke: { command: 'role', args: { name: `#${s}-${i}` } },
      })),
    })),
  ];
  return {
    kind: 'role',
    title: long('Title', 200),
    description: long('Describe', 2000),
    fields: Array.from({ length: 40 }, (_, i) => ({ label: long(`Field${i}`, 60), value: long('value', 600), inline: i % 2 === 0 })),
    sections: Array.from({ length: 30 }, (_, i) => ({
      heading: `Section ${i}`,
      body: long('body', 300),
      items: Array.from({ length: 50 }, () => long('item', 30)),
    })),
    table: { columns: Array.from({ length: 30 }, (_, i) => `col${i}`), rows: Array.from({ length: 30 }, () => Array.from({ length: 30 }, () => 'cell')) },
    actions,
    footer: { asOf: '2026-03', source: long('Source', 900) },
    tone: 'info',
  };
}

describe('renderForDiscord limits', () => {
  it('fits a very long View within every limit, cut cleanly and marked as shortened', () => {
    const message = renderForDiscord(hugeView());
    expectWithinLimits(message);
    const embed = message.embeds[0]!;
    expect(embed.title?.length).toBeLessThanOrEqual(L.title);
    expect(embed.title?.endsWith('…')).toBe(true);
    expect(embed.footer?.text.endsWith('Shortened to fit Discord')).toBe(true);
    expect(embed.fields?.length).toBeGreaterThan(0);
    for (const f of embed.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(L.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(L.fieldValue);
    }
    const buttons = message.components.flatMap((r) => r.components).filter((c) => c.type === 2);
    for (const b of buttons) expect(('label' in b ? b.label : '')!.length).toBeLessThanOrEqual(L.buttonLabel);
  });

  it('splits a long section across fields instead of losing it', () => {
    const items = Array.from({ length: 60 }, (_, i) => `Skill number ${i} with a longer name`);
    const view: View = { kind: 'skills', title: 'Skills', fields: [], sections: [{ heading: 'Must-have', items }], actions: [], tone: 'info' };
    const message = renderForDiscord(view);
    expectWithinLimits(message);
    const fields = message.embeds[0]!.fields!;
    expect(fields.map((f) => f.name)).toEqual(['Must-have', 'Must-have (cont.)', 'Must-have (cont.)']);
    const text = fields.map((f) => f.value).join('\n');
    for (const item of items) expect(text).toContain(`• ${item}`);
    expect(message.embeds[0]!.footer).toBeUndefined();
  });

  it('packs buttons five to a row, gives each select its own row, and drops duplicates and over-long ids', () => {
    const button = (name: string) => ({ type: 'button' as const, label: name, invoke: { command: 'role', args: { name } } });
    const view: View = {
      kind: 'list',
      title: 'Rows',
      fields: [],
      sections: [],
      tone: 'info',
      actions: [
        ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(button),
        button('a'),
        { type: 'button', label: 'Too long', invoke: { command: 'role', args: { name: 'x'.repeat(120) } } },
        {
          type: 'select',
          placeholder: 'Pick',
          options: [
            { label: 'One', invoke: { command: 'role', args: { name: '#1' } } },
            { label: 'Again', invoke: { command: 'role', args: { name: '#1' } } },
          ],
        },
        { type: 'button', label: '   ', invoke: { command: 'role', args: { name: 'h' } } },
      ],
    };
    const message = renderForDiscord(view);
    expectWithinLimits(message);
    expect(message.components.map((r) => r.components.length)).toEqual([5, 2, 1, 1]);
    const last = message.components[3]!.components[0]!;
    expect(last.type === 2 && 'label' in last && last.label).toBe('Open');
    const select = message.components[2]!.components[0]!;
    expect(select.type === 3 && select.options.map((o) => o.label)).toEqual(['One']);
  });

  it('shows the table as a monospace block only when it fits a phone', async () => {
    // The whole answer, as a spotlight post renders it; an answer to a command shows its table one choice away.
    const salary = renderForDiscord((await dispatcher.run('salary', { role: 'AI Engineer' }, { platform: 'console' })).view);
    const table = salary.embeds[0]!.fields!.find((f) => f.name === 'At a glance');
    expect(table?.value).toMatch(/^```\nMarket\s+Entry\s+Mid\s+Senior\n/);
    const answer = await dispatcher.run('salary', { role: 'AI Engineer' }, ctx);
    const menu = answer.view.actions.at(-1);
    const glance = menu?.type === 'select' ? menu.options.find((o) => o.label === 'At a glance') : undefined;
    const part = renderForDiscord((await dispatcher.runInvocation(glance!.invoke, ctx)).view);
    expect(part.embeds[0]!.fields!.find((f) => f.name === 'At a glance')?.value).toBe(table?.value);
    const four = renderForDiscord(
      (await dispatcher.run('compare', { role_a: 'AI Engineer', role_b: 'ML Engineer', role_c: 'RAG Engineer', role_d: 'LLM Engineer' }, ctx)).view,
    );
    expectWithinLimits(four);
    expect(four.embeds[0]!.fields!.some((f) => f.name === 'At a glance')).toBe(false);
    expect(four.embeds[0]!.fields!.slice(0, 4).map((f) => f.name)).toEqual(['AI Engineer', 'ML Engineer', 'RAG Engineer', 'LLM Engineer']);
  });

  it('sets the ephemeral flag for private Views, but never on channel posts', () => {
    const view: View = { kind: 'notice', title: 'Private', fields: [], sections: [], actions: [], tone: 'warning', private: true };
    expect(renderForDiscord(view).flags).toBe(64);
    expect(renderForDiscord(view, { target: 'channel' }).flags).toBeUndefined();
    expect(renderForDiscord({ ...view, private: false }).flags).toBeUndefined();
  });

  it('escapes every embed string and keeps component labels plain', () => {
    const evil = '@everyone <@&123> **bold** # heading';
    const view: View = {
      kind: 'not_found',
      title: evil,
      description: evil,
      fields: [{ label: evil, value: evil }],
      sections: [{ heading: evil, items: [evil] }],
      actions: [{ type: 'button', label: evil, invoke: { command: 'role', args: { name: '#1' } } }],
      footer: { asOf: '2026-03', source: evil },
      tone: 'warning',
    };
    const message = renderForDiscord(view);
    const embed = message.embeds[0]!;
    for (const text of [embed.title, embed.description, embed.fields![0]!.name, embed.fields![0]!.value, embed.fields![1]!.value]) {
      expect(text).toContain('@\u200beveryone <\u200b@&123> \\*\\*bold\\*\\*');
    }
    expect(embed.footer?.text).toContain('@\u200beveryone <\u200b@&123> **bold**');
    const label = message.components[0]!.components[0]!;
    expect('label' in label && label.label).toBe('@\u200beveryone <\u200b@&123> **bold** # heading');
  });
});

describe('renderForDiscord on answers that echo masked links', () => {
  it('three [AI Engineer](http://evil.example) options: no live link anywhere in the private answer', async () => {
    const link = '[AI Engineer](http://evil.example)';
    const result = await dispatcher.run('compare', { role_a: link, role_b: link, role_c: link }, ctx);
    const message = renderForDiscord(result.view);
    const embed = message.embeds[0]!;
    const texts = [embed.title ?? '', embed.description ?? '', ...(embed.fields ?? []).flatMap((f) => [f.name, f.value])];
    expect(texts.join('\n')).toContain('evil.example');
    // Live: a "[" not escaped by a backslash (itself not escaped), closing "](" later on the line.
    const live = /(?:^|[^\\])(?:\\\\)*\[[^\n]*\]\(/;
    for (const text of texts) for (const line of text.split('\n')) expect(line).not.toMatch(live);
  });
});

describe('renderForDiscord on real answers', () => {
  it('renders every role card, salary and career path within limits', async () => {
    for (const role of core.kb.roles) {
      for (const [name, raw] of [
        ['role', { name: role.name }],
        ['salary', { role: role.name }],
        ['path', { from: role.name }],
      ] as const) {
        const { view, outcome } = await dispatcher.run(name, raw, ctx);
        expect(outcome, `${name} ${role.name}`).toBe('ok');
        expectWithinLimits(renderForDiscord(view));
      }
    }
  });

  it('renders lists, help, skills, match and every comparison of neighbours within limits', async () => {
    const calls: Array<[string, Record<string, string>]> = [
      ['roles', {}],
      ['help', {}],
      ['skills', { skill: 'Python' }],
      ['match', { skills: 'python, pytorch, sql, docker, rag' }],
      ['role', { name: 'engineer' }],
    ];
    const roles = core.kb.roles;
    roles.forEach((r, i) =>
      calls.push(['compare', { role_a: r.name, role_b: roles[(i + 1) % roles.length]!.name, role_c: roles[(i + 2) % roles.length]!.name }]),
    );
    for (const [name, raw] of calls) {
      const message = renderForDiscord((await dispatcher.run(name, raw, ctx)).view);
      expectWithinLimits(message);
      expect(message.embeds[0]!.footer?.text ?? '', `${name} was shortened`).not.toContain('Shortened');
    }
  });
});

describe('renderForDiscord: the knowledge commands', () => {
  it('renders /prep, /certs and /projects for every role, and every other new answer, within limits', async () => {
    const calls: Array<[string, Record<string, string>]> = [
      ['certs', {}],
      ['projects', {}],
      ['companies', {}],
      ['companies', { which: 'india' }],
      ['sources', {}],
      ['salary', { role: 'AI Engineer', market: 'uk' }],
      ['salary', { role: 'ML Engineer', market: 'uk' }],
      ...['overview', 'tiers', 'compare', 'stack', 'skills', 'day', 'ladder', 'pay', 'roadmap', 'market', 'failure', 'disagreements', 'sources'].map(
        (part): [string, Record<string, string>] => ['deepdive', { part }],
      ),
    ];
    for (const role of core.kb.roles) calls.push(['prep', { role: role.name }], ['certs', { role: role.name }], ['projects', { role: role.name }]);
    for (const [name, raw] of calls) {
      const { view, outcome } = await dispatcher.run(name, raw, ctx);
      expect(outcome, `${name} ${JSON.stringify(raw)}`).toBe('ok');
      const message = renderForDiscord(view);
      expectWithinLimits(message);
      // Each answer is sized to fit one embed whole: nothing of the data is cut.
      expect(message.embeds[0]!.footer?.text ?? '', `${name} ${JSON.stringify(raw)} was shortened`).not.toContain('Shortened');
    }
  });

  it('gives the AI Engineer card its buttons and both selects within five rows', async () => {
    const message = renderForDiscord((await dispatcher.run('role', { name: 'AI Engineer' }, ctx)).view);
    expectWithinLimits(message);
    const labels = message.components.flatMap((r) => r.components.map((c) => ('label' in c ? c.label : 'placeholder' in c ? c.placeholder : '')));
    expect(labels).toEqual(
      expect.arrayContaining(['Career path', 'Salary', 'Interview prep', 'Certifications', 'Projects', 'Compare with…', 'AI Engineer deep-dive…']),
    );
  });
});
