import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** docker-compose.yml and its Caddyfile, read as compose reads them (YAML, the `<<` merge key applied). */
const root = new URL('../../', import.meta.url);

interface Service {
  image?: string;
  build?: unknown;
  profiles?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition?: string; required?: boolean }> | string[];
  volumes?: string[];
}

const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const active = (profiles: string[]) => Object.entries(services).filter(([, s]) => !s.profiles || s.profiles.some((p) => profiles.includes(p)));

describe('docker-compose.yml', () => {
  it('starts the Discord REST proxy only under the discord profile, and nothing needs it without', () => {
    expect(services['discord-proxy']?.profiles).toEqual(['discord']);
    const plain = active([]);
    expect(plain.map(([name]) => name)).not.toContain('discord-proxy');
    expect(plain.map(([name]) => name)).toEqual(expect.arrayContaining(['postgres', 'rolecall-a', 'rolecall-b', 'lb']));
    for (const [name, s] of plain) {
      const dep = Array.isArray(s.depends_on) ? undefined : s.depends_on?.['discord-proxy'];
      if (Array.isArray(s.depends_on)) expect(s.depends_on, name).not.toContain('discord-proxy');
      if (dep) expect(dep.required, name).toBe(false);
    }
    // Compose reads every service's variables: a required DISCORD_TOKEN would stop a Slack-only start.
    expect(readFileSync(new URL('docker-compose.yml', root), 'utf8')).not.toMatch(/\$\{DISCORD_[A-Z_]*:\?/);
  });

  it('checks /healthz: the balancer before routing to a replica, and compose on each replica', () => {
    const caddyfile = readFileSync(new URL('deploy/Caddyfile', root), 'utf8');
    expect(services.lb?.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    expect(caddyfile).toMatch(/reverse_proxy rolecall-a:3000 rolecall-b:3000 \{[^}]*health_uri \/healthz/);
    for (const name of ['rolecall-a', 'rolecall-b']) expect(services[name]?.healthcheck?.test?.join(' '), name).toContain('/healthz');
  });

  it('pins every pulled image to a version (no :latest, no bare name)', () => {
    for (const [name, s] of Object.entries(services)) {
      if (!s.image) continue;
      expect(s.image, name).toMatch(/^[a-z0-9./-]+:[\w.-]+$/);
      expect(s.image, name).not.toMatch(/:latest$/);
    }
    expect(services['discord-proxy']?.image).toBe('discordjs/proxy:1');
  });
});
