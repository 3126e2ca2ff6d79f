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
  // Most names (`web`, `db-data`, `bind-3iqmcl`) are labels already: one scan instead of four regex passes.
  if (isDnsLabel(name, max) && (!mustStartWithLetter || isLowerLetter(name.charCodeAt(0)))) return name;
  let clean = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  if (mustStartWithLetter && !/^[a-z]/.test(clean)) clean = `s-${clean}`.replace(/-+$/, '');
  if (clean === '') clean = `x-${shortHash(name)}`;
  if (clean.length <= max) return clean;
  const hashSuffix = `-${shortHash(name)}`;
  return `${clean.slice(0, max - hashSuffix.length).replace(/-+$/, '')}${hashSuffix}`;
}

function isLowerLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function isLowerAlphanumeric(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** An ASCII letter of either case or a digit. */
export function isAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}

/** A character of `[-._a-zA-Z0-9]`, what label values and ConfigMap and Secret keys are made of. */
export function isKeyCharacter(code: number): boolean {
  return isAlphanumeric(code) || code === 0x2d || code === 0x2e || code === 0x5f;
}

/**
 * True when `name` is already a valid DNS-1123 label of at most `max` characters: lowercase alphanumerics and `-`,
 * alphanumeric at both ends. A char-code scan: {@link dnsLabel} asks it for nearly every name it is given.
 */
export function isDnsLabel(name: string, max = 63): boolean {
  const n = name.length;
  if (n === 0 || n > max || !isLowerAlphanumeric(name.charCodeAt(0)) || !isLowerAlphanumeric(name.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const code = name.charCodeAt(i);
    if (!isLowerAlphanumeric(code) && code !== 0x2d) return false;
  }
  return true;
}

/** An IANA service name for a port: at most 15 characters, lowercase, a letter, no double or edge hyphens. */
export function portName(base: string, taken: Set<string>): string {
  const name = isCleanPortName(base) ? base : sanitizedPortName(base);
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) {
    const suffix = `-${i}`;
    candidate = `${name.slice(0, 15 - suffix.length).replace(/-+$/, '')}${suffix}`;
  }
  taken.add(candidate);
  return candidate;
}

/**
 * True for an IANA service name, which is what Kubernetes takes as a port name and what sanitizing would return
 * unchanged (`tcp-8080`): at most 15 lowercase alphanumerics with single inner hyphens, at least one of them a
 * letter.
 */
export function isCleanPortName(base: string): boolean {
  const n = base.length;
  if (n === 0 || n > 15 || base.charCodeAt(0) === 0x2d || base.charCodeAt(n - 1) === 0x2d) return false;
  let letter = false;
  for (let i = 0; i < n; i++) {
    const code = base.charCodeAt(i);
    if (isLowerLetter(code)) letter = true;
    else if (code === 0x2d ? base.charCodeAt(i - 1) === 0x2d : !isLowerAlphanumeric(code)) return false;
  }
  return letter;
}

function sanitizedPortName(base: string): string {
  let name = base.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '');
  if (!/[a-z]/.test(name)) name = `p${name}`;
  if (!/^[a-z0-9]/.test(name)) name = `p${name}`;
  return name.slice(0, 15).replace(/-+$/, '');
}

/** True for a valid DNS-1123 subdomain (the names of storage classes and most objects). */
export function isDnsSubdomain(name: string): boolean {
  return name.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name);
}

/**
 * True for a Kubernetes qualified name, the form of label and annotation keys and of `appProtocol`: an optional
 * DNS-subdomain prefix and `/`, then a name of up to 63 characters that starts and ends alphanumeric.
 */
export function isQualifiedName(key: string): boolean {
  const slash = key.indexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined && !isDnsSubdomain(prefix)) return false;
  return name.length <= 63 && /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(name);
}
