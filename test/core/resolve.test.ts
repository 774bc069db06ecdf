import { describe, expect, it } from 'vitest';
import { CALIBRATION, judge } from '../fixtures/resolve-calibration.js';
import { testCore } from '../helpers/core.js';

const core = testCore();

describe('resolve: calibration set', () => {
  it.each(CALIBRATION)('%j → %j', (query, expected) => {
    const { verdict, why } = judge(core.resolve(query), expected);
    expect(verdict, why).toBe('right');
  });

  it('never gives a confident wrong role over the whole set', () => {
    const wrong = CALIBRATION.filter(([q, want]) => judge(core.resolve(q), want).verdict === 'confident-wrong');
    expect(wrong).toEqual([]);
  });

  it('has every kind of label, so each branch of the judge is exercised', () => {
    const kinds = new Set(CALIBRATION.map(([, e]) => (typeof e === 'string' ? (e === 'unsure' ? 'unsure' : 'role') : Object.keys(e)[0])));
    expect([...kinds].sort()).toEqual(['ambiguous', 'general', 'offers', 'role', 'unsure']);
  });
});

describe('resolve: outcomes', () => {
  it('gives exact names a score of 1 and typos a lower one', () => {
    const exact = core.resolve('AI Engineer');
    const typo = core.resolve('ai enginer');
    expect(exact).toMatchObject({ status: 'found', score: 1, via: 'exact' });
    expect(typo).toMatchObject({ status: 'found', via: 'typo' });
    if (typo.status === 'found') expect(typo.score).toBeLessThan(1);
  });

  it('surfaces the AI/ML Developer note and points to AI Engineer and ML Engineer', () => {
    const res = core.resolve('AI/ML Developer');
    expect(res.status).toBe('ambiguous');
    if (res.status !== 'ambiguous') return;
    expect(res.reason).toBe('not-a-role');
    expect(res.note).toMatch(/not a role of its own/i);
    expect(res.candidates.map((r) => r.id)).toEqual(['ai-engineer', 'ml-engineer']);
  });

  it('makes generic queries ambiguous with candidates', () => {
    const res = core.resolve('AI Scientist');
    expect(res.status).toBe('ambiguous');
    if (res.status === 'ambiguous') {
      expect(res.candidates.map((r) => r.id)).toEqual(expect.arrayContaining(['ai-research-scientist', 'applied-ai-scientist']));
    }
  });

  it('offers at most 3 suggestions when nothing matches', () => {
    for (const q of ['Data Engineer', 'banana bread', '<script>alert(1)</script>', 'ai product', 'compiler']) {
      const res = core.resolve(q);
      if (res.status === 'not_found') expect(res.suggestions.length).toBeLessThanOrEqual(3);
    }
    const res = core.resolve('Data Engineer');
    expect(res.status).not.toBe('found');
    if (res.status === 'not_found') expect(res.suggestions[0]?.id).toBe('ai-data-engineer');
  });

  it('survives any string: empty, 10,000 characters, emoji, control characters, markup', () => {
    const inputs = [
      '',
      ' ',
      'x'.repeat(10_000),
      'AI Engineer '.repeat(1_000),
      '🙂'.repeat(5_000),
      '\u0000'.repeat(100),
      '\u202e\u200b\ufeffAI Engineer',
      '<b>AI Engineer</b>',
      '`'.repeat(50),
      '%s%d%n',
      '\ud800',
      'ＡＩ　Ｅｎｇｉｎｅｅｒ',
      `AI Engineer${' '.repeat(50_000)}- x`,
      ', - | ( @ —'.repeat(500),
    ];
    for (const q of inputs) {
      const res = core.resolve(q);
      expect(['found', 'ambiguous', 'not_found']).toContain(res.status);
      expect(res.query).toBe(q);
    }
    expect(core.resolve('\u202e\u200b\ufeffAI Engineer')).toMatchObject({ status: 'found' });
    expect(core.resolve('ＡＩ　Ｅｎｇｉｎｅｅｒ')).toMatchObject({ status: 'found' });
  });

  it('survives random strings (seeded)', () => {
    let seed = 42;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 2_000; i++) {
      const len = Math.floor(rand() * 60);
      const s = Array.from({ length: len }, () => String.fromCharCode(Math.floor(rand() * 0x2fff))).join('');
      expect(() => core.resolve(s)).not.toThrow();
    }
  });

  it('resolves every role by its name, its id and each of its aliases', () => {
    for (const role of core.kb.roles) {
      for (const text of [role.name, role.id, ...role.aliases]) {
        const res = core.resolve(text);
        expect(res.status === 'found' && res.role.id, `${text} → ${role.id}`).toBe(role.id);
      }
    }
  });
});

describe('suggest (autocomplete ranking)', () => {
  it('puts the intended role first for a typo and caps the list', () => {
    const ranked = core.suggest('ai enginer', 25);
    expect(ranked[0]?.id).toBe('ai-engineer');
    expect(ranked.length).toBeLessThanOrEqual(25);
  });

  it('lists roles in order for an empty query and ranks partial typing', () => {
    expect(core.suggest('', 25).map((r) => r.number)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(core.suggest('infer', 5)[0]?.id).toBe('inference-optimization-engineer');
  });
});

describe('resolve: the calibration judge can fail', () => {
  const role = (id: string) => core.kb.role(id);
  it('calls a found answer for another role, or for an unsure label, confident-wrong', () => {
    expect(judge({ status: 'found', query: 'x', role: role('ml-engineer'), score: 1, via: 'exact' }, 'ai-engineer').verdict).toBe('confident-wrong');
    expect(judge({ status: 'found', query: 'x', role: role('ml-engineer'), score: 1, via: 'exact' }, { offers: ['ml-engineer'] }).verdict).toBe(
      'confident-wrong',
    );
  });

  it('calls an irrelevant suggestion or a missing note wrong', () => {
    expect(judge({ status: 'not_found', query: 'x', suggestions: [role('ai-compiler-kernel-engineer')] }, { offers: [] }).verdict).toBe('wrong');
    expect(judge({ status: 'not_found', query: 'x', suggestions: [role('ai-product-manager')] }, { general: ['ai-product-manager'] }).verdict).toBe('wrong');
    expect(
      judge({ status: 'ambiguous', query: 'x', candidates: [role('ai-engineer')], reason: 'close' }, { ambiguous: ['ai-engineer', 'ml-engineer'] }).verdict,
    ).toBe('wrong');
  });
});
