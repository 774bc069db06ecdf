import { describe, expect, it } from 'vitest';
import { asEngineer, withoutRank, WordPairs } from '../../src/core/resolve/title-words.js';

describe('title rewrites', () => {
  it('reads "Developer" as "Engineer", except beside a customer-facing word or an Engineer already there', () => {
    expect(asEngineer(['llm', 'developer'])).toEqual(['llm', 'engineer']);
    expect(asEngineer(['ai', 'solutions', 'developer'])).toBeUndefined();
    expect(asEngineer(['developer', 'relations', 'engineer'])).toBeUndefined();
    expect(asEngineer(['ml', 'engineer'])).toBeUndefined();
  });

  it('drops the rank around a title and keeps what is left', () => {
    expect(withoutRank(['head', 'of', 'mlops'])).toEqual(['mlops']);
    expect(withoutRank(['rag', 'engineer', 'lead'])).toEqual(['rag', 'engineer']);
    expect(withoutRank(['nlp', 'tech', 'lead'])).toEqual(['nlp']);
    expect(withoutRank(['tech', 'lead', 'computer', 'vision'])).toEqual(['computer', 'vision']);
    expect(withoutRank(['tech', 'lead'])).toBeUndefined();
    expect(withoutRank(['head', 'of'])).toBeUndefined();
    expect(withoutRank(['ai', 'ethics', 'governance'])).toBeUndefined();
  });

  it('pairs the words of one key in either order, "Developer" counted as "Engineer"', () => {
    const pairs = new WordPairs([
      { tokens: ['applied', 'ml', 'scientist'], roleId: 'applied-ai-scientist' },
      { tokens: ['ai', 'data', 'pipeline', 'engineer'], roleId: 'ai-data-engineer' },
    ]);
    expect([...(pairs.roles('ml', 'applied') ?? [])]).toEqual(['applied-ai-scientist']);
    expect([...(pairs.roles('pipeline', 'developer') ?? [])]).toEqual(['ai-data-engineer']);
    expect(pairs.roles('applied', 'data')).toBeUndefined();
  });
});
