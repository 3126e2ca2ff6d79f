/**
 * What the NetworkPolicies must let through besides a network's own members, so that no traffic Compose allows is
 * cut off: the Ingress controller (which runs outside the project's networks) reaching the port an Ingress routes
 * to, and the other members of an `external:` network, which live outside the project.
 */
import type { Service } from '../../ir/types.js';
import type { KubeContext } from './context.js';
import { dnsLabel } from './names.js';
import type { NetworkPolicy } from './types.js';
import { networkLabel } from './workload.js';

const ingressPorts = new WeakMap<KubeContext, Map<string, number>>();

/** Records that an Ingress routes to `port` of service `s`, so its policy admits the Ingress controller there. */
export function noteIngressPort(c: KubeContext, s: Service, port: number): void {
  let ports = ingressPorts.get(c);
  if (ports === undefined) ingressPorts.set(c, (ports = new Map()));
  ports.set(s.name, port);
}

/** The port an Ingress routes to on service `s`, if it has one. */
export function ingressPort(c: KubeContext, s: Service): number | undefined {
  return ingressPorts.get(c)?.get(s.name);
}

/**
 * The policy of an `external:` network: its other members are outside this project (and cannot be selected), so
 * its pods admit traffic from anywhere, with a warning that says so.
 */
export function externalNetworkPolicy(c: KubeContext, key: string): NetworkPolicy {
  const network = c.project.networks[key]!;
  c.report(
    'warning',
    'K8S_EXTERNAL_NETWORK',
    `networks.${key} is external: its other members are outside this project, so the pods on it accept traffic from any pod (NetworkPolicy network-${dnsLabel(key)})`,
    network,
    'external',
    `narrow network-${dnsLabel(key)}'s ingress rule to the pods or namespaces that share this network`,
  );
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: c.metadata(dnsLabel(`network-${key}`), undefined),
    spec: { ingress: [{}], podSelector: { matchLabels: networkMembers(c, key) }, policyTypes: ['Ingress'] },
  };
}

/**
 * The labels of a network's members in this project. The project label matters when two projects share a
 * namespace: both may have a network called `backend`, and one's pods must not admit the other's.
 */
export function networkMembers(c: KubeContext, network: string): Record<string, string> {
  return { 'app.kubernetes.io/part-of': c.partOf, [networkLabel(network)]: 'true' };
}
