import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/exit-codes.js';
import { memoryIo } from '../helpers/streams.js';

async function cli(args: string[]) {
  const m = memoryIo('', true);
  const code = await main(args, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

const PUBLIC = 'https://rolecall.example.org';

describe("the CLI's --json names the answer's page when ROLECALL_PUBLIC_URL is set", () => {
  afterEach(() => vi.unstubAllEnvs());

  it('role --json: "url" beside the role; compare and path: "url" beside the view, which links to it', async () => {
    vi.stubEnv('ROLECALL_PUBLIC_URL', PUBLIC);
    const role = await cli(['role', 'mle', '--json']);
    expect(role.code).toBe(EXIT.ok);
    expect(JSON.parse(role.stdout)).toMatchObject({ status: 'found', role: { id: 'ml-engineer' }, url: `${PUBLIC}/roles/ml-engineer` });

    const compare = JSON.parse((await cli(['compare', 'AI Engineer', 'ML Engineer', '--json'])).stdout);
    expect(compare.url).toBe(`${PUBLIC}/compare/ai-engineer/ml-engineer`);
    expect(compare.view.actions[0]).toEqual({ type: 'link', label: 'View page', url: compare.url });

    const path = JSON.parse((await cli(['path', 'Prompt Engineer', 'AI Engineer', '--json'])).stdout);
    expect(path.url).toBe(`${PUBLIC}/path/prompt-engineer/ai-engineer`);

    const asked = JSON.parse((await cli(['ask', 'what does an ai engineer do', '--json'])).stdout);
    expect(asked.url).toBe(`${PUBLIC}/roles/ai-engineer`);
  });

  it('an answer with no page, or a role not found, has no "url"', async () => {
    vi.stubEnv('ROLECALL_PUBLIC_URL', PUBLIC);
    expect(JSON.parse((await cli(['roles', '--json'])).stdout).url).toBeUndefined();
    const missing = await cli(['role', 'zzzz qqqq', '--json']);
    expect(JSON.parse(missing.stdout)).not.toHaveProperty('url');
  });

  it('without ROLECALL_PUBLIC_URL nothing changes: no "url", no link action', async () => {
    vi.stubEnv('ROLECALL_PUBLIC_URL', '');
    expect(JSON.parse((await cli(['role', 'mle', '--json'])).stdout)).not.toHaveProperty('url');
    const compare = JSON.parse((await cli(['compare', 'AI Engineer', 'ML Engineer', '--json'])).stdout);
    expect(compare).not.toHaveProperty('url');
    expect(compare.view.actions.some((a: { type: string }) => a.type === 'link')).toBe(false);
  });

  it('a ROLECALL_PUBLIC_URL that is no http(s) URL is a usage error', async () => {
    vi.stubEnv('ROLECALL_PUBLIC_URL', 'javascript:alert(1)');
    const run = await cli(['role', 'mle', '--json']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('ROLECALL_PUBLIC_URL: expected an http(s) URL');
  });
});
