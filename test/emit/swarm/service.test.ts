/**
 * The Swarm service translations of issue 16, each against what `docker compose up` does (the real-container
 * suite in test/e2e/swarm-behaviour.test.ts runs the same cases on a manager).
 */
import { describe, expect, it } from 'vitest';
import { codes, toSwarm } from './helpers.js';

describe('entrypoint and command', () => {
  const project = (fields: string) => toSwarm(`services:\n  s:\n    image: app:1\n${fields}`);

  it('makes the command the entrypoint when entrypoint: [] clears the image ENTRYPOINT', () => {
    const c = project('    entrypoint: []\n    command: [echo, hi]\n');
    expect(c.services.s).toMatchObject({ entrypoint: ['echo', 'hi'] });
    expect(c.services.s).not.toHaveProperty('command');
    expect(codes(c)).not.toContain('SWARM_ENTRYPOINT_CLEARED');
  });

  it('warns, at the key, when entrypoint: [] has no command to run instead', () => {
    const c = project("    entrypoint: ''\n");
    expect(c.services.s).not.toHaveProperty('entrypoint');
    const d = c.diagnostics.find((x) => x.code === 'SWARM_ENTRYPOINT_CLEARED');
    expect(d?.severity).toBe('warning');
    expect(d?.location).toMatchObject({ line: 4 });
  });

  it('writes nothing for command: [], which the engine ignores as Compose passes it', () => {
    expect(project('    command: []\n').services.s).not.toHaveProperty('command');
    expect(project('    entrypoint: [run]\n    command: []\n').services.s).toMatchObject({ entrypoint: ['run'] });
  });

  it('keeps an entrypoint and a command as written', () => {
    expect(project('    entrypoint: [a]\n    command: [b]\n').services.s).toMatchObject({ entrypoint: ['a'], command: ['b'] });
  });
});

describe('restart policy', () => {
  const policy = (fields: string) => toSwarm(`services:\n  s:\n    image: app:1\n${fields}`).services.s!.deploy?.restart_policy;

  it('restarts only on failure when Compose has no restart: (a one-shot runs once)', () => {
    expect(policy('')).toEqual({ condition: 'on-failure' });
  });

  it.each([
    ['"no"', { condition: 'none' }],
    ['always', { condition: 'any' }],
    ['unless-stopped', { condition: 'any' }],
    ['on-failure', { condition: 'on-failure' }],
    ['on-failure:3', { condition: 'on-failure', max_attempts: 3 }],
  ])('restart: %s', (value, expected) => {
    expect(policy(`    restart: ${value}\n`)).toEqual(expected);
  });

  it('keeps deploy.restart_policy as written', () => {
    expect(policy('    restart: "no"\n    deploy:\n      restart_policy:\n        condition: any\n        delay: 5s\n')).toEqual({ condition: 'any', delay: '5s' });
  });
});

describe('service-level tmpfs', () => {
  it('becomes tmpfs mounts with the size and read-only kept', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    tmpfs: [/run, "/cache:size=64m,ro", "/x:size=100000,noexec,nosuid"]\n');
    expect(c.services.s!.volumes).toEqual([
      { type: 'tmpfs', target: '/run' },
      { type: 'tmpfs', target: '/cache', tmpfs: { size: 64 * 1024 * 1024 }, read_only: true },
      { type: 'tmpfs', target: '/x', tmpfs: { size: 100000 } },
    ]);
    expect(codes(c)).not.toContain('SWARM_UNSUPPORTED');
    expect(codes(c)).not.toContain('SWARM_TMPFS_OPTIONS');
  });

  it('reports the options a stack file cannot set', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    tmpfs: "/run:mode=0700,exec"\n');
    expect(c.services.s!.volumes).toEqual([{ type: 'tmpfs', target: '/run' }]);
    expect(c.diagnostics.find((d) => d.code === 'SWARM_TMPFS_OPTIONS')?.message).toContain('mode=0700, exec');
  });
});

describe('environment', () => {
  it('leaves a valueless, unset entry out, so docker stack deploy cannot fill it from the shell', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    environment: [UNSET_ONE, SET=1]\n');
    expect(c.services.s!.environment).toEqual({ SET: '1' });
    expect(c.diagnostics.find((d) => d.code === 'SWARM_ENV_UNSET')?.severity).toBe('info');
  });

  it('fills a valueless entry from the project environment, as Compose does', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    environment: [FROM_DOTENV]\n', { '.env': 'FROM_DOTENV=x\n' });
    expect(c.services.s!.environment).toEqual({ FROM_DOTENV: 'x' });
  });

  it('keeps an empty value, with the command that deploys it without a shell value', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    environment:\n      A: ""\n      B: ""\n');
    expect(c.services.s!.environment).toEqual({ A: '', B: '' });
    expect(c.diagnostics.find((d) => d.code === 'SWARM_ENV_EMPTY')?.hint).toContain('env -u A -u B docker stack deploy');
  });
});

describe('build-only services', () => {
  it('get the image docker compose builds, <project>-<service>, with a warning at build', () => {
    const c = toSwarm('name: shop\nservices:\n  api:\n    build: ./api\n');
    expect(c.services.api!.image).toBe('shop-api');
    const d = c.diagnostics.find((x) => x.code === 'SWARM_BUILD_ONLY');
    expect(d).toMatchObject({ severity: 'warning', location: { line: 4 } });
    expect(codes(c)).not.toContain('SWARM_UNSUPPORTED');
  });

  it('use the registry prefix when one is given', () => {
    const c = toSwarm('name: shop\nservices:\n  api:\n    build: ./api\n', {}, { imagePrefix: 'registry.example/team/' });
    expect(c.services.api!.image).toBe('registry.example/team/shop-api');
    expect(codes(c)).not.toContain('SWARM_BUILD_ONLY');
  });
});

describe('network_mode: host', () => {
  it('joins the external host network, and drops the ports Compose discards', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    network_mode: host\n    ports: ["80:80"]\n');
    expect(c.services.s!.networks).toEqual({ host: null });
    expect(c.services.s).not.toHaveProperty('ports');
    expect((c.stack as { networks: unknown }).networks).toEqual({ host: { external: true } });
    expect(codes(c)).toEqual(['SWARM_HOST_NETWORK_PORTS']);
  });

  it('declares it under another key when the project has its own network called host', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    network_mode: host\n  t:\n    image: app:1\n    networks: [host]\nnetworks:\n  host: {}\n');
    expect(c.services.s!.networks).toEqual({ host_network: null });
    expect((c.stack as { networks: Record<string, unknown> }).networks.host_network).toEqual({ external: true, name: 'host' });
  });

  it('still reports the network modes Swarm has no equivalent for', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    network_mode: none\n');
    expect(c.diagnostics.find((d) => d.code === 'SWARM_UNSUPPORTED')?.message).toContain('network_mode');
  });
});

describe('service names', () => {
  it.each(['web.1', 'web-', 'web_'])('rejects %s, which Swarm refuses mid-deploy, at the service key', (name) => {
    const c = toSwarm(`services:\n  ${name}:\n    image: app:1\n`);
    const d = c.diagnostics.find((x) => x.code === 'SWARM_SERVICE_NAME');
    expect(d).toMatchObject({ severity: 'error', location: { line: 2 } });
  });

  it('accepts letters, digits, - and _ inside', () => {
    expect(codes(toSwarm('services:\n  web_1-a:\n    image: app:1\n'))).not.toContain('SWARM_SERVICE_NAME');
  });

  it('warns when the project name makes <stack>_<service> longer than 63 characters', () => {
    const c = toSwarm(`name: ${'p'.repeat(50)}\nservices:\n  ${'s'.repeat(20)}:\n    image: app:1\n`);
    expect(c.diagnostics.find((d) => d.code === 'SWARM_STACK_NAME')?.severity).toBe('warning');
  });
});

describe('noise', () => {
  it('says nothing about privileged: false or profiles, which were applied', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    privileged: false\n    profiles: [""]\n'.replace('[""]', '[web]'), {}, {}, { COMPOSE_PROFILES: 'web' });
    expect(c.diagnostics).toEqual([]);
  });

  it('still reports privileged: true', () => {
    expect(codes(toSwarm('services:\n  s:\n    image: app:1\n    privileged: true\n'))).toContain('SWARM_UNSUPPORTED');
  });
});

describe('bind sources', () => {
  it('warns when a bind source does not exist, since Swarm does not create it', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    volumes: ["./missing:/m", "./there:/t"]\n', { 'there/file': 'x' });
    const missing = c.diagnostics.filter((d) => d.code === 'SWARM_BIND_MISSING');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'warning' });
    expect(missing[0]!.message).toContain('./missing');
  });

  it("warns about ~, which docker stack deploy expands with the deploying user's HOME", () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    volumes: ["~/data:/d"]\n', {});
    expect(codes(c)).toContain('SWARM_BIND_MISSING');
    const home = toSwarm('services:\n  s:\n    image: app:1\n    volumes: ["~/data:/d"]\n', { '../home/u/data/x': 'x' });
    expect(codes(home)).toContain('SWARM_BIND_HOME');
  });
});
