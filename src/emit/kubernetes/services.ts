/**
 * Services, so every Compose service name resolves in the cluster as it did on the Compose network: a ClusterIP
 * Service with every container port (headless when there are none), `<service>-published` for published ports,
 * and one Service per network alias.
 */
import type { Service } from '../../ir/types.js';
import { sortedNames, sortStrings } from '../../util/strings.js';
import type { KubeContext } from './context.js';
import { lowerProtocol } from './container.js';
import type { ServiceSettings } from './extension.js';
import { dnsLabel, portName } from './names.js';
import type { KubernetesObject } from './types.js';

/** The DNS-1035 name of a Compose service's Service. */
export function serviceName(name: string): string {
  return dnsLabel(name, 63, true);
}

/**
 * The Services of one Compose service. `headless` forces the main Service headless (StatefulSets). Specs and
 * ports are built with their keys in code-point order, the order they print in.
 */
export function servicesFor(c: KubeContext, s: Service, settings: ServiceSettings, headless: boolean): KubernetesObject[] {
  const ports = clusterPorts(c, s);
  const main = serviceName(s.name);
  if (main !== s.name) {
    c.report('warning', 'K8S_NAME_CHANGED', `services.${s.name}: "${s.name}" is not a valid Kubernetes Service name; other pods must use ${main}`, s, 'name', 'rename the service to lowercase letters, digits and dashes');
  }
  const out: KubernetesObject[] = [];
  const none = headless || ports.length === 0 || settings.serviceType === 'Headless';
  out.push({ apiVersion: 'v1', kind: 'Service', metadata: c.metadata(main, s.name), spec: serviceSpec(c, s, none, ports) });
  const published = publishedService(c, s, settings);
  if (published) out.push(published);
  for (const alias of aliases(s)) {
    const aliasPorts = ports.length > 0 ? clusterPorts(c, s) : ports;
    out.push({ apiVersion: 'v1', kind: 'Service', metadata: c.metadata(serviceName(alias), s.name), spec: serviceSpec(c, s, ports.length === 0, aliasPorts) });
  }
  return out;
}

function serviceSpec(c: KubeContext, s: Service, headless: boolean, ports: Record<string, unknown>[]): Record<string, unknown> {
  const spec: Record<string, unknown> = headless ? { clusterIP: 'None' } : {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = c.selectorLabels(s.name);
  return spec;
}

function clusterPorts(c: KubeContext, s: Service): Record<string, unknown>[] {
  const taken = new Set<string>();
  const out: Record<string, unknown>[] = [];
  const list = c.containerPorts(s);
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    const name = portName(`${lowerProtocol(p.protocol)}-${p.port}`, taken);
    out.push({ name, port: p.port, protocol: p.protocol, targetPort: p.port });
  }
  return out;
}

function aliases(s: Service): string[] {
  let out: Set<string> | undefined;
  const networks = sortedNames(s.networks);
  for (let i = 0; i < networks.length; i++) {
    const netAliases = s.networks[networks[i]!]!.aliases ?? [];
    for (let j = 0; j < netAliases.length; j++) {
      const alias = netAliases[j]!;
      if (alias === s.name) continue;
      out ??= new Set();
      out.add(alias);
    }
  }
  return out === undefined ? [] : sortStrings([...out]);
}

function publishedService(c: KubeContext, s: Service, settings: ServiceSettings): KubernetesObject | undefined {
  const published = s.ports.filter((p) => p.published !== undefined && p.mode !== 'host');
  const k = settings.kompose;
  if (published.length === 0) {
    if (k.nodePort !== undefined || k.externalTrafficPolicy !== undefined) {
      c.report('warning', 'KOMPOSE_LABEL_IGNORED', `services.${s.name}.labels: kompose.service.nodeport.port and kompose.service.external-traffic-policy apply to published ports, and the service publishes none; they are left out`, s, 'labels');
    }
    return undefined;
  }
  if (c.options.publish === 'none' || settings.serviceType === 'Headless') {
    const why = settings.serviceType === 'Headless' ? 'the service is headless (kompose.service.type: headless)' : '--publish none';
    c.report('info', 'K8S_NOT_PUBLISHED', `services.${s.name}: published ports are not exposed outside the cluster (${why})`, s, 'ports');
    return undefined;
  }
  const type = settings.serviceType === 'NodePort' || c.options.publish === 'nodeport' ? 'NodePort' : settings.serviceType === 'ClusterIP' ? 'ClusterIP' : 'LoadBalancer';
  const taken = new Set<string>();
  const seen = new Set<string>();
  const ports: Record<string, unknown>[] = [];
  for (let i = 0; i < published.length; i++) {
    const p = published[i]!;
    if (p.host_ip !== undefined) c.report('info', 'K8S_HOST_IP', `services.${s.name}.ports: host_ip ${p.host_ip} has no Service equivalent; the port is published on every address`, s, 'ports');
    const [start, end] = p.published!.split('-').map(Number) as [number, number | undefined];
    const protocol = p.protocol.toUpperCase();
    for (let port = start; port <= (end ?? start); port++) {
      const key = `${port}/${protocol}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ports.push({ name: portName(`${p.protocol}-${port}`, taken), port, protocol, targetPort: p.target });
    }
  }
  const name = dnsLabel(`${serviceName(s.name)}-published`, 63, true);
  const spec: Record<string, unknown> = {};
  if (k.externalTrafficPolicy !== undefined) {
    if (type === 'ClusterIP') c.report('warning', 'KOMPOSE_LABEL_IGNORED', `services.${s.name}.labels: kompose.service.external-traffic-policy applies to LoadBalancer and NodePort Services, not ClusterIP; it is left out`, s, 'labels');
    else spec.externalTrafficPolicy = k.externalTrafficPolicy;
  }
  if (k.nodePort !== undefined) {
    if (type !== 'NodePort') c.report('warning', 'KOMPOSE_LABEL_IGNORED', `services.${s.name}.labels: kompose.service.nodeport.port needs a NodePort Service, and this one is ${type}; it is left out`, s, 'labels');
    else if (ports.length !== 1) c.report('warning', 'KOMPOSE_LABEL_IGNORED', `services.${s.name}.labels: kompose.service.nodeport.port sets one port, and the service publishes ${ports.length}; it is left out`, s, 'labels', 'publish one port, or set nodePorts with a Kustomize patch');
    else ports[0]!.nodePort = k.nodePort;
  }
  spec.ports = ports;
  spec.selector = c.selectorLabels(s.name);
  spec.type = type;
  return { apiVersion: 'v1', kind: 'Service', metadata: c.metadata(name, s.name), spec };
}
