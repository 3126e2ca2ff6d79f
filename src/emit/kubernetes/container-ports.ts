/**
 * A service's container ports, from `ports` targets and `expose`: shared by its container, its Services and the
 * conversion context (which works them out once), so it depends on nothing in the emitter.
 */
import type { Service } from '../../ir/types.js';
import { isCleanPortName } from './names.js';

/** A container port: its number, its protocol in upper case, and the host port of a host-mode port. */
export interface ContainerPort {
  port: number;
  protocol: string;
  hostPort?: number;
  /** The `name` of the `ports` entry, when it is a valid port name no earlier port took. */
  name?: string;
}

/** Every container port (targets of `ports` and `expose`), named uniquely; host-mode ports get a hostPort. */
export function containerPortList(s: Service): ContainerPort[] {
  const out: ContainerPort[] = [];
  const seen = new Set<string>();
  const names = new Set<string>();
  for (let i = 0; i < s.ports.length; i++) {
    const p = s.ports[i]!;
    const hostPort = p.mode === 'host' && p.published ? Number(p.published.split('-')[0]) : undefined;
    const added = addPort(out, seen, p.target, upperProtocol(p.protocol), hostPort);
    // A user's name is kept when Kubernetes takes it and it is the only name of one container port.
    if (p.name === undefined || !isCleanPortName(p.name) || names.has(p.name)) continue;
    const port = added ?? out.find((o) => o.port === p.target && o.protocol === upperProtocol(p.protocol))!;
    if (port.name !== undefined) continue;
    port.name = p.name;
    names.add(p.name);
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

/** Adds a port not seen yet and returns it; undefined for a repeat. */
function addPort(out: ContainerPort[], seen: Set<string>, port: number, protocol: string, hostPort: number | undefined): ContainerPort | undefined {
  const key = `${port}/${protocol}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  const entry: ContainerPort = hostPort === undefined ? { port, protocol } : { port, protocol, hostPort };
  out.push(entry);
  return entry;
}

/**
 * The names the user gave that {@link containerPortList} kept, so generated names avoid them. Seeds a fresh
 * `taken` set for {@link portName}.
 */
export function userPortNames(list: readonly ContainerPort[]): Set<string> {
  const taken = new Set<string>();
  for (let i = 0; i < list.length; i++) if (list[i]!.name !== undefined) taken.add(list[i]!.name!);
  return taken;
}

/** The inverse of {@link upperProtocol}, for port names. */
export function lowerProtocol(protocol: string): string {
  return protocol === 'TCP' ? 'tcp' : protocol === 'UDP' ? 'udp' : protocol.toLowerCase();
}
