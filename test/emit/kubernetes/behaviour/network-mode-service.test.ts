/**
 * `network_mode: service:web` shares web's network namespace under Compose: the sidecar reaches web's peers and
 * they reach it, on every port. It stays its own pod, so it carries web's network labels, which the
 * NetworkPolicies select; without them the policies would cut it off from web's unpublished ports.
 */
import { describe, expect, it } from 'vitest';
import { find, ofKind, toKubernetes, withCode } from './convert.js';

const compose = `
services:
  web:
    image: nginx
    expose: ["8080"]
    networks: [back]
  sidecar:
    image: alpine
    command: sleep 1d
    network_mode: "service:web"
  chained:
    image: alpine
    command: sleep 1d
    network_mode: "service:sidecar"
  other: {image: alpine, command: sleep 1d}
networks:
  back: {}
`;

function networkLabels(labels: Record<string, string> | undefined): string[] {
  return Object.keys(labels ?? {}).filter((k) => k.startsWith('stackport.dev/network-')).sort();
}

describe('network_mode: service:X', () => {
  const result = toKubernetes(compose);

  it("gives the sidecar's pod the network labels of the service whose network it shares", () => {
    const web = networkLabels(find(result, 'Deployment', 'web').spec!.template.metadata!.labels);
    expect(web).toEqual(['stackport.dev/network-back']);
    expect(networkLabels(find(result, 'Deployment', 'sidecar').spec!.template.metadata!.labels)).toEqual(web);
    expect(networkLabels(find(result, 'Deployment', 'chained').spec!.template.metadata!.labels)).toEqual(web);
  });

  it("is selected (and admitted) by web's network policy", () => {
    const policy = find(result, 'NetworkPolicy', 'network-back');
    const selector = policy.spec!.podSelector!.matchLabels!;
    const sidecarLabels = find(result, 'Deployment', 'sidecar').spec!.template.metadata!.labels!;
    for (const [k, v] of Object.entries(selector)) expect(sidecarLabels[k], k).toBe(v);
    expect(ofKind(result, 'NetworkPolicy').map((p) => p.metadata.name)).toContain('network-default');
    expect(networkLabels(find(result, 'Deployment', 'other').spec!.template.metadata!.labels)).toEqual(['stackport.dev/network-default']);
  });

  it('still warns, at network_mode, that the sidecar reaches web by its Service name', () => {
    const warning = withCode(result, 'K8S_UNSUPPORTED').find((d) => d.message.startsWith('services.sidecar.network_mode'));
    expect(warning?.message).toContain('reaches web by its Service name');
    expect(warning?.location?.line).toBe(10);
  });
});
