/**
 * Short-syntax ports (compose-semantics §13 "ports"): `[[ip:]host:]container[/protocol]`, with ranges, IPv6 host
 * addresses and Compose's ordering and range rules. A host range with one container port stays one entry whose
 * `published` is the range; equal-length ranges pair up; a container range alone gives one entry per port.
 */
import type { Port } from '../types.js';
import { fail, ok, type Parsed } from './result.js';
import { sortByString } from '../../util/strings.js';

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
  // `[[ip:]host:]container`, found from the right (an IPv6 address holds colons of its own).
  const last = spec.lastIndexOf(':');
  const before = last > 0 ? spec.lastIndexOf(':', last - 1) : -1;
  const containerText = last < 0 ? spec : spec.slice(last + 1);
  const hostText = last < 0 ? '' : spec.slice(before + 1, last);
  let ip = before < 0 ? undefined : spec.slice(0, before);
  if (ip !== undefined) {
    if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
    if (ip === '') ip = undefined;
    else if (!isIpAddress(ip)) return fail(`invalid IP address "${ip}" in port "${input}"`);
  }
  const container = readRange(containerText);
  if (container < 0) return fail(`invalid container port in "${input}": ${rangeMessage(containerText, container)}`);
  const cStart = rangeStart(container);
  const cEnd = rangeEnd(container);
  // Host port 0 asks for any free port; container port 0 names no port at all.
  if (cStart === 0) return fail(`invalid container port in "${input}": must be 1 to 65535`);
  const host = hostText === '' ? undefined : readRange(hostText);
  if (host !== undefined && host < 0) return fail(`invalid host port in "${input}": ${rangeMessage(hostText, host)}`);
  const proto = protocol as Port['protocol'];
  const entries: Port[] = [];
  if (host === undefined) {
    for (let p = cStart; p <= cEnd; p++) entries.push(port(p, undefined, ip, proto));
  } else {
    const hStart = rangeStart(host);
    const hEnd = rangeEnd(host);
    if (cStart === cEnd) entries.push(port(cStart, hStart === hEnd ? String(hStart) : `${hStart}-${hEnd}`, ip, proto));
    else if (hEnd - hStart !== cEnd - cStart) {
      return fail(`invalid port "${input}": the host and container ranges must have the same length`);
    } else {
      for (let i = 0; i <= cEnd - cStart; i++) entries.push(port(cStart + i, String(hStart + i), ip, proto));
    }
  }
  // Compose orders the entries of one spec by the text "<port>/<protocol>" (one entry, the usual case, is in order).
  if (entries.length > 1) sortByString(entries, (e) => `${e.target}/${e.protocol}`);
  return ok(entries);
}

/** A port number or `a-b` range. */
export function parseRange(text: string): Parsed<[number, number]> {
  const range = readRange(text);
  return range < 0 ? fail(rangeMessage(text, range)) : ok([rangeStart(range), rangeEnd(range)]);
}

// readRange packs a valid range into one number, start * RANGE_BASE + end (both at most 65535), so the hot path
// allocates nothing; the negative values name what is wrong.
const RANGE_BASE = 0x10000;
const NOT_A_RANGE = -1;
const OUT_OF_RANGE = -2;
const BACKWARDS = -3;

/** Reads `\d+` or `\d+-\d+`: a packed range, or one of the negative codes above. */
function readRange(text: string): number {
  let start = 0;
  let end = 0;
  let digits = 0;
  let dash = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (dash < 0) start = start * 10 + (c - 0x30);
      else end = end * 10 + (c - 0x30);
      digits++;
    } else if (c === 0x2d && dash < 0 && digits > 0) {
      dash = i;
      digits = 0;
    } else return NOT_A_RANGE;
  }
  if (digits === 0) return NOT_A_RANGE;
  if (dash < 0) end = start;
  if (start > 65535 || end > 65535) return OUT_OF_RANGE;
  if (end < start) return BACKWARDS;
  return start * RANGE_BASE + end;
}

function rangeStart(range: number): number {
  return Math.floor(range / RANGE_BASE);
}

function rangeEnd(range: number): number {
  return range % RANGE_BASE;
}

function rangeMessage(text: string, code: number): string {
  if (code === OUT_OF_RANGE) return `${text} is out of range (0 to 65535)`;
  if (code === BACKWARDS) return `the range ${text} ends before it starts`;
  return `"${text}" is not a port number or range`;
}

function port(target: number, published: string | undefined, hostIp: string | undefined, protocol: Port['protocol']): Port {
  const p: Port = { target, protocol, mode: 'ingress', extensions: {} };
  if (published !== undefined) p.published = published;
  if (hostIp !== undefined) p.host_ip = hostIp;
  return p;
}

/**
 * Node's own IP check, fetched only for a port that names a host IP: importing node:net at the top would load
 * Node's net and stream modules at every start, some 13 million instructions, a few per cent of a short run.
 */
function isIpAddress(text: string): boolean {
  return process.getBuiltinModule('node:net').isIP(text) !== 0;
}

/** True for an address of the loopback interface (127.0.0.0/8, ::1, or ::ffff:127.x.y.z), with or without brackets. */
export function isLoopbackAddress(hostIp: string): boolean {
  const ip = hostIp.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip)) return true;
  if (/^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip)) return true;
  return isIpv6Loopback(ip);
}

/** `::1` in any of its spellings (`0:0:0:0:0:0:0:1`, `::0:1`, ...): every group zero except a last group of 1. */
function isIpv6Loopback(ip: string): boolean {
  const halves = ip.split('::');
  if (halves.length > 2 || halves[halves.length - 1] === '') return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (groups.length > 8 || (halves.length === 1 && groups.length !== 8)) return false;
  return groups.every((g, i) => /^[0-9a-f]{1,4}$/.test(g) && parseInt(g, 16) === (i === groups.length - 1 ? 1 : 0));
}
