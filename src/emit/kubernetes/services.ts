/**
 * Services, so every Compose service name resolves in the cluster as it did on the Compose network. Compose's DNS
 * answers a service name with its containers' addresses, so every port the container listens on is reachable,
 * declared or not: the service's own Service (and one per network alias) is therefore headless, which makes the
 * name resolve to the pods' addresses the same way; it lists the declared container ports for reference.
 * `<service>-published` carries the published ports, as a LoadBalancer (or NodePort) Service.
 */
import type { Port, Service } from '../../ir/types.js';
import { isLoopbackAddress } from '../../ir/values/ports.js';
import { sortedNames, sortStrings } from '../../util/strings.js';
import type { KubeContext } from './context.js';
import { lowerProtocol, userPortNames } from './container-ports.js';
import type { ServiceSettings } from './extension.js';
import { dnsLabel, isQualifiedName, portName } from './names.js';
import type { V1ServicePort, V1ServiceSpec } from '@kubernetes/client-node';
import type { Service as KubernetesService } from './types.js';

/** The DNS-1035 name of a Compose service's Service. */
export function serviceName(name: string): string {
  return dnsLabel(name, 63, true);
}

/** The Services of one Compose service, all headless but the published one (a StatefulSet's must be). */
export function servicesFor(c: KubeContext, s: Service, settings: ServiceSettings): KubernetesService[] {
  const ports = clusterPorts(c, s);
  const main = serviceName(s.name);
  if (main !== s.name) {
    c.report('warning', 'K8S_NAME_CHANGED', `services.${s.name}: "${s.name}" is not a valid Kubernetes Service name; other pods must use ${main}`, s, 'name', 'rename the service to lowercase letters, digits and dashes');
  }
  const out: KubernetesService[] = [];
  out.push({ apiVersion: 'v1', kind: 'Service', metadata: c.metadata(main, s.name), spec: serviceSpec(c, s, ports) });
  const published = publishedService(c, s, settings);
  if (published) out.push(published);
  for (const alias of aliases(c, s)) {
    const aliasPorts = ports.length > 0 ? clusterPorts(c, s) : ports;
    out.push({ apiVersion: 'v1', kind: 'Service', metadata: c.metadata(alias, s.name), spec: serviceSpec(c, s, aliasPorts) });
  }
  return out;
}

function serviceSpec(c: KubeContext, s: Service, ports: V1ServicePort[]): V1ServiceSpec {
  const spec: V1ServiceSpec = { clusterIP: 'None', selector: c.selectorLabels(s.name) };
  if (ports.length > 0) spec.ports = ports;
  return spec;
}

function clusterPorts(c: KubeContext, s: Service): V1ServicePort[] {
  const out: V1ServicePort[] = [];
  const list = c.containerPorts(s);
  const taken = userPortNames(list);
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    const name = p.name ?? portName(`${lowerProtocol(p.protocol)}-${p.port}`, taken);
    const appProtocol = appProtocolOf(c, s, p.port, lowerProtocol(p.protocol));
    out.push(appProtocol === undefined ? { name, port: p.port, protocol: p.protocol, targetPort: p.port } : { appProtocol, name, port: p.port, protocol: p.protocol, targetPort: p.port });
  }
  return out;
}

/** The `app_protocol` of the port that targets `target`/`protocol`, when it is one Kubernetes accepts. */
function appProtocolOf(c: KubeContext, s: Service, target: number, protocol: string): string | undefined {
  for (let i = 0; i < s.ports.length; i++) {
    const p = s.ports[i]!;
    if (p.app_protocol === undefined || p.target !== target || p.protocol !== protocol) continue;
    if (isQualifiedName(p.app_protocol)) return p.app_protocol;
    c.report('warning', 'K8S_APP_PROTOCOL', `services.${s.name}.ports: app_protocol "${p.app_protocol}" is not a name Kubernetes accepts as appProtocol; it is left out`, s, 'ports', 'use an IANA service name such as http or grpc, or a prefixed name such as example.com/proto');
    return undefined;
  }
  return undefined;
}

/**
 * Every other name Compose answers for the service's containers: network aliases, `container_name`, and the alias
 * another service's `links` gives it (`links: [db:database]`). Each becomes a headless Service; one whose name
 * Kubernetes would change is reported, since clients using the original name would not resolve it.
 */
function aliases(c: KubeContext, s: Service): string[] {
  const out = new Set<string>();
  const networks = sortedNames(s.networks);
  for (let i = 0; i < networks.length; i++) {
    const netAliases = s.networks[networks[i]!]!.aliases ?? [];
    for (let j = 0; j < netAliases.length; j++) addAlias(c, s, s, out, netAliases[j]!, 'networks');
  }
  if (s.container_name !== undefined) addAlias(c, s, s, out, s.container_name, 'container_name');
  const linked = linkAliases(c).get(s.name) ?? [];
  for (let i = 0; i < linked.length; i++) addAlias(c, s, linked[i]!.from, out, linked[i]!.alias, 'links');
  return sortStrings([...out]);
}

/** Per project: the `links` aliases each service is given, collected once (asking per service would be quadratic). */
const LINK_ALIASES = new WeakMap<object, Map<string, { from: Service; alias: string }[]>>();

function linkAliases(c: KubeContext): Map<string, { from: Service; alias: string }[]> {
  let byTarget = LINK_ALIASES.get(c.project);
  if (byTarget !== undefined) return byTarget;
  byTarget = new Map();
  for (const name of c.serviceNames) {
    const from = c.project.services[name]!;
    const links = from.links ?? [];
    for (let j = 0; j < links.length; j++) {
      const [target, alias] = links[j]!.split(':');
      if (target === undefined || alias === undefined) continue;
      const list = byTarget.get(target) ?? [];
      list.push({ from, alias });
      byTarget.set(target, list);
    }
  }
  LINK_ALIASES.set(c.project, byTarget);
  return byTarget;
}

/** Adds an alias of `owner`, reporting a renamed one at the service (`at`) whose `key` wrote it. */
function addAlias(c: KubeContext, owner: Service, at: Service, out: Set<string>, alias: string, key: string): void {
  const name = serviceName(alias);
  if (out.has(name) || name === serviceName(owner.name)) return;
  if (name !== alias) {
    c.report('warning', 'K8S_NAME_CHANGED', `services.${at.name}.${key}: "${alias}" is not a valid Kubernetes Service name, so it becomes the Service ${name}; clients that use "${alias}" will not resolve it`, at, key, `use ${name} (lowercase letters, digits and dashes) in Compose too`);
  }
  out.add(name);
}

/**
 * True for a port Compose publishes on the host's loopback only (`127.0.0.1:5432:5432`, `[::1]:80:80`): nothing
 * outside that host could reach it, so it must not land on a LoadBalancer.
 */
export function loopbackOnly(p: Port): boolean {
  return p.host_ip !== undefined && isLoopbackAddress(p.host_ip);
}

/** Beyond this many published ports (ranges count each port), the Service is worth a word: each becomes a Service port (and a load-balancer rule). */
const WIDE_RANGE = 20;

/** The ports to publish outside the cluster; a loopback-bound one stays inside it, with a note saying so. */
function portsToPublish(c: KubeContext, s: Service): Port[] {
  const out: Port[] = [];
  for (let i = 0; i < s.ports.length; i++) {
    const p = s.ports[i]!;
    if (p.published === undefined || p.mode === 'host') continue;
    if (loopbackOnly(p)) {
      c.report('info', 'K8S_LOOPBACK_PORT', `services.${s.name}.ports: ${p.host_ip}:${p.published} is published on the host's loopback only under Compose, so it stays cluster-internal (port ${p.target} of Service ${serviceName(s.name)}), not on a load balancer`, s, 'ports', `reach it from your machine with kubectl port-forward svc/${serviceName(s.name)} ${p.published.split('-')[0]}:${p.target}`);
      continue;
    }
    out.push(p);
  }
  return out;
}

function publishedService(c: KubeContext, s: Service, settings: ServiceSettings): KubernetesService | undefined {
  const published = portsToPublish(c, s);
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
  const containerPorts = c.containerPorts(s);
  const taken = userPortNames(containerPorts);
  const named = new Set<string>();
  const seen = new Set<string>();
  const ports: V1ServicePort[] = [];
  for (let i = 0; i < published.length; i++) {
    const p = published[i]!;
    if (p.host_ip !== undefined) c.report('info', 'K8S_HOST_IP', `services.${s.name}.ports: host_ip ${p.host_ip} has no Service equivalent; the port is published on every address`, s, 'ports');
    const [start, end] = p.published!.split('-').map(Number) as [number, number | undefined];
    const protocol = p.protocol.toUpperCase();
    for (let port = start; port <= (end ?? start); port++) {
      const key = `${port}/${protocol}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // The port's own name (when kept for its container port) names one published port: a range has many.
      const own = p.name !== undefined && end === undefined && !named.has(p.name) && containerPorts.some((o) => o.name === p.name && o.port === p.target && o.protocol === protocol) ? p.name : undefined;
      if (own !== undefined) named.add(own);
      const entry: V1ServicePort = { name: own ?? portName(`${p.protocol}-${port}`, taken), port, protocol, targetPort: p.target };
      if (p.app_protocol !== undefined && isQualifiedName(p.app_protocol)) entry.appProtocol = p.app_protocol;
      ports.push(entry);
    }
  }
  if (ports.length > WIDE_RANGE) {
    c.report('warning', 'K8S_WIDE_PORT_RANGE', `services.${s.name}.ports: ${ports.length} published ports become ${ports.length} ports on one ${type} Service; many cloud load balancers cap the number of ports (and some charge per rule)`, s, 'ports', 'publish the ports clients actually use, or --publish nodeport');
  }
  const name = dnsLabel(`${serviceName(s.name)}-published`, 63, true);
  const spec: V1ServiceSpec = { ports, selector: c.selectorLabels(s.name), type };
  if (k.externalTrafficPolicy !== undefined) {
    if (type === 'ClusterIP') c.report('warning', 'KOMPOSE_LABEL_IGNORED', `services.${s.name}.labels: kompose.service.external-traffic-policy applies to LoadBalancer and NodePort Services, not ClusterIP; it is left out`, s, 'labels');
    else spec.externalTrafficPolicy = k.externalTrafficPolicy;
  }
  if (k.nodePort !== undefined) {
    if (type !== 'NodePort') c.report('warning', 'KOMPOSE_LABEL_IGNORED', `services.${s.name}.labels: kompose.service.nodeport.port needs a NodePort Service, and this one is ${type}; it is left out`, s, 'labels');
    else if (ports.length !== 1) c.report('warning', 'KOMPOSE_LABEL_IGNORED', `services.${s.name}.labels: kompose.service.nodeport.port sets one port, and the service publishes ${ports.length}; it is left out`, s, 'labels', 'publish one port, or set nodePorts with a Kustomize patch');
    else ports[0]!.nodePort = k.nodePort;
  }
  return { apiVersion: 'v1', kind: 'Service', metadata: c.metadata(name, s.name), spec };
}
