/**
 * Issue 15 item 3: NetworkPolicies admit every peer Compose would let through: members of the default network
 * when named networks exist, the Ingress controller on the port an Ingress routes to, and (with a warning) the
 * outside members of an external network.
 */
import { describe, expect, it } from 'vitest';
import { find, ofKind, toKubernetes, withCode } from './convert.js';

const compose = `
services:
  web:
    image: nginx
    expose: ["8080"]
    networks: [front, default]
    x-kubernetes: {ingress: {host: example.com}}
  db: {image: postgres}
  proxy: {image: traefik, networks: [front, edge]}
networks:
  front: {}
  edge: {external: true}
`;

function rule(result: ReturnType<typeof toKubernetes>, name: string): unknown {
  return (find(result, 'NetworkPolicy', name).spec as { ingress: unknown[] }).ingress;
}

describe('network policies', () => {
  const result = toKubernetes(compose);

  it('keeps the default network a policy of its own once named networks exist', () => {
    const members = { 'app.kubernetes.io/part-of': 'p', 'stackport.dev/network-default': 'true' };
    expect(rule(result, 'network-default')).toEqual([{ from: [{ podSelector: { matchLabels: members } }] }]);
    expect((find(result, 'NetworkPolicy', 'network-default').spec as { podSelector: unknown }).podSelector).toEqual({ matchLabels: members });
  });

  it('selects only this project’s pods, so two projects sharing a namespace and a network name stay apart', () => {
    for (const policy of ofKind(result, 'NetworkPolicy')) {
      const spec = policy.spec as { podSelector: { matchLabels: Record<string, string> } };
      expect(spec.podSelector.matchLabels['app.kubernetes.io/part-of'], policy.metadata.name).toBe('p');
    }
  });

  it('admits the Ingress controller on the port the Ingress routes to, even an exposed-only one', () => {
    expect(rule(result, 'web-published')).toEqual([{ ports: [{ port: 8080, protocol: 'TCP' }] }]);
  });

  it("admits any pod to an external network's members, and says so at the network", () => {
    expect(rule(result, 'network-edge')).toEqual([{}]);
    const [warning] = withCode(result, 'K8S_EXTERNAL_NETWORK');
    expect(warning?.severity).toBe('warning');
    expect(warning?.location?.line).toBe(12);
  });

  it('emits no policy at all with --network-policies none', () => {
    expect(toKubernetes(compose, { networkPolicies: 'none' }).objects.some((o) => o.kind === 'NetworkPolicy')).toBe(false);
  });
});
