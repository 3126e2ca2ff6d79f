/**
 * A service's published ports. Swarm publishes each port on every node (the routing mesh) or, in `host` mode, on
 * the node running the task, always on every address: a `host_ip` is reported and dropped. The long syntax needs
 * stack file version 3.2; older versions get the short one.
 */
import type { Port, Service } from '../../ir/types.js';
import { isLoopbackAddress } from '../../ir/values/ports.js';
import type { SwarmContext } from './context.js';
import { onHostNetwork } from './networks.js';
import type { SwarmPort } from './stack-types.js';

/** The stack file's `ports` of a service (empty when it publishes none). */
export function servicePorts(c: SwarmContext, s: Service): (string | SwarmPort)[] {
  return onHostNetwork(s) ? hostNetworkPorts(c, s) : publishedPorts(c, s);
}

/**
 * Ports of a service on the host network. Docker Compose discards them (the service listens on the host's ports
 * directly); Swarm accepts only host-mode publishing there, which would claim the same ports a second time.
 */
function hostNetworkPorts(c: SwarmContext, s: Service): [] {
  if (s.ports.length > 0) {
    c.report('info', 'SWARM_HOST_NETWORK_PORTS', `services.${s.name}.ports: with network_mode: host the service listens on the node's own ports, and Docker Compose discards ports:; so does the stack file`, s, 'ports');
  }
  return [];
}

/** Ports in long syntax where the version has it; a published range becomes one entry per host port, as Swarm needs. */
function publishedPorts(c: SwarmContext, s: Service): (string | SwarmPort)[] {
  const long = c.needs('longSyntax', `services.${s.name}.ports in long syntax`, s, 'ports');
  // endpoint_mode needs the same version as the long syntax, so below it neither is written and ingress stays valid.
  const dnsrr = long && s.deploy?.endpoint_mode?.toLowerCase() === 'dnsrr';
  const moved: string[] = [];
  const out: (string | SwarmPort)[] = [];
  const loopback: string[] = [];
  for (const p of s.ports) {
    if (p.host_ip !== undefined && isLoopbackAddress(p.host_ip)) {
      loopback.push(describe(p));
      continue;
    }
    if (p.host_ip !== undefined) {
      c.report('warning', 'SWARM_HOST_IP', `services.${s.name}.ports: Swarm publishes on every address; host_ip ${p.host_ip} is dropped`, s, 'ports');
    }
    const mode = dnsrr ? 'host' : p.mode;
    if (mode !== p.mode) moved.push(describe(p));
    for (const published of hostPorts(p)) out.push(long ? longPort(p, published, mode) : shortPort(p, published));
  }
  if (moved.length > 0) reportDnsrrPorts(c, s, moved);
  if (loopback.length > 0) reportLoopbackPorts(c, s, loopback);
  reportPortLabels(c, s);
  return withoutDuplicates(out);
}

/** `name`, `app_protocol` and `x-` fields only describe a port; the v3 format has none of them, so they are left out, and said so. */
function reportPortLabels(c: SwarmContext, s: Service): void {
  const lost: string[] = [];
  for (const p of s.ports) {
    if (p.name !== undefined) lost.push(`name ${p.name} (port ${p.target})`);
    if (p.app_protocol !== undefined) lost.push(`app_protocol ${p.app_protocol} (port ${p.target})`);
    for (const field of Object.keys(p.extensions)) lost.push(`${field} (port ${p.target})`);
  }
  if (lost.length === 0) return;
  c.report('info', 'SWARM_PORT_FIELDS', `services.${s.name}.ports: the stack format has no port name, app_protocol or extension fields; left out: ${lost.join(', ')}`, s, 'ports', 'nothing changes how the port is published; keep the names in a comment or a label if other tools read them');
}

/** A port as the user would recognise it in a message: `[host_ip:]published:target`. */
function describe(p: Port): string {
  const ip = p.host_ip === undefined ? '' : p.host_ip.includes(':') && !p.host_ip.startsWith('[') ? `[${p.host_ip}]:` : `${p.host_ip}:`;
  return `${ip}${p.published === undefined ? '' : `${p.published}:`}${p.target}/${p.protocol}`;
}

/**
 * A port Compose published on loopback only is kept off the node: Swarm ignores the host IP and publishes on every
 * address of every node (the routing mesh) or of the task's node (host mode), which would expose what Compose kept
 * local. Other services on the same networks reach it by name either way.
 */
function reportLoopbackPorts(c: SwarmContext, s: Service, ports: string[]): void {
  c.report('warning', 'SWARM_LOOPBACK_PORT', `services.${s.name}.ports: ${ports.join(', ')} ${ports.length === 1 ? 'is' : 'are'} published on loopback only under Compose, but Swarm publishes on every address, so ${ports.length === 1 ? 'it is' : 'they are'} not published; services on the same networks still reach ${s.name} by name on the container port`, s, 'ports', 'to publish it on every address anyway, drop the host IP (routing mesh on every node) or use the long syntax with mode: host (only on the node running the task); from a node, docker exec into a task to reach it locally');
}

/**
 * The routing mesh needs a virtual IP, so the daemon rejects ingress ports on a dnsrr service ("port published with
 * ingress mode can't be used with dnsrr mode"). Host mode is what remains: each node running a task publishes the
 * port itself, where Compose published it on the one host.
 */
function reportDnsrrPorts(c: SwarmContext, s: Service, ports: string[]): void {
  c.report('warning', 'SWARM_DNSRR_PORTS', `services.${s.name}.ports: with deploy.endpoint_mode dnsrr Swarm has no routing mesh, so ${ports.join(', ')} ${ports.length === 1 ? 'is' : 'are'} published in mode host: only on the nodes running a task, and two tasks cannot share a node's port`, s, 'ports', 'connect to a node that runs a task (deploy.placement.constraints can pin it), keep at most one task per node (deploy.placement.max_replicas_per_node: 1 or mode: global), or use endpoint_mode: vip to publish on every node');
}

/** Overlapping entries ("3000" and "3000-3005") give identical ports, which the v3 schema rejects as duplicates. */
function withoutDuplicates(ports: (string | SwarmPort)[]): (string | SwarmPort)[] {
  const seen = new Set<string>();
  return ports.filter((port) => {
    const key = JSON.stringify(port);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Each host port of a published port or range; `[undefined]` when the port is not published. */
function hostPorts(p: Port): (number | undefined)[] {
  if (p.published === undefined) return [undefined];
  const [start, end] = p.published.split('-').map(Number) as [number, number | undefined];
  const out: number[] = [];
  for (let port = start; port <= (end ?? start); port++) out.push(port);
  return out;
}

function longPort(p: Port, published: number | undefined, mode: Port['mode']): SwarmPort {
  const out: SwarmPort = { target: p.target, protocol: p.protocol, mode };
  if (published !== undefined) out.published = published;
  return out;
}

function shortPort(p: Port, published: number | undefined): string {
  return `${published === undefined ? '' : `${published}:`}${p.target}/${p.protocol}`;
}
