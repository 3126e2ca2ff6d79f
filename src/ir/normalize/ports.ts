/** `ports` and `expose`: every entry in long syntax, short-syntax ranges expanded (compose-semantics §13). */
import { isPlainObject } from '../../util/objects.js';
import type { Port } from '../types.js';
import { parsePortSpec, parseRange } from '../values/ports.js';
import { extensionsOf, numberFrom, text, type Normalizer } from './context.js';

/** Normalizes a service's `ports`. */
export function normalizePorts(n: Normalizer, value: unknown, service: string): Port[] {
  if (!Array.isArray(value)) return [];
  const out: Port[] = [];
  for (let i = 0; i < value.length; i++) {
    const entry: unknown = value[i];
    if (typeof entry === 'string' || typeof entry === 'number') {
      const parsed = parsePortSpec(entry);
      if (!parsed.ok) n.invalid('PORT_INVALID', `services.${service}.ports[${i}]`, parsed.message, value, i);
      else for (let j = 0; j < parsed.value.length; j++) out.push(parsed.value[j]!);
      continue;
    }
    if (isPlainObject(entry)) {
      const port = longPort(n, entry, service, value, i);
      if (port) out.push(port);
    }
  }
  return out;
}

/** One long-syntax entry, or undefined after reporting why it is unusable. */
function longPort(n: Normalizer, entry: Record<string, unknown>, service: string, value: unknown[], i: number): Port | undefined {
  const target = numberFrom(entry.target);
  if (target === undefined || !Number.isInteger(target) || target < 1 || target > 65535) {
    n.error('PORT_INVALID', `services.${service}.ports[${i}]: target must be a port number (1 to 65535)`, value, i);
    return undefined;
  }
  const protocol = typeof entry.protocol === 'string' ? entry.protocol.toLowerCase() : 'tcp';
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') {
    n.error('PORT_INVALID', `services.${service}.ports[${i}]: protocol "${String(entry.protocol)}" is not tcp, udp or sctp`, entry, 'protocol');
    return undefined;
  }
  const port: Port = {
    target,
    protocol,
    mode: (entry.mode === 'host' ? 'host' : 'ingress'),
    extensions: extensionsOf(entry),
  };
  if (entry.published !== undefined && entry.published !== null && entry.published !== '') {
    const published = text(entry.published);
    if (!parseRange(published).ok) {
      n.error('PORT_INVALID', `services.${service}.ports[${i}]: published "${published}" is not a port or range`, entry, 'published');
    }
    port.published = published;
  }
  if (typeof entry.host_ip === 'string' && entry.host_ip !== '') port.host_ip = entry.host_ip;
  if (typeof entry.name === 'string') port.name = entry.name;
  if (typeof entry.app_protocol === 'string') port.app_protocol = entry.app_protocol;
  return port;
}

const EXPOSE = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i;

/** Normalizes `expose` to strings such as `"80"` or `"90-91/udp"`; anything else is a located error. */
export function normalizeExpose(n: Normalizer, value: unknown, service: string): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const entry = text(value[i]);
    if (isExposable(entry)) out.push(entry);
    else n.error('PORT_INVALID', `services.${service}.expose[${i}]: "${entry}" is not a port or range (1 to 65535) with an optional /tcp, /udp or /sctp`, value, i);
  }
  return out;
}

function isExposable(entry: string): boolean {
  const m = EXPOSE.exec(entry);
  if (!m) return false;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  return start >= 1 && start <= 65535 && end >= 1 && end <= 65535 && start <= end;
}
