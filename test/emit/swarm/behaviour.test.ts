/**
 * Issue 16: the Swarm stack behaves as under `docker compose up` where docker stack deploy differs by default
 * (restart, empty entrypoint/command, service-level tmpfs, build-only services), or the difference is reported.
 */
import { describe, expect, it } from 'vitest';
import { convert, type SwarmConversion } from '../../../src/convert.js';
import { memoryHost } from '../../../src/load/host.js';
import { load } from '../../../src/load/loader.js';

function toSwarm(compose: string): SwarmConversion {
  const loaded = load({ host: memoryHost({ '/p/compose.yaml': compose }, { cwd: '/p' }), cwd: '/p', env: {} });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return convert(loaded.project!, { target: 'swarm' }) as SwarmConversion;
}

function service(result: SwarmConversion, name: string): Record<string, any> {
  return (result.stack as { services: Record<string, Record<string, any>> }).services[name]!;
}

const codes = (result: SwarmConversion) => result.diagnostics.map((d) => d.code);

describe('restart', () => {
  it('runs a service without a restart key once, restarting it only on failure', () => {
    const result = toSwarm('services:\n  migrate: {image: busybox, command: ["true"]}\n');
    expect(service(result, 'migrate').deploy.restart_policy).toEqual({ condition: 'on-failure' });
  });

  it.each([
    ['"no"', 'none'],
    ['always', 'any'],
    ['unless-stopped', 'any'],
    ['on-failure', 'on-failure'],
  ])('restart: %s becomes condition %s', (restart, condition) => {
    const result = toSwarm(`services:\n  app: {image: busybox, restart: ${restart}}\n`);
    expect(service(result, 'app').deploy.restart_policy.condition).toBe(condition);
  });

  it('keeps an explicit deploy.restart_policy', () => {
    const result = toSwarm('services:\n  app: {image: busybox, deploy: {restart_policy: {condition: any}}}\n');
    expect(service(result, 'app').deploy.restart_policy).toEqual({ condition: 'any' });
  });
});

describe('empty entrypoint and command', () => {
  it('runs the command as the entrypoint when entrypoint: [] clears the image’s', () => {
    const app = service(toSwarm('services:\n  app: {image: busybox, entrypoint: [], command: [echo, hi]}\n'), 'app');
    expect(app.entrypoint).toEqual(['echo', 'hi']);
    expect(app.command).toBeUndefined();
  });

  it('leaves command: [] out after an entrypoint (the engine then drops the image’s CMD)', () => {
    const app = service(toSwarm('services:\n  app: {image: busybox, entrypoint: [run.sh], command: []}\n'), 'app');
    expect(app.entrypoint).toEqual(['run.sh']);
    expect(app.command).toBeUndefined();
  });

  it('warns where the other half is in the image', () => {
    expect(codes(toSwarm('services:\n  app: {image: busybox, entrypoint: []}\n'))).toContain('SWARM_ENTRYPOINT_CLEARED');
    expect(codes(toSwarm('services:\n  app: {image: busybox, command: []}\n'))).toContain('SWARM_COMMAND_CLEARED');
  });
});

describe('service-level tmpfs', () => {
  it('becomes tmpfs volumes, with their size', () => {
    const result = toSwarm('services:\n  app: {image: busybox, tmpfs: ["/run:size=64m", /tmp]}\n');
    expect(service(result, 'app').volumes).toEqual([
      { type: 'tmpfs', target: '/run', tmpfs: { size: 64 * 1024 * 1024 } },
      { type: 'tmpfs', target: '/tmp' },
    ]);
    expect(codes(result)).not.toContain('SWARM_UNSUPPORTED');
  });
});

describe('build-only services', () => {
  it('run the image docker compose builds, with a warning', () => {
    const result = toSwarm('name: shop\nservices:\n  api: {build: .}\n');
    expect(service(result, 'api').image).toBe('shop-api');
    expect(result.diagnostics.find((d) => d.code === 'SWARM_BUILD_ONLY')?.severity).toBe('warning');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('names and noise', () => {
  it('refuses a service name Swarm would refuse mid-deploy', () => {
    const result = toSwarm('services:\n  api.v2: {image: busybox}\n');
    const error = result.diagnostics.find((d) => d.code === 'SWARM_SERVICE_NAME');
    expect(error?.severity).toBe('error');
    expect(error?.location?.file).toBe('compose.yaml');
  });

  it('does not report privileged: false, but does report privileged: true', () => {
    expect(codes(toSwarm('services:\n  app: {image: busybox, privileged: false}\n'))).not.toContain('SWARM_UNSUPPORTED');
    expect(codes(toSwarm('services:\n  app: {image: busybox, privileged: true}\n'))).toContain('SWARM_UNSUPPORTED');
  });
});

describe('environment', () => {
  it('leaves a valueless entry out, so docker stack deploy cannot fill it from the shell; an empty value stays', () => {
    const result = toSwarm('services:\n  app:\n    image: busybox\n    environment: [FOO, "EMPTY=", SET=1]\n');
    expect(service(result, 'app').environment).toEqual({ EMPTY: '', SET: '1' });
    expect(result.diagnostics.find((d) => d.code === 'SWARM_ENV_UNSET')?.message).toContain('FOO');
  });
});

describe('configs named by content', () => {
  it('gives an edited config a new name, so a redeploy rolls the service instead of failing', () => {
    const project = (content: string) => toSwarm(`name: shop\nservices:\n  app: {image: busybox, configs: [site]}\nconfigs:\n  site: {content: "${content}"}\n`);
    const name = (r: SwarmConversion) => ((r.stack as { configs: Record<string, { name: string }> }).configs.site!.name);
    expect(name(project('v1'))).toMatch(/^shop_site-[0-9a-f]{8}$/);
    expect(name(project('v1'))).toBe(name(project('v1')));
    expect(name(project('v2'))).not.toBe(name(project('v1')));
  });
});

describe('network_mode: host', () => {
  it('joins Swarm’s external host network instead of being dropped', () => {
    const result = toSwarm('services:\n  agent: {image: busybox, network_mode: host}\n  web: {image: nginx}\n');
    expect(service(result, 'agent').networks).toEqual({ host: null });
    expect((result.stack as { networks: Record<string, unknown> }).networks.host).toEqual({ external: true });
    expect(codes(result)).not.toContain('SWARM_UNSUPPORTED');
  });
});

describe('bind sources', () => {
  it('warns that a relative bind source must exist on every node, and that ~ is the deploying user’s home', () => {
    const result = toSwarm('services:\n  app:\n    image: busybox\n    volumes: ["./data:/data", "~/cache:/cache"]\n');
    expect(result.diagnostics.find((d) => d.code === 'SWARM_BIND_PATH')?.severity).toBe('warning');
    expect(result.diagnostics.find((d) => d.code === 'SWARM_BIND_HOME')?.message).toContain('~/cache');
  });
});
