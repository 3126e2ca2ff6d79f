/**
 * Kubernetes names from Compose names: DNS-1123 labels for most objects, DNS-1035 labels for Services (they
 * become DNS names and must start with a letter). Sanitizing is deterministic and keeps names readable
 * (`db_data` -> `db-data`); an overlong name is shortened with a hash of the original so two long names never
 * collapse into one. Names that still collide are reported where the objects are collected.
 */

/** A stable 32-bit FNV-1a hash, as 6 base-36 characters. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(6, '0').slice(-6);
}

/** A DNS-1123 label (lowercase alphanumerics and `-`, at most `max` characters, alphanumeric at both ends). */
export function dnsLabel(name: string, max = 63, mustStartWithLetter = false): string {
  let clean = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  if (mustStartWithLetter && !/^[a-z]/.test(clean)) clean = `s-${clean}`.replace(/-+$/, '');
  if (clean === '') clean = `x-${shortHash(name)}`;
  if (clean.length <= max) return clean;
  const hashSuffix = `-${shortHash(name)}`;
  return `${clean.slice(0, max - hashSuffix.length).replace(/-+$/, '')}${hashSuffix}`;
}

/** True when `name` is already a valid DNS-1123 label of at most `max` characters. */
export function isDnsLabel(name: string, max = 63): boolean {
  return name.length <= max && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name);
}

/** An IANA service name for a port: at most 15 characters, lowercase, a letter, no double or edge hyphens. */
export function portName(base: string, taken: Set<string>): string {
  let name = base.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '');
  if (!/[a-z]/.test(name)) name = `p${name}`;
  if (!/^[a-z0-9]/.test(name)) name = `p${name}`;
  name = name.slice(0, 15).replace(/-+$/, '');
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) {
    const suffix = `-${i}`;
    candidate = `${name.slice(0, 15 - suffix.length).replace(/-+$/, '')}${suffix}`;
  }
  taken.add(candidate);
  return candidate;
}

/** True for a valid DNS-1123 subdomain (the names of storage classes and most objects). */
export function isDnsSubdomain(name: string): boolean {
  return name.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name);
}
