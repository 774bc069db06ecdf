import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { decodeSlackText, escapeText } from '../../src/platforms/slack/escape.js';
import { type MentionSyntax, parseMention, stripBotMention } from '../../src/platforms/slack/mention-parse.js';
import { decodeShare, encodeShare } from '../../src/platforms/slack/share.js';

const compare = commands.find((c) => c.name === 'compare')!;
const syntax: MentionSyntax = {
  botUserId: 'U0BOT',
  commandNames: commands.map((c) => c.name),
  isComparison: (t) => Object.values(compare.parseText(t)).filter(Boolean).length >= 2,
  hasParts: (t) => Object.values(compare.parseText(t)).filter(Boolean).length >= 2,
};
const parse = (text: string) => parseMention(text, syntax);

describe('mention parsing', () => {
  it('strips the bot’s own mention in either form, wherever it is', () => {
    expect(stripBotMention('<@U0BOT> hi <@U0BOT|rolecall> there <@U0OTHER>', 'U0BOT')).toBe('  hi   there <@U0OTHER>');
  });

  it('reads comparisons with or without "compare", with vs / and / , / |', () => {
    expect(parse('<@U0BOT> compare AI Engineer vs ML Engineer')).toEqual({ kind: 'compare', text: 'AI Engineer vs ML Engineer' });
    for (const text of ['AI Engineer vs ML Engineer', 'AI Engineer and ML Engineer', 'AI Engineer, ML Engineer', 'AI Engineer | ML Engineer']) {
      expect(parse(`<@U0BOT> ${text}`)).toEqual({ kind: 'compare', text });
    }
  });

  it('reads refinements of the thread’s comparison', () => {
    expect(parse('<@U0BOT> add RAG Engineer')).toEqual({ kind: 'add', role: 'RAG Engineer' });
    expect(parse('<@U0BOT> drop ML Engineer')).toEqual({ kind: 'drop', role: 'ML Engineer' });
    expect(parse('<@U0BOT> remove ML Engineer')).toEqual({ kind: 'drop', role: 'ML Engineer' });
    expect(parse('<@U0BOT> salary india')).toEqual({ kind: 'salary', market: 'india' });
    expect(parse('<@U0BOT> salary in US')).toEqual({ kind: 'salary', market: 'us' });
    expect(parse('<@U0BOT> salary')).toEqual({ kind: 'salary' });
    expect(parse('<@U0BOT> path')).toEqual({ kind: 'path' });
  });

  it('runs commands by name, and anything else as a question in plain words', () => {
    expect(parse('<@U0BOT> role MLOps')).toEqual({ kind: 'command', name: 'role', text: 'MLOps' });
    expect(parse('<@U0BOT> salary ML Engineer india')).toEqual({ kind: 'command', name: 'salary', text: 'ML Engineer india' });
    expect(parse('<@U0BOT> path AI Engineer to AI Solutions Architect')).toEqual({
      kind: 'command',
      name: 'path',
      text: 'AI Engineer to AI Solutions Architect',
    });
    expect(parse('<@U0BOT> help')).toEqual({ kind: 'command', name: 'help', text: '' });
    expect(parse('<@U0BOT>')).toEqual({ kind: 'command', name: 'help', text: '' });
    expect(parse('<@U0BOT> about')).toEqual({ kind: 'command', name: 'about', text: '' });
    expect(parse('<@U0BOT> about ML Engineers in india')).toEqual({ kind: 'ask', text: 'about ML Engineers in india' });
    expect(parse('<@U0BOT>: Prompt Engineer')).toEqual({ kind: 'ask', text: 'Prompt Engineer' });
    expect(parse('<@U0BOT> how much do ML engineers make in india?')).toEqual({ kind: 'ask', text: 'how much do ML engineers make in india?' });
    // "compare" with one part is a follow-up question, not a comparison missing its second role.
    expect(parse('<@U0BOT> compare it with MLOps')).toEqual({ kind: 'ask', text: 'compare it with MLOps' });
  });

  it('decodes Slack’s entities before parsing', () => {
    expect(parse('<@U0BOT> role AI Ethics &amp; Governance Lead')).toEqual({ kind: 'command', name: 'role', text: 'AI Ethics & Governance Lead' });
    expect(decodeSlackText(escapeText('<!channel> & <@U1>'))).toBe('<!channel> & <@U1>');
  });
});

describe('share button payloads', () => {
  it('round-trip a command with its text, and an encoded invocation', () => {
    expect(decodeShare(encodeShare({ command: 'compare', text: 'a vs b' })!)).toEqual({ command: 'compare', text: 'a vs b' });
    expect(decodeShare(encodeShare({ encoded: 'rc1:role?name=%238' })!)).toEqual({ encoded: 'rc1:role?name=%238' });
  });

  it('refuse what does not fit Slack’s 2000-character value, and reject junk', () => {
    expect(encodeShare({ command: 'match', text: 'x'.repeat(2000) })).toBeUndefined();
    expect(decodeShare('not json')).toBeUndefined();
    expect(decodeShare(JSON.stringify({ v: 2, c: 'role', t: 'x' }))).toBeUndefined();
    expect(decodeShare(JSON.stringify({ v: 1, c: 'Role!', t: 'x' }))).toBeUndefined();
  });
});
