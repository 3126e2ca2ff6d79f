/**
 * Service mounts where the stack format cannot say what Compose does (src/emit/swarm/volumes.ts).
 */
import { describe, expect, it } from 'vitest';
import { swarmSchemaErrors } from '../../helpers/swarm-schema.js';
import { codes, toSwarm } from './helpers.js';

describe('mount options the v3 format lacks', () => {
  it('reports volume.subpath at volumes, since Swarm mounts the whole volume', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    volumes:\n      - type: volume\n        source: data\n        target: /srv\n        volume:\n          subpath: site\nvolumes:\n  data: {}\n');
    expect(c.services.s!.volumes).toEqual([{ type: 'volume', source: 'data', target: '/srv' }]);
    const d = c.diagnostics.find((x) => x.code === 'SWARM_VOLUME_SUBPATH');
    expect(d).toMatchObject({ severity: 'warning', location: { line: 5 } });
    expect(d?.message).toContain('subdirectory site');
    expect(d?.hint).toContain('/srv/site');
    expect(swarmSchemaErrors(c.stack)).toEqual([]);
  });

  it('reports a tmpfs mode at volumes, since Swarm mounts tmpfs with mode 1777', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    volumes:\n      - type: tmpfs\n        target: /scratch\n        tmpfs:\n          size: 1000000\n          mode: 0700\n');
    expect(c.services.s!.volumes).toEqual([{ type: 'tmpfs', target: '/scratch', tmpfs: { size: 1000000 } }]);
    const d = c.diagnostics.find((x) => x.code === 'SWARM_TMPFS_OPTIONS');
    expect(d).toMatchObject({ severity: 'warning', location: { line: 5 } });
    expect(d?.message).toContain('0700 in octal');
    expect(swarmSchemaErrors(c.stack)).toEqual([]);
  });

  it('says nothing of tmpfs mode 01777, which is what Swarm mounts anyway', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    volumes:\n      - type: tmpfs\n        target: /scratch\n        tmpfs:\n          mode: 01777\n');
    expect(codes(c)).not.toContain('SWARM_TMPFS_OPTIONS');
  });

  it('reports a tmpfs size that the target version cannot hold, instead of dropping it silently', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    volumes:\n      - type: tmpfs\n        target: /scratch\n        tmpfs:\n          size: 1000000\n', {}, { version: '3.5' });
    expect(c.services.s!.volumes).toEqual([{ type: 'tmpfs', target: '/scratch' }]);
    expect(codes(c)).toContain('SWARM_VERSION_TOO_OLD');
    expect(swarmSchemaErrors(c.stack)).toEqual([]);
  });
});

describe('a local volume mounted by several tasks', () => {
  const project = (services: string, volume = '  data: {}\n') => toSwarm(`services:\n${services}volumes:\n${volume}`);
  const mount = '    volumes: ["data:/data"]\n';

  it('warns once, at the top-level entry, when two services mount it', () => {
    const c = project(`  a:\n    image: app:1\n${mount}  b:\n    image: app:1\n${mount}`);
    const found = c.diagnostics.filter((x) => x.code === 'SWARM_LOCAL_VOLUME_SHARED');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', location: { line: 9 } });
    expect(found[0]!.message).toContain('a task of a, b');
    expect(found[0]!.hint).toContain('node.hostname');
    expect(swarmSchemaErrors(c.stack)).toEqual([]);
  });

  it.each([
    ['replicas', '    deploy:\n      replicas: 3\n', '3 replicas'],
    ['scale', '    scale: 2\n', '2 replicas'],
  ])('warns when one service runs several tasks: %s', (_, fields, says) => {
    const c = project(`  a:\n    image: app:1\n${mount}${fields}`);
    expect(c.diagnostics.find((x) => x.code === 'SWARM_LOCAL_VOLUME_SHARED')?.message).toContain(says);
  });

  it('names a global service among several that mount it', () => {
    const c = project(`  a:\n    image: app:1\n${mount}    deploy:\n      mode: global\n  b:\n    image: app:1\n${mount}`);
    expect(c.diagnostics.find((x) => x.code === 'SWARM_LOCAL_VOLUME_SHARED')?.message).toContain('a (one task per node), b');
  });

  it.each([
    ['a global service alone (Compose ran one container)', `  a:\n    image: app:1\n${mount}    deploy:\n      mode: global\n`, '  data: {}\n'],
    ['one service with one task', `  a:\n    image: app:1\n${mount}`, '  data: {}\n'],
    ['an external volume', `  a:\n    image: app:1\n${mount}  b:\n    image: app:1\n${mount}`, '  data:\n    external: true\n'],
    ['another driver', `  a:\n    image: app:1\n${mount}  b:\n    image: app:1\n${mount}`, '  data:\n    driver: rexray/efs\n'],
    ['an NFS mount of the local driver', `  a:\n    image: app:1\n${mount}  b:\n    image: app:1\n${mount}`, '  data:\n    driver_opts: {type: nfs, o: "addr=10.0.0.1", device: ":/export"}\n'],
  ])('stays quiet for %s', (_, services, volume) => {
    expect(codes(project(services, volume))).not.toContain('SWARM_LOCAL_VOLUME_SHARED');
  });
});

describe('a missing bind source that is a socket or a device', () => {
  it.each(['/var/run/docker.sock', '/run/user/1000/podman/podman.sock', '/dev/kvm', './agent.sock'])('does not advise mkdir -p for %s', (source) => {
    const c = toSwarm(`services:\n  s:\n    image: app:1\n    volumes:\n      - ${source}:/x\n`);
    const d = c.diagnostics.find((x) => x.code === 'SWARM_BIND_MISSING');
    expect(d).toMatchObject({ severity: 'warning', location: { line: 5 } });
    expect(d?.hint).not.toContain('mkdir');
    expect(d?.hint).toContain('must exist on every node');
  });

  it('still advises mkdir -p for a directory', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    volumes:\n      - /srv/data:/x\n');
    expect(c.diagnostics.find((x) => x.code === 'SWARM_BIND_MISSING')?.hint).toContain('mkdir -p /srv/data');
  });
});
