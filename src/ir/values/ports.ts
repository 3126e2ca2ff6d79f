/**
 * Short-syntax ports (compose-semantics §13 "ports"): `[[ip:]host:]container[/protocol]`, with ranges, IPv6 host
 * addresses and Compose's ordering and range rules. A host range with one container port stays one entry whose
 * `published` is the range; equal-length ranges pair up; a container range alone gives one entry per port.
 */
import { isIP } from 'node:net';
import type { Port } from '../types.js';
import { fail, ok, type Parsed } from './result.js';

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

/** Parses one short-syntax port entry (a number or a string) into long-syntax ports. */
export function parsePortSpec(input: string | number): Parsed<Port[]> {
  if (typeof input === 'number') {
    return Number.isInteger(input) && input >= 1 && input <= 65535
      ? ok([port(input, undefined, undefined, 'tcp')])
      : fail(`invalid container port ${input}: must be 1 to 65535`);
  }
  let spec = input.trim();
  let protocol = 'tcp';
  const slash = spec.lastIndexOf('/');
  if (slash >= 0) {
    protocol = spec.slice(slash + 1).toLowerCase();
    spec = spec.slice(0, slash);
    if (!PROTOCOLS.has(protocol)) return fail(`invalid protocol "${input.slice(slash + 1)}" in port "${input}": use tcp, udp or sctp`);
  }
  const parts = spec.split(':');
  const containerText = parts[parts.length - 1]!;
  const hostText = parts.length >= 2 ? parts[parts.length - 2]! : '';
  let ip = parts.length >= 3 ? parts.slice(0, -2).join(':') : undefined;
  if (ip !== undefined) {
    if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
    if (ip === '') ip = undefined;
    else if (isIP(ip) === 0) return fail(`invalid IP address "${ip}" in port "${input}"`);
  }
  const container = parseRange(containerText);
  if (!container.ok) return fail(`invalid container port in "${input}": ${container.message}`);
  // Host port 0 asks for any free port; container port 0 names no port at all.
  if (container.value[0] === 0) return fail(`invalid container port in "${input}": must be 1 to 65535`);
  const host = hostText === '' ? undefined : parseRange(hostText);
  if (host && !host.ok) return fail(`invalid host port in "${input}": ${host.message}`);
  const [cStart, cEnd] = container.value;
  const proto = protocol as Port['protocol'];
  const entries: Port[] = [];
  if (!host) {
    for (let p = cStart; p <= cEnd; p++) entries.push(port(p, undefined, ip, proto));
  } else {
    const [hStart, hEnd] = host.value;
    if (cStart === cEnd) entries.push(port(cStart, hStart === hEnd ? String(hStart) : `${hStart}-${hEnd}`, ip, proto));
    else if (hEnd - hStart !== cEnd - cStart) {
      return fail(`invalid port "${input}": the host and container ranges must have the same length`);
    } else {
      for (let i = 0; i <= cEnd - cStart; i++) entries.push(port(cStart + i, String(hStart + i), ip, proto));
    }
  }
  // Compose orders the entries of one spec by the text "<port>/<protocol>".
  return ok(entries.sort((a, b) => compareText(`${a.target}/${a.protocol}`, `${b.target}/${b.protocol}`)));
}

/** A port number or `a-b` range. */
export function parseRange(text: string): Parsed<[number, number]> {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) return fail(`"${text}" is not a port number or range`);
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start > 65535 || end > 65535) return fail(`${text} is out of range (0 to 65535)`);
  if (end < start) return fail(`the range ${text} ends before it starts`);
  return ok([start, end]);
}

function port(target: number, published: string | undefined, hostIp: string | undefined, protocol: Port['protocol']): Port {
  const p: Port = { target, protocol, mode: 'ingress', extensions: {} };
  if (published !== undefined) p.published = published;
  if (hostIp !== undefined) p.host_ip = hostIp;
  return p;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
