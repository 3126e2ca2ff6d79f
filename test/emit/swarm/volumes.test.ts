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
    expect(d?.message).toContain('not 0700');
    expect(swarmSchemaErrors(c.stack)).toEqual([]);
  });

  it('reports a tmpfs size that the target version cannot hold, instead of dropping it silently', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    volumes:\n      - type: tmpfs\n        target: /scratch\n        tmpfs:\n          size: 1000000\n', {}, { version: '3.5' });
    expect(c.services.s!.volumes).toEqual([{ type: 'tmpfs', target: '/scratch' }]);
    expect(codes(c)).toContain('SWARM_VERSION_TOO_OLD');
    expect(swarmSchemaErrors(c.stack)).toEqual([]);
  });
});
