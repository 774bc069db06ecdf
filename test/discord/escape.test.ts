import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from 'discord.js';
import { loadKnowledgeBase } from '../../src/core/index.js';
import { escapeMaskedLinks, escapeText, neutraliseMentions, plainText } from '../../src/platforms/discord/escape.js';
import { clip, cut, splitLines } from '../../src/platforms/discord/limits.js';

describe('escape', () => {
  it('neutralises every mention syntax', () => {
    const text =
      '@everyone @here @Everyone <@123456789012345678> <@!123456789012345678> <@&123456789012345678> <#123456789012345678> </role:1> <t:1700000000:R>';
    const out = neutraliseMentions(text);
    expect(out).not.toMatch(/@(everyone|here)|<[@#/]|<t:/i);
    expect(out.replaceAll('\u200b', '')).toBe(text);
  });

  it('escapes markdown so it shows as typed', () => {
    expect(escapeText('**bold** *it* __under__ ~~strike~~ ||spoiler|| `code`')).toBe(
      '\\*\\*bold\\*\\* \\*it\\* \\_\\_under\\_\\_ \\~\\~strike\\~\\~ \\|\\|spoiler\\|\\| \\`code\\`',
    );
    expect(escapeText('# Heading\n- item\n1. first\n> quote\n-# small\n[link](https://x.y)')).toBe(
      '\\# Heading\n\\- item\n1\\. first\n\\> quote\n\\-# small\n\\[link](https://x.y)',
    );
    expect(escapeText('back\\slash')).toBe('back\\\\slash');
  });

  it('escapes every masked link on a line, not only the first', () => {
    const line = 'Pick [AI Engineer](http://evil.example), [AI Engineer](http://evil.example) or [AI Engineer](<http://evil.example>)';
    const out = escapeText(line);
    expect(out).toBe(line.replaceAll('[', '\\['));
    // No unescaped "[" remains before a "](": nothing Discord could render as a link.
    expect(out).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/);
    // A typed backslash before "[" is escaped itself, so it cannot cancel ours.
    expect(escapeText('\\[x](http://e.x)')).toBe('\\\\\\[x](http://e.x)');
    expect(escapeText('[a] and [b]')).toBe('\\[a] and \\[b]'.replaceAll('\\[', '['));
  });

  it('leaves ordinary text alone', () => {
    const text = 'AI Engineer: $100K–$350K+ · L5–L6 · RAG, PyTorch/TensorFlow (LLM APIs)';
    expect(escapeText(text)).toBe(text);
  });

  it('skips escapeMarkdown only for lines it would not change', () => {
    const options = { heading: true, bulletedList: true, numberedList: true, maskedLink: false };
    const slow = (text: string) =>
      text
        .split('\n')
        .map((line) => escapeMaskedLinks(escapeMarkdown(neutraliseMentions(line), options).replace(/^(\s*)(>|-#)/, '$1\\$2')))
        .join('\n');
    const strings = JSON.stringify(loadKnowledgeBase().roles)
      .match(/"(?:[^"\\]|\\.)*"/g)!
      .map((s) => JSON.parse(s) as string);
    strings.push('a_b', '~~x', '||x', '[a](b)', ' - item', '  12. x', '>>> q', 'x > y', '#tag', 'C# and F#', '2. x', 'x*y', 'plain words (and more)');
    expect(strings.length).toBeGreaterThan(500);
    for (const text of strings) expect(escapeText(text), text).toBe(slow(text));
  });

  it('keeps verbatim surfaces free of backslashes but still mention-safe', () => {
    expect(plainText('**bold** @here\nnext line')).toBe('**bold** @\u200bhere next line');
  });
});

describe('limits', () => {
  it('clips cleanly at a word, with an ellipsis, never leaving an escape or half a character', () => {
    expect(clip('short', 10)).toBe('short');
    const clipped = clip('The quick brown fox jumps over the lazy dog', 20);
    expect(clipped).toBe('The quick brown fox…');
    expect(clip('abc\\*def', 5)).toBe('abc…');
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(cut('ab😀', 3)).toBe('ab');
  });

  it('splits text at lines and spaces into chunks within the limit, losing nothing', () => {
    const text = ['short line', 'a much longer line that has to be wrapped over several pieces', 'end'].join('\n');
    const chunks = splitLines(text, 20);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(20);
    expect(chunks.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
    expect(splitLines('x'.repeat(45), 20)).toEqual(['x'.repeat(20), 'x'.repeat(20), 'x'.repeat(5)]);
  });
});
