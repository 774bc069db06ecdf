import { describe, expect, it } from 'vitest';
import { testCore } from '../helpers/core.js';

const core = testCore();
const role = (id: string) => core.kb.role(id);

describe('compare', () => {
  it('shows shared and distinct must-have skills with an overlap figure', () => {
    const cmp = core.compare([role('ai-engineer'), role('ml-engineer')]);
    expect(cmp.skills.shared).toEqual(expect.arrayContaining(['Python', 'PyTorch/TensorFlow', 'Git']));
    expect(cmp.skills.distinct[0]).toEqual(expect.arrayContaining(['RAG', 'prompt engineering']));
    expect(cmp.skills.distinct[1]).toEqual(expect.arrayContaining(['scikit-learn', 'SQL']));
    const union = new Set([...cmp.skills.shared, ...cmp.skills.partial.map((p) => p.byRole[0]!), ...cmp.skills.distinct.flat()]);
    expect(cmp.skills.total).toBe(union.size);
  });

  it('shows a partial overlap as partial: "Docker/K8s" and "Docker" are not the same must-have', () => {
    const cmp = core.compare([role('ai-engineer'), role('ml-engineer')]);
    expect(role('ai-engineer').mustHave).toContain('Docker/K8s');
    expect(role('ml-engineer').mustHave).toContain('Docker');
    expect(cmp.skills.shared).not.toContain('Docker/K8s');
    expect(cmp.skills.partial).toEqual([{ byRole: ['Docker/K8s', 'Docker'], common: ['docker'] }]);
    // A compound entry both roles list the same way is still fully shared.
    expect(cmp.skills.shared).toContain('PyTorch/TensorFlow');
  });

  it('finds when one role lies on the other’s career progression', () => {
    const cmp = core.compare([role('ai-engineer'), role('generative-ai-engineer')]);
    expect(cmp.links).toContainEqual(expect.objectContaining({ from: role('ai-engineer'), to: role('generative-ai-engineer'), steps: 1 }));
  });

  it('takes 2 to 4 roles', () => {
    expect(() => core.compare([role('ai-engineer')])).toThrow(RangeError);
    const four = core.compare(['ai-engineer', 'ml-engineer', 'rag-engineer', 'llm-engineer'].map(role));
    expect(four.skills.distinct).toHaveLength(4);
  });
});

describe('browse', () => {
  it('filters by layer and difficulty', () => {
    expect(core.browse({ layer: 'L3' }).map((r) => r.id)).toEqual(['mlops-llmops-engineer', 'ml-engineer', 'inference-optimization-engineer']);
    expect(core.browse({ difficulty: 'accessible' }).map((r) => r.number)).toEqual([3, 7, 11, 21]);
    expect(core.browse({ layer: 'L1', difficulty: 'accessible' })).toEqual([]);
  });

  it('filters by education (at most) and availability (at least)', () => {
    const noDegree = core.browse({ education: 'none' });
    expect(noDegree.map((r) => r.id)).toEqual(['ai-trainer-rlhf']);
    const bachelor = core.browse({ education: 'bachelor' });
    expect(bachelor.every((r) => /^(None|Bachelor)/.test(r.education))).toBe(true);
    const high = core.browse({ availability: 'high' });
    expect(high.every((r) => ['High', 'Very High'].includes(r.availability))).toBe(true);
    expect(high.length).toBeGreaterThan(10);
  });
});

describe('career path', () => {
  it('finds the shortest route over progression edges and tracks', () => {
    const res = core.path('full-stack-ai-engineer', 'ai-solutions-architect');
    expect(res.status).toBe('found');
    if (res.status === 'found') expect(res.steps).toHaveLength(1);
    const depth = core.path('generative-ai-engineer', 'ai-research-scientist');
    expect(depth.status).toBe('found');
    if (depth.status === 'found') {
      expect(depth.steps[0]!.from.id).toBe('generative-ai-engineer');
      expect(depth.steps.at(-1)!.to.id).toBe('ai-research-scientist');
      for (let i = 1; i < depth.steps.length; i++) expect(depth.steps[i]!.from).toBe(depth.steps[i - 1]!.to);
    }
  });

  it('says so when there is no path, and when the path runs the other way', () => {
    expect(core.path('ai-engineer', 'ai-engineer').status).toBe('same');
    const res = core.path('ai-research-scientist', 'ai-trainer-rlhf');
    expect(res.status).toBe('none');
  });
});

describe('skills', () => {
  it('lists roles that need a skill, must-have before nice-to-have', () => {
    const cuda = core.rolesForSkill('CUDA');
    expect(cuda.mustHave.map((h) => h.role.id)).toEqual(expect.arrayContaining(['inference-optimization-engineer', 'ai-compiler-kernel-engineer']));
    expect(cuda.niceToHave.map((h) => h.role.id)).toContain('ml-engineer');
    expect(core.rolesForSkill('k8s').mustHave.length + core.rolesForSkill('k8s').niceToHave.length).toBeGreaterThan(0);
  });

  it('suggests close skills when nothing matches', () => {
    const res = core.rolesForSkill('pytorchh');
    expect(res.mustHave).toEqual([]);
    expect(res.suggestions.join(' ')).toMatch(/PyTorch/);
    expect(core.rolesForSkill('underwater basket weaving').mustHave).toEqual([]);
  });

  it('ranks roles by overlap with their must-haves', () => {
    const ranked = core.match(['C++', 'CUDA', 'compiler design', 'GPU architecture']);
    expect(ranked[0]!.role.id).toBe('ai-compiler-kernel-engineer');
    expect(ranked[0]!.coverage).toBeGreaterThan(0.5);
    const web = core.match(['Python', 'TypeScript', 'React', 'LLM APIs', 'RAG', 'Docker']);
    expect(web[0]!.role.id).toBe('full-stack-ai-engineer');
    expect(core.match([])).toEqual([]);
  });

  it('keeps every role that ties with the last one shown, in a stable order, sharing its rank', () => {
    for (const query of [['Python'], ['SQL'], ['PyTorch'], ['prompt engineering'], ['Docker', 'Kubernetes']]) {
      const all = core.match(query, 100);
      const top = core.match(query, 5);
      expect(top.length, query.join()).toBeGreaterThanOrEqual(Math.min(5, all.length));
      const lastRank = top.at(-1)!.rank;
      // Nothing that ties with the last role shown is left out, and nothing worse is let in.
      expect(top.map((m) => m.role.id)).toEqual(all.filter((m, i) => i < 5 || m.rank === lastRank).map((m) => m.role.id));
      expect(all.filter((m) => m.rank === lastRank).every((m) => top.includes(m) || top.some((t) => t.role.id === m.role.id))).toBe(true);
      expect(core.match(query, 5).map((m) => m.role.id)).toEqual(top.map((m) => m.role.id));
      for (const [i, m] of top.entries()) if (i > 0) expect(m.rank).toBeGreaterThanOrEqual(top[i - 1]!.rank);
    }
  });

  it('ranks a role matched only through nice-to-haves below every role matched through a must-have', () => {
    for (const query of [
      ['Python', 'LangChain'],
      ['Kubernetes', 'RAG'],
      ['CUDA', 'Python'],
    ]) {
      const all = core.match(query, 100);
      const firstNiceOnly = all.findIndex((m) => m.matchedMustHave.length === 0);
      if (firstNiceOnly === -1) continue;
      expect(
        all.slice(firstNiceOnly).every((m) => m.matchedMustHave.length === 0),
        query.join(),
      ).toBe(true);
    }
    const withNiceOnly = core.match(['LangChain'], 100);
    expect(withNiceOnly.some((m) => m.matchedMustHave.length === 0)).toBe(true);
  });
});

describe('per-role extras', () => {
  it('lists interview rounds, certifications, projects and companies that apply', () => {
    const ex = core.extras(role('ml-engineer'));
    const rounds = ex.interviewRounds.map((r) => r.round.id);
    expect(rounds.length).toBeGreaterThanOrEqual(4);
    expect(ex.interviewRounds.some((r) => r.topics.some((t) => /training pipeline/i.test(t)))).toBe(true);
    expect(ex.certifications.map((c) => c.code)).toContain('MLA-C01');
    expect(ex.certifications[0]!.priority).toBe('high');
    expect(ex.projects.some((p) => /MLOps pipeline/i.test(p.title))).toBe(true);
    expect(ex.hiringCompanies.length).toBeGreaterThan(0);
  });

  it('gives the take-home task of the role’s layer', () => {
    const ex = core.extras(role('full-stack-ai-engineer'));
    const takeHome = ex.interviewRounds.find((r) => r.tasks.length > 0);
    expect(takeHome?.tasks).toEqual([{ layer: 'L6', task: expect.stringMatching(/RAG chatbot/i) }]);
  });

  it('gives a role that spans layers the take-home of each, and a cross-cutting role that of its overview layer only', () => {
    const tasks = (id: string) =>
      core
        .extras(role(id))
        .interviewRounds.find((r) => r.round.id === 'take-home')
        ?.tasks.map((t) => t.layer);
    expect(tasks('ai-engineer')).toEqual(['L5', 'L6']);
    expect(tasks('rag-engineer')).toEqual(['L4', 'L5']);
    expect(tasks('applied-ai-scientist')).toEqual(['L3']);
    expect(tasks('ai-safety-red-team-engineer')).toEqual(['L4']);
    expect(tasks('ai-infrastructure-engineer')).toBeUndefined();
  });
});
