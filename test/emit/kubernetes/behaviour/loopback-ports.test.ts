/**
 * Issue 15 items 10 and 13: a port Compose publishes on the host's loopback stays cluster-internal (never on a
 * load balancer), with a note; a wide published range is warned about.
 */
import { describe, expect, it } from 'vitest';
import { find, ofKind, toKubernetes, withCode } from './convert.js';

describe('loopback-bound ports', () => {
  it('keeps 127.0.0.1 and [::1] ports off the published Service and its NetworkPolicy', () => {
    const result = toKubernetes(`
services:
  db:
    image: postgres
    ports: ["127.0.0.1:5432:5432", "[::1]:6432:6432", "8080:80"]
`);
    const published = find(result, 'Service', 'db-published');
    expect((published.spec as { ports: { port: number }[] }).ports.map((p) => p.port)).toEqual([8080]);
    const cluster = find(result, 'Service', 'db');
    expect((cluster.spec as { ports: { port: number }[] }).ports.map((p) => p.port)).toEqual([5432, 6432, 80]);
    const notes = withCode(result, 'K8S_LOOPBACK_PORT');
    expect(notes).toHaveLength(2);
    expect(notes[0]!.location?.line).toBe(5);
    expect(notes[0]!.hint).toContain('kubectl port-forward svc/db 5432:5432');
  });

  it('publishes nothing when every published port is loopback-bound', () => {
    const result = toKubernetes(`
services:
  db: {image: postgres, ports: ["127.0.0.1:5432:5432"]}
`);
    expect(ofKind(result, 'Service').map((s) => s.metadata.name)).toEqual(['db']);
  });

  it('warns when one published range becomes many load-balancer ports', () => {
    const result = toKubernetes(`
services:
  rtp: {image: busybox, ports: ["10000-10100:10000-10100/udp"]}
`);
    const [warning] = withCode(result, 'K8S_WIDE_PORT_RANGE');
    expect(warning?.message).toContain('101 ports');
    expect(withCode(toKubernetes(`
services:
  web: {image: busybox, ports: ["8000-8003:8000-8003"]}
`), 'K8S_WIDE_PORT_RANGE')).toEqual([]);
  });
});
