import { describe, expect, it } from 'vitest';
import { validateAttachments, type UploadedFile } from '../fakes/discord/attachments.js';
import { countComponents, IS_COMPONENTS_V2, textDisplays, validateMessage } from '../fakes/discord/index.js';

/** The fake's Components V2 checks, each against Discord's documented rule. */
const V2 = IS_COMPONENTS_V2;
const text = (content: string) => ({ type: 10, content });
const button = (custom_id: string) => ({ type: 2, style: 2, label: 'Next', custom_id });
const section = (texts: unknown[], accessory?: unknown) => ({ type: 9, components: texts, ...(accessory ? { accessory } : {}) });
const container = (components: unknown[], accent_color?: unknown) => ({ type: 17, components, ...(accent_color !== undefined ? { accent_color } : {}) });
const gallery = (...urls: string[]) => ({ type: 12, items: urls.map((url) => ({ media: { url } })) });
const card = () =>
  container(
    [text('## AI Engineer'), { type: 14, divider: true, spacing: 1 }, section([text('Pay')], button('rc1:a')), gallery('https://x.test/c.png')],
    0x5865f2,
  );
const problems = (components: unknown[], extra: Record<string, unknown> = {}) => validateMessage({ flags: V2, components, ...extra }, true);

describe('fake Discord: Components V2', () => {
  it('accepts a container with an accent colour, a section with a button, a separator and a media gallery', () => {
    expect(problems([card()])).toEqual([]);
    expect(problems([section([text('a')], { type: 11, media: { url: 'https://x.test/t.png' }, description: 'alt' })])).toEqual([]);
  });

  it('refuses layout components without the flag, and content or embeds with it', () => {
    expect(validateMessage({ components: [card()] }, true).join()).toMatch(/need the IS_COMPONENTS_V2 flag/);
    expect(validateMessage({ components: [{ type: 1, components: [section([text('a')], button('x'))] }] }, true).join()).toMatch(/IS_COMPONENTS_V2/);
    expect(problems([card()], { content: 'hi' }).join()).toMatch(/content: cannot be sent/);
    expect(problems([card()], { embeds: [{ title: 'x' }] }).join()).toMatch(/embeds: cannot be sent/);
    // Classic messages are unaffected.
    expect(validateMessage({ content: 'hi', components: [{ type: 1, components: [button('a')] }] }, true)).toEqual([]);
  });

  it('requires 1–3 text displays and exactly one button or thumbnail accessory in a section', () => {
    expect(problems([section([], button('a'))]).join()).toMatch(/1–3 text displays, not 0/);
    expect(problems([section([text('1'), text('2'), text('3'), text('4')], button('a'))]).join()).toMatch(/not 4/);
    expect(problems([section([text('1')])]).join()).toMatch(/exactly one accessory/);
    expect(problems([section([button('b')], button('a'))]).join()).toMatch(/text displays \(type 10\) only/);
    expect(problems([section([text('1')], { type: 3, custom_id: 's', options: [] })]).join()).toMatch(/accessory.type: 3 is not a button/);
    expect(problems([section([text('1')], { type: 2, style: 2, custom_id: 'a' })]).join()).toMatch(/needs a label/);
  });

  it('checks accent colours, nesting, separators, empty text and galleries', () => {
    for (const bad of [-1, 0x1000000, 1.5, '#fff']) expect(problems([container([text('a')], bad)]).join()).toMatch(/accent_color/);
    expect(problems([container([text('a')], null)])).toEqual([]);
    expect(problems([container([container([text('a')])])]).join()).toMatch(/cannot hold a container/);
    expect(problems([container([])]).join()).toMatch(/at least one component/);
    expect(problems([{ type: 14, spacing: 3 }]).join()).toMatch(/spacing/);
    expect(problems([text('  ')]).join()).toMatch(/content: required/);
    expect(problems([gallery()]).join()).toMatch(/items: 0 not in 1–10/);
    expect(problems([gallery(...Array.from({ length: 11 }, (_, i) => `https://x.test/${i}.png`))]).join()).toMatch(/items: 11/);
    expect(problems([{ type: 12, items: [{ media: {} }] }]).join()).toMatch(/media.url: required/);
    expect(problems([{ type: 11, media: { url: 'https://x' } }]).join()).toMatch(/cannot be a top-level component/);
  });

  it('counts nested components against 40 and text display content against 4,000 characters', () => {
    const sections = (n: number) => Array.from({ length: n }, (_, i) => section([text(`s${i}`)], button(`b${i}`)));
    // A container, 13 sections of (section + text + button) = 1 + 39 = 40.
    expect(countComponents([container(sections(13))])).toBe(40);
    expect(problems([container(sections(13))])).toEqual([]);
    expect(problems([container([...sections(13), text('one more')])]).join()).toMatch(/41 components in total > 40/);
    expect(problems([text('x'.repeat(2000)), container([text('y'.repeat(2000))])])).toEqual([]);
    expect(problems([text('x'.repeat(2000)), container([text('y'.repeat(2001))])]).join()).toMatch(/4001 characters of text display content/);
    expect(textDisplays([card()])).toEqual(['## AI Engineer', 'Pay']);
  });

  it('keeps custom ids unique across sections and rows', () => {
    const dup = container([section([text('a')], button('same')), { type: 1, components: [button('same')] }]);
    expect(problems([dup]).join()).toMatch(/duplicate custom_id same/);
  });

  it('requires every attachment:// in a gallery or thumbnail to name an uploaded file', () => {
    const file: UploadedFile = { index: 0, filename: 'chart.png', contentType: 'image/png', data: Buffer.from('png') };
    const body = (url: string) => ({ flags: V2, attachments: [{ id: '0' }], components: [container([gallery(url)])] });
    expect(validateAttachments(body('attachment://chart.png'), [file])).toEqual([]);
    expect(validateAttachments(body('attachment://other.png'), [file]).join()).toMatch(
      /items\[0\]\.media\.url: attachment:\/\/other.png names no uploaded file/,
    );
    const thumb = { flags: V2, components: [section([text('a')], { type: 11, media: { url: 'attachment://t.png' } })] };
    expect(validateAttachments(thumb, []).join()).toMatch(/components\[0\]\.accessory\.media\.url: attachment:\/\/t.png names no uploaded file/);
  });
});
