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
    expect(d?.message).toContain('8080:80/tcp, 53:53/udp');
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

describe('ports published on loopback only', () => {
  it.each([
    ['127.0.0.1:5432:5432', '127.0.0.1:5432:5432/tcp'],
    ['[::1]:5432:5432', '[::1]:5432:5432/tcp'],
    ['127.0.0.2:5432:5432/udp', '127.0.0.2:5432:5432/udp'],
  ])('are not published, which Swarm would do on every address, with a warning at ports: %s', (spec, said) => {
    const c = toSwarm(`services:\n  db:\n    image: postgres:16\n    ports:\n      - "${spec}"\n      - "8080:80"\n`);
    expect(c.services.db!.ports).toEqual([{ target: 80, published: 8080, protocol: 'tcp', mode: 'ingress' }]);
    const d = c.diagnostics.find((x) => x.code === 'SWARM_LOOPBACK_PORT');
    expect(d).toMatchObject({ severity: 'warning', location: { line: 5 } });
    expect(d?.message).toContain(said);
    expect(d?.message).toContain('reach db by name');
    expect(d?.hint).toContain('mode: host');
    expect(codes(c)).not.toContain('SWARM_HOST_IP');
    expect(swarmSchemaErrors(c.stack)).toEqual([]);
  });

  it('leaves the ports key out when every port is on loopback', () => {
    const c = toSwarm('services:\n  db:\n    image: postgres:16\n    ports: ["127.0.0.1:5432:5432"]\n');
    expect(c.services.db).not.toHaveProperty('ports');
    expect(swarmSchemaErrors(c.stack)).toEqual([]);
  });

  it('still publishes a port with another host IP, with SWARM_HOST_IP', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    ports: ["10.0.0.5:8080:80"]\n');
    expect(c.services.s!.ports).toEqual([{ target: 80, published: 8080, protocol: 'tcp', mode: 'ingress' }]);
    expect(codes(c)).toContain('SWARM_HOST_IP');
    expect(codes(c)).not.toContain('SWARM_LOOPBACK_PORT');
  });
});

describe('port name and app_protocol', () => {
  it('are reported at ports, since the stack format has neither', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\n    ports:\n      - target: 80\n        published: 8080\n        name: web\n        app_protocol: http\n        x-note: mine\n');
    expect(c.services.s!.ports).toEqual([{ target: 80, published: 8080, protocol: 'tcp', mode: 'ingress' }]);
    const d = c.diagnostics.find((x) => x.code === 'SWARM_PORT_FIELDS');
    expect(d).toMatchObject({ severity: 'info', location: { line: 5 } });
    expect(d?.message).toContain('name web (port 80)');
    expect(d?.message).toContain('app_protocol http (port 80)');
    expect(d?.message).toContain('x-note (port 80)');
    expect(swarmSchemaErrors(c.stack)).toEqual([]);
  });
});
