/**
 * Issue 15 item 2: under Compose every port a container listens on is reachable by the service name (the name
 * resolves to the containers' addresses). A headless Service does the same; published ports get their own Service.
 */
import { describe, expect, it } from 'vitest';
import { find, ofKind, toKubernetes } from './convert.js';

describe('reachability by service name', () => {
  const result = toKubernetes(`
services:
  broker:
    image: confluentinc/cp-kafka
    ports: ["9092:9092"]
    networks: {default: {aliases: [kafka]}}
  worker: {image: busybox}
`);

  it('makes the service name headless, so undeclared ports (a broker listener on 29092) answer too', () => {
    const spec = find(result, 'Service', 'broker').spec as Record<string, unknown>;
    expect(spec.clusterIP).toBe('None');
    expect(spec.ports).toEqual([{ name: 'tcp-9092', port: 9092, protocol: 'TCP', targetPort: 9092 }]);
    expect((find(result, 'Service', 'kafka').spec as Record<string, unknown>).clusterIP).toBe('None');
    expect((find(result, 'Service', 'worker').spec as Record<string, unknown>).clusterIP).toBe('None');
  });

  it('publishes the published ports through a separate Service', () => {
    const published = find(result, 'Service', 'broker-published').spec as Record<string, unknown>;
    expect(published.type).toBe('LoadBalancer');
    expect(published.clusterIP).toBeUndefined();
    expect(ofKind(result, 'Service').map((s) => s.metadata.name)).toEqual(['broker', 'broker-published', 'kafka', 'worker']);
  });
});
