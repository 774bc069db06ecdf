import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Routes } from 'discord.js';
import { PNG } from 'pngjs';
import { createCore, type Core } from '../../src/core/index.js';
import type { RecordedRequest } from '../fakes/discord/index.js';
import { embedOf, startHarness, type Harness } from './harness.js';

let core: Core;
let h: Harness;
let broken: Harness;

beforeAll(async () => {
  core = createCore();
  h = await startHarness(core);
  broken = await startHarness(core, {
    start: {
      renderChart: () => Promise.reject(new Error('renderer exploded')),
    },
  });
});

afterAll(async () => {
  await h?.stop();
  await broken?.stop();
});

/** The request that delivered the interaction's answer: the callback, or the edit after a deferral. */
async function answerOf(harness: Harness, interactionId: string, token: string): Promise<RecordedRequest> {
  const sent = harness.fake.rest.interactions.get(interactionId)!;
  await harness.fake.waitForRequest(
    (r) =>
      r.status >= 200 &&
      r.status < 300 &&
      ((r.path.includes(`/interactions/${interactionId}/`) && (r.body as { type?: number }).type === 4) ||
        (r.method === 'PATCH' && r.path.includes(`/${token}/messages/@original`))),
    20_000,
  );
  expect(sent.acked).toBe(true);
  return harness.fake.requests.filter((r) => r.status >= 200 && r.status < 300 && (r.path.includes(interactionId) || r.path.includes(token))).at(-1)!;
}

function messageData(r: RecordedRequest): Record<string, unknown> {
  const body = r.body as Record<string, unknown>;
  return r.path.includes('/callback') ? (body.data as Record<string, unknown>) : body;
}

describe('charts on Discord', () => {
  it('/compare attaches the PNG and the embed image points at it, through the fake’s upload checks', async () => {
    const sent = h.fake.interaction.chatInput('compare', { role_a: 'AI Engineer', role_b: 'ML Engineer' });
    h.fake.send(sent);
    const request = await answerOf(h, sent.id, sent.token);
    expect(String(request.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.files).toHaveLength(1);
    const file = request.files[0]!;
    expect(file.filename).toBe('compare-ai-engineer-vs-ml-engineer.png');
    const png = PNG.sync.read(file.data);
    expect(png.width).toBeGreaterThan(400);
    const data = messageData(request);
    const embed = embedOf(data) as { title?: string; image?: { url: string } };
    expect(embed.title).toBe('AI Engineer vs ML Engineer');
    expect(embed.image?.url).toBe(`attachment://${file.filename}`);
    expect(data.attachments).toEqual([expect.objectContaining({ id: '0', description: expect.stringContaining('ML Engineer mid $149K–$200K') })]);
    // What Discord stores: the attachment on the CDN, and the embed image resolved to it.
    const stored = h.fake.rest.interactions.get(sent.id)!.original!;
    expect(stored.attachments[0]).toMatchObject({ filename: file.filename, size: file.data.length, content_type: 'image/png' });
    expect(stored.embeds[0]?.image?.url).toBe(stored.attachments[0]!.url);
    // The text answer is all there beside the picture.
    expect(JSON.stringify(embed)).toContain('$140K–$211K');
  });

  it('/salary and /path carry charts; answers without one go out as plain JSON', async () => {
    for (const [name, options, file] of [
      ['salary', { role: 'AI Engineer', market: 'india' }, 'salary-ai-engineer.png'],
      ['path', { from: 'AI Engineer', to: 'AI Solutions Architect' }, 'path-ai-engineer-vs-ai-solutions-architect.png'],
    ] as const) {
      const sent = h.fake.interaction.chatInput(name, options);
      h.fake.send(sent);
      const request = await answerOf(h, sent.id, sent.token);
      expect(request.files.map((f) => f.filename)).toEqual([file]);
      expect((embedOf(messageData(request)) as { image?: { url: string } }).image?.url).toBe(`attachment://${file}`);
    }
    const role = await h.fake.roundTrip(h.fake.interaction.chatInput('role', { name: 'AI Engineer' }));
    expect(String(role.request.headers['content-type'])).toMatch(/^application\/json/);
    expect(role.request.files).toEqual([]);
  });

  it('a chart that fails to render still sends the text answer, and logs the error', async () => {
    const sent = broken.fake.interaction.chatInput('salary', { role: 'ML Engineer' });
    broken.fake.send(sent);
    const request = await answerOf(broken, sent.id, sent.token);
    expect(request.files).toEqual([]);
    const embed = embedOf(messageData(request)) as { title?: string; image?: unknown };
    expect(embed.title).toBe('ML Engineer: pay by level');
    expect(embed.image).toBeUndefined();
    const line = await broken.logs.waitFor((l) => l.msg === 'chart failed to render; sending the text answer alone');
    expect(line).toMatchObject({ chart: 'salary-range', err: expect.objectContaining({ message: 'renderer exploded' }) });
  });

  it('the fake refuses what Discord refuses: a reference to no uploaded file, an unlisted file, a bad filename', async () => {
    const rest = h.runtime.rest;
    const route = Routes.channelMessages(h.fake.channelId);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const embed = (url: string) => ({ embeds: [{ title: 't', image: { url } }] });
    await expect(
      rest.post(route, { body: { ...embed('attachment://other.png'), attachments: [{ id: 0 }] }, files: [{ name: 'chart.png', data: png }] }),
    ).rejects.toThrow(/attachment:\/\/other\.png names no uploaded file/);
    await expect(rest.post(route, { body: embed('attachment://chart.png') })).rejects.toThrow(/names no uploaded file/);
    await expect(rest.post(route, { body: { ...embed('attachment://chart.png') }, files: [{ name: 'chart.png', data: png }] })).rejects.toThrow(
      /files\[0\]: not listed in attachments/,
    );
    await expect(rest.post(route, { body: { content: 'x', attachments: [{ id: 0 }] }, files: [{ name: 'my chart.png', data: png }] })).rejects.toThrow(
      /cannot be referenced/,
    );
    const ok = (await rest.post(route, {
      body: { ...embed('attachment://chart.png'), attachments: [{ id: 0 }] },
      files: [{ name: 'chart.png', data: png }],
    })) as {
      attachments: Array<{ url: string }>;
      embeds: Array<{ image: { url: string } }>;
    };
    expect(ok.embeds[0]!.image.url).toBe(ok.attachments[0]!.url);
  });
});
