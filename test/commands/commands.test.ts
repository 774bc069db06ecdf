import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/app/dispatch.js';
import { commands } from '../../commands/index.js';
import { encodeInvocation } from '../../src/views/invocation-codec.js';
import type { View } from '../../src/views/view.js';
import { testCore } from '../helpers/core.js';

const dispatcher = new Dispatcher(testCore());
const ctx = { platform: 'cli' as const };
const run = (name: string, raw: Record<string, unknown>) => dispatcher.run(name, raw, ctx);
const text = (view: View) => JSON.stringify(view);

describe('commands', () => {
  it('role: a card with layer, difficulty, salary by level and must-have skills', async () => {
    const { view, outcome } = await run('role', { name: 'AI Engineer' });
    expect(outcome).toBe('ok');
    expect(view.kind).toBe('role');
    expect(view.title).toBe('8. AI Engineer');
    const fields = Object.fromEntries(view.fields.map((f) => [f.label, f.value]));
    expect(fields.Layer).toMatch(/^L5 Orchestration/);
    expect(fields['Entry difficulty']).toBe('Moderate');
    expect(fields['US salary']).toContain('Mid: $140K–$211K');
    expect(fields['India salary']).toContain('Senior: ₹35–60+ LPA');
    expect(view.sections.find((s) => s.heading === 'Must-have skills')?.items).toContain('Python');
    expect(view.footer).toEqual({ asOf: '2026-03', source: expect.stringContaining('GenAI Career Roles') });
  });

  it('role: ambiguous and not-found answers carry the choices as actions', async () => {
    const amb = await run('role', { name: 'AI Scientist' });
    expect(amb.view.kind).toBe('ambiguous');
    const select = amb.view.actions.find((a) => a.type === 'select');
    expect(select && select.type === 'select' && select.options.map((o) => o.label)).toEqual(
      expect.arrayContaining(['AI Research Scientist', 'Applied AI Scientist']),
    );
    const nf = await run('role', { name: 'Data Engineer' });
    expect(nf.view.kind).toBe('not_found');
    expect(nf.view.actions[0]).toMatchObject({ type: 'button', label: 'AI Data Engineer', invoke: { command: 'role', args: { name: '#16' } } });
  });

  it('role: AI/ML Developer shows the reference note', async () => {
    const { view } = await run('role', { name: 'AI/ML Developer' });
    expect(view.title).toMatch(/not a distinct role/);
    expect(view.description).toMatch(/AI Engineer or ML Engineer/);
  });

  it('compare: key figures first, then the skills overlap', async () => {
    const { view } = await run('compare', { role_a: 'AI Engineer', role_b: 'ML Engineer' });
    expect(view.kind).toBe('compare');
    expect(view.title).toBe('AI Engineer vs ML Engineer');
    expect(view.fields.map((f) => f.label)).toEqual(['AI Engineer', 'ML Engineer']);
    expect(view.sections[0]!.heading).toMatch(/^Shared must-have skills \(\d+ of \d+\)$/);
    expect(view.table?.rows.find((r) => r[0] === 'US mid')).toEqual(['US mid', '$140K–$211K', '$149K–$200K']);
  });

  it('compare: text syntax with vs, and, comma and pipe', async () => {
    for (const t of ['AI Engineer vs ML Engineer', 'AI Engineer and ML Engineer', 'AI Engineer, ML Engineer', 'AI Engineer | ML Engineer']) {
      const { view } = await dispatcher.runText('compare', t, ctx);
      expect(view.title, t).toBe('AI Engineer vs ML Engineer');
    }
    const three = await dispatcher.runText('compare', 'rag engineer vs llm engineer vs genai engineer', ctx);
    expect(three.view.fields).toHaveLength(3);
    const same = await dispatcher.runText('compare', 'mle vs ML Engineer', ctx);
    expect(same.view.title).toBe('Pick two different roles');
  });

  it('roles: browse and filter, with a clear error for a bad layer', async () => {
    const all = await run('roles', {});
    expect(all.view.title).toBe('All 31 roles');
    const l5 = await dispatcher.runText('roles', 'L5 moderate', ctx);
    expect(l5.view.sections.flatMap((s) => s.items ?? []).map((i) => i.split('.')[0])).toEqual(['8', '9', '10']);
    const bad = await dispatcher.runText('roles', 'L9', ctx);
    expect(bad.outcome).toBe('invalid');
    expect(bad.view.description).toMatch(/expected a layer/);
  });

  it('path, skills, match, salary, help', async () => {
    const path = await dispatcher.runText('path', 'AI Engineer to AI Solutions Architect', ctx);
    expect(path.view.title).toBe('AI Engineer → AI Solutions Architect');
    const moves = await dispatcher.runText('path', 'Prompt Engineer', ctx);
    expect(moves.view.title).toBe('Career moves from Prompt Engineer / AI Interaction Specialist');
    const skills = await dispatcher.runText('skills', 'CUDA', ctx);
    expect(skills.view.title).toBe('Roles that use CUDA');
    const match = await dispatcher.runText('match', 'python, pytorch, sql, docker', ctx);
    expect(match.view.fields[0]!.label).toMatch(/^1\. /);
    const salary = await dispatcher.runText('salary', 'ML Engineer india', ctx);
    expect(salary.view.fields).toEqual([{ label: 'India', value: expect.stringContaining('Entry: ₹8–15 LPA') }]);
    const help = await run('help', {});
    expect(help.view.sections.map((s) => s.heading)).toEqual(expect.arrayContaining(commands.map((c) => c.usage)));
  });

  it('rejects bad input with the usage, never throws', async () => {
    const empty = await run('role', { name: '   ' });
    expect(empty.outcome).toBe('invalid');
    expect(empty.view.description).toContain('Usage: /role <role name>');
    const long = await run('role', { name: 'x'.repeat(5000) });
    expect(long.outcome).toBe('invalid');
    const wrongType = await run('compare', { role_a: 42 });
    expect(wrongType.outcome).toBe('invalid');
    const unknown = await run('frobnicate', {});
    expect(unknown.outcome).toBe('unknown_command');
  });

  it('answers stale and malformed buttons clearly', async () => {
    expect((await dispatcher.runEncoded('rc0:role?name=%238', ctx)).view.title).toBe('This button has expired');
    expect((await dispatcher.runEncoded('garbage', ctx)).outcome).toBe('stale');
    expect((await dispatcher.runEncoded('rc1:role?name=%238', ctx)).view.title).toBe('8. AI Engineer');
  });

  it('every action of every view encodes within 100 characters and runs', async () => {
    const views = [
      (await run('role', { name: 'AI Infrastructure Engineer' })).view,
      (
        await run('compare', {
          role_a: 'inference optimization engineer',
          role_b: 'ai compiler kernel engineer',
          role_c: 'ai infrastructure engineer',
          role_d: 'foundation model engineer',
        })
      ).view,
      (await run('compare', { role_a: 'AI Scientist', role_b: 'AI Infrastructure / ML Platform Engineer' })).view,
      (await run('roles', {})).view,
      (await run('path', { from: 'AI Engineer' })).view,
      (await run('help', {})).view,
    ];
    let count = 0;
    for (const view of views) {
      for (const action of view.actions) {
        const invocations = action.type === 'button' ? [action.invoke] : action.type === 'select' ? action.options.map((o) => o.invoke) : [];
        for (const inv of invocations) {
          const encoded = encodeInvocation(inv);
          expect(encoded.length).toBeLessThanOrEqual(100);
          const res = await dispatcher.runEncoded(encoded, ctx);
          expect(res.outcome, `${encoded} → ${text(res.view).slice(0, 200)}`).toBe('ok');
          count++;
        }
      }
    }
    expect(count).toBeGreaterThanOrEqual(40);
  });
});
