/**
 * A service's container ports, from `ports` targets and `expose`: shared by its container, its Services and the
 * conversion context (which works them out once), so it depends on nothing in the emitter.
 */
import type { Service } from '../../ir/types.js';

/** A container port: its number, its protocol in upper case, and the host port of a host-mode port. */
export interface ContainerPort {
  port: number;
  protocol: string;
  hostPort?: number;
}

/** Every container port (targets of `ports` and `expose`), named uniquely; host-mode ports get a hostPort. */
export function containerPortList(s: Service): ContainerPort[] {
  const out: ContainerPort[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < s.ports.length; i++) {
    const p = s.ports[i]!;
    const hostPort = p.mode === 'host' && p.published ? Number(p.published.split('-')[0]) : undefined;
    addPort(out, seen, p.target, upperProtocol(p.protocol), hostPort);
  }
  for (let i = 0; i < s.expose.length; i++) {
    const e = s.expose[i]!;
    const [range, proto] = e.split('/') as [string, string | undefined];
    const [start, end] = range.split('-').map(Number) as [number, number | undefined];
    const protocol = upperProtocol(proto ?? 'tcp');
    for (let p = start; p <= (end ?? start); p++) if (Number.isInteger(p)) addPort(out, seen, p, protocol, undefined);
  }
  return out;
}

/** `tcp` and `udp` as constants: no new string per port for the usual protocols. */
function upperProtocol(protocol: string): string {
  return protocol === 'tcp' ? 'TCP' : protocol === 'udp' ? 'UDP' : protocol.toUpperCase();
}

function addPort(out: ContainerPort[], seen: Set<string>, port: number, protocol: string, hostPort: number | undefined): void {
  const key = `${port}/${protocol}`;
  if (seen.has(key)) return;
  seen.add(key);
  out.push(hostPort === undefined ? { port, protocol } : { port, protocol, hostPort });
}

/** The inverse of {@link upperProtocol}, for port names. */
export function lowerProtocol(protocol: string): string {
  return protocol === 'TCP' ? 'tcp' : protocol === 'UDP' ? 'udp' : protocol.toLowerCase();
}
