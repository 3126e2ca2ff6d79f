/**
 * Published ports where Swarm's publishing differs from docker compose up (src/emit/swarm/ports.ts).
 */
import { describe, expect, it } from 'vitest';
import { swarmSchemaErrors } from '../../helpers/swarm-schema.js';
import { codes, toSwarm } from './helpers.js';

describe('endpoint_mode: dnsrr', () => {
  const compose = 'services:\n  s:\n    image: app:1\n    ports:\n      - "8080:80"\n      - target: 53\n        published: 53\n        protocol: udp\n    deploy:\n      endpoint_mode: dnsrr\n';

  it('publishes the ports in host mode, which the daemon accepts with dnsrr, and warns at ports', () => {
    const c = toSwarm(compose);
    expect(c.services.s!.ports).toEqual([
      { target: 80, published: 8080, protocol: 'tcp', mode: 'host' },
      { target: 53, published: 53, protocol: 'udp', mode: 'host' },
    ]);
    expect(c.services.s!.deploy?.endpoint_mode).toBe('dnsrr');
    const d = c.diagnostics.find((x) => x.code === 'SWARM_DNSRR_PORTS');
    expect(d).toMatchObject({ severity: 'warning', location: { line: 5 } });
    expect(d?.message).toContain('only on the nodes running a task');
    expect(d?.message).toContain('8080:80, 53:53');
    expect(swarmSchemaErrors(c.stack)).toEqual([]);
  });

  it('leaves ports alone with the default vip mode', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    ports: ["8080:80"]\n');
    expect(c.services.s!.ports).toEqual([{ target: 80, published: 8080, protocol: 'tcp', mode: 'ingress' }]);
    expect(codes(c)).not.toContain('SWARM_DNSRR_PORTS');
  });

  it('keeps the short syntax before version 3.2, where endpoint_mode is left out too', () => {
    const c = toSwarm(compose, {}, { version: '3.1' });
    expect(c.services.s!.ports).toEqual(['8080:80/tcp', '53:53/udp']);
    expect(c.services.s!.deploy).not.toHaveProperty('endpoint_mode');
    expect(codes(c)).not.toContain('SWARM_DNSRR_PORTS');
    expect(swarmSchemaErrors(c.stack)).toEqual([]);
  });
});
