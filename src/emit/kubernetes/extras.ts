/** Ingresses, HorizontalPodAutoscalers and NetworkPolicies. */
import type { Service } from '../../ir/types.js';
import { sortedNames } from '../../ir/types.js';
import { selectorLabels, type KubeContext } from './context.js';
import { containerPortList } from './container.js';
import type { ServiceSettings } from './extension.js';
import { dnsLabel } from './names.js';
import { int32 } from './quantities.js';
import { serviceName } from './services.js';
import type { KubernetesObject } from './types.js';
import { networkLabel, type WorkloadKind } from './workload.js';

/** An Ingress for a service that asks for one (x-kubernetes.ingress or kompose.service.expose). */
export function ingressFor(c: KubeContext, s: Service, settings: ServiceSettings): KubernetesObject | undefined {
  if (settings.ingress.length === 0) return undefined;
  const port = s.ports.find((p) => p.protocol === 'tcp')?.target ?? containerPortList(s).find((p) => p.protocol === 'TCP')?.port;
  if (port === undefined) {
    c.report('warning', 'K8S_INGRESS_NO_PORT', `services.${s.name} asks for an Ingress but has no TCP port to route to`, s, 'extensions');
    return undefined;
  }
  const backend = { service: { name: serviceName(s.name), port: { number: port } } };
  const rules = settings.ingress.map((i) => {
    const rule: Record<string, unknown> = { http: { paths: [{ path: i.path, pathType: 'Prefix', backend }] } };
    if (i.host) rule.host = i.host;
    return rule;
  });
  const spec: Record<string, unknown> = { rules };
  const className = settings.ingress.find((i) => i.className)?.className;
  if (className) spec.ingressClassName = className;
  const tls = settings.ingress.filter((i) => i.tlsSecret);
  if (tls.length > 0) {
    spec.tls = tls.map((i) => ({ secretName: i.tlsSecret!, ...(i.host ? { hosts: [i.host] } : {}) }));
  }
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: c.metadata(dnsLabel(s.name), s.name), spec };
}

/** An autoscaling/v2 HorizontalPodAutoscaler on CPU utilization. */
export function autoscalerFor(c: KubeContext, s: Service, settings: ServiceSettings, kind: WorkloadKind, hasCpuRequest: boolean): KubernetesObject | undefined {
  const a = settings.autoscaling;
  if (!a) return undefined;
  if (kind !== 'Deployment' && kind !== 'StatefulSet') {
    c.report('warning', 'K8S_HPA_KIND', `services.${s.name}: autoscaling applies to Deployments and StatefulSets, not a ${kind}`, s, 'extensions');
    return undefined;
  }
  if (!hasCpuRequest) {
    c.report('warning', 'K8S_HPA_NO_REQUEST', `services.${s.name}: CPU autoscaling needs a CPU request`, s, 'extensions', 'set deploy.resources.reservations.cpus');
  }
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: c.metadata(dnsLabel(s.name), s.name),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind, name: dnsLabel(s.name) },
      minReplicas: int32(Math.max(1, a.min)),
      maxReplicas: int32(Math.max(1, a.max, a.min)),
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: int32(a.cpu) } } }],
    },
  };
}

/**
 * One NetworkPolicy per Compose network, restricting ingress to pods on the same network (never egress, which
 * would break DNS). Published ports stay reachable from anywhere.
 */
export function networkPolicies(c: KubeContext): KubernetesObject[] {
  if (c.options.networkPolicies === 'none') return [];
  const own = sortedNames(c.project.networks).filter((n) => n !== 'default' || Object.keys(c.project.networks).length === 1);
  const userDefined = sortedNames(c.project.networks).some((n) => n !== 'default');
  if (!userDefined) return [];
  const out: KubernetesObject[] = [];
  for (const net of own) {
    if (c.project.networks[net]!.external) continue;
    const members = sortedNames(c.project.services).filter((name) => Object.prototype.hasOwnProperty.call(c.project.services[name]!.networks, net));
    if (members.length === 0) continue;
    const label = networkLabel(net);
    out.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: c.metadata(dnsLabel(`network-${net}`), undefined),
      spec: {
        podSelector: { matchLabels: { [label]: 'true' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: { matchLabels: { [label]: 'true' } } }] }],
      },
    });
  }
  const published = sortedNames(c.project.services).filter((n) => c.project.services[n]!.ports.some((p) => p.published !== undefined));
  for (const name of published) {
    const s = c.project.services[name]!;
    const ports = [...new Map(s.ports.filter((p) => p.published !== undefined).map((p) => [`${p.target}/${p.protocol}`, p])).values()];
    out.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: c.metadata(dnsLabel(`${s.name}-published`), s.name),
      spec: {
        podSelector: { matchLabels: selectorLabels(c.project.name, s.name) },
        policyTypes: ['Ingress'],
        ingress: [{ ports: ports.map((p) => ({ port: p.target, protocol: p.protocol.toUpperCase() })) }],
      },
    });
  }
  return out;
}
