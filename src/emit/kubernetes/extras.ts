/** Ingresses and NetworkPolicies. */
import type { Service } from '../../ir/types.js';
import { sortedNames } from '../../util/strings.js';
import type { KubeContext } from './context.js';
import type { ServiceSettings } from './extension.js';
import { dnsLabel } from './names.js';
import { externalNetworkPolicy, ingressPort, networkMembers, noteIngressPort } from './network-reach.js';
import { loopbackOnly, serviceName } from './services.js';
import type { V1IngressRule, V1IngressSpec, V1NetworkPolicyPort } from '@kubernetes/client-node';
import type { Ingress, NetworkPolicy } from './types.js';

/** An Ingress for a service that asks for one (x-kubernetes.ingress or kompose.service.expose). */
export function ingressFor(c: KubeContext, s: Service, settings: ServiceSettings): Ingress | undefined {
  if (settings.ingress.length === 0) return undefined;
  const port = s.ports.find((p) => p.protocol === 'tcp')?.target ?? c.containerPorts(s).find((p) => p.protocol === 'TCP')?.port;
  if (port === undefined) {
    c.report('warning', 'K8S_INGRESS_NO_PORT', `services.${s.name} asks for an Ingress but has no TCP port to route to`, s, 'extensions');
    return undefined;
  }
  noteIngressPort(c, s, port);
  const backend = { service: { name: serviceName(s.name), port: { number: port } } };
  const rules = settings.ingress.map((i) => {
    const rule: V1IngressRule = { http: { paths: [{ path: i.path, pathType: 'Prefix', backend }] } };
    if (i.host) rule.host = i.host;
    return rule;
  });
  const spec: V1IngressSpec = { rules };
  const className = settings.ingress.find((i) => i.className)?.className;
  if (className) spec.ingressClassName = className;
  // An empty secret name (kompose.service.expose.tls-secret: true) asks for TLS with the controller's certificate.
  const tls = settings.ingress.filter((i) => i.tlsSecret !== undefined);
  if (tls.length > 0) {
    spec.tls = tls.map((i) => ({ ...(i.host ? { hosts: [i.host] } : {}), ...(i.tlsSecret ? { secretName: i.tlsSecret } : {}) }));
  }
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: c.metadata(dnsLabel(s.name), s.name), spec };
}

/**
 * One NetworkPolicy per Compose network, restricting ingress to pods on the same network (never egress, which
 * would break DNS). Policies add up, so a pod on several networks (the default one included) admits the members of
 * each. Published ports and the port an Ingress routes to stay reachable from anywhere; an external network's
 * pods admit everyone (`network-reach.ts`).
 */
export function networkPolicies(c: KubeContext): NetworkPolicy[] {
  if (c.options.networkPolicies === 'none') return [];
  const networks = sortedNames(c.project.networks);
  if (!networks.some((n) => n !== 'default')) return [];
  // Collected once: asking every service about every network would be quadratic in a project of many networks.
  const used = new Set<string>();
  for (const name of c.serviceNames) for (const net in c.project.services[name]!.networks) used.add(net);
  const out: NetworkPolicy[] = [];
  for (const net of networks) {
    if (!used.has(net)) continue;
    if (c.project.networks[net]!.external) {
      out.push(externalNetworkPolicy(c, net));
      continue;
    }
    out.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: c.metadata(dnsLabel(`network-${net}`), undefined),
      spec: {
        ingress: [{ from: [{ podSelector: { matchLabels: networkMembers(c, net) } }] }],
        podSelector: { matchLabels: networkMembers(c, net) },
        policyTypes: ['Ingress'],
      },
    });
  }
  for (const name of c.serviceNames) {
    const s = c.project.services[name]!;
    const ports = publishedTargets(c, s);
    if (ports.length === 0) continue;
    out.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: c.metadata(dnsLabel(`${s.name}-published`), s.name),
      spec: { ingress: [{ ports }], podSelector: { matchLabels: c.selectorLabels(s.name) }, policyTypes: ['Ingress'] },
    });
  }
  return out;
}

/**
 * The published ports' targets, each target and protocol once, in order of first publication, then the port an
 * Ingress routes to (the Ingress controller runs outside the project's networks).
 */
function publishedTargets(c: KubeContext, s: Service): V1NetworkPolicyPort[] {
  const out: V1NetworkPolicyPort[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < s.ports.length; i++) {
    const p = s.ports[i]!;
    if (p.published === undefined || loopbackOnly(p)) continue;
    const key = `${p.target}/${p.protocol}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ port: p.target, protocol: p.protocol.toUpperCase() });
  }
  const ingress = ingressPort(c, s);
  if (ingress !== undefined && !seen.has(`${ingress}/tcp`)) out.push({ port: ingress, protocol: 'TCP' });
  return out;
}
