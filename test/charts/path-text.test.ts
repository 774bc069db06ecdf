import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../helpers/streams.js';

describe('the path map as text', () => {
  it('draws a chain, each move hanging from the role before it', async () => {
    const m = memoryIo('', true);
    await main(['path', 'Prompt Engineer', 'AI Solutions Architect'], m.io);
    const lines = m.stdout().split('\n');
    const first = lines.findIndex((l) => l.startsWith('[Prompt Engineer'));
    expect(lines.slice(first, first + 3)).toEqual([
      '[Prompt Engineer / AI Interaction Specialist]',
      '  └─(progression)→ [AI Engineer]',
      '      └─(progression)→ [AI Solutions Architect]',
    ]);
  });
});
