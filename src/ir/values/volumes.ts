/**
 * Short-syntax service volumes (compose-semantics §13 "volumes"): `[source:]target[:options]`. A source that is a
 * path (`.`, `/`, `~`, `\\` or a drive letter) makes a bind mount; any other source names a volume; no source is an
 * anonymous volume. Options: `ro`, `rw`, `nocopy`, `z`, `Z` and the propagation modes; others are ignored, as in
 * Compose.
 */
import path from 'node:path';
import type { ServiceVolume } from '../types.js';
import { fail, ok, type Parsed } from './result.js';

const PROPAGATION = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate']);

/** Parses one short-syntax volume entry. */
export function parseVolumeSpec(spec: string): Parsed<ServiceVolume> {
  if (spec.trim() === '') return fail('invalid empty volume spec');
  const parts = splitVolumeSpec(spec);
  if (parts.length > 3) return fail(`invalid volume "${spec}": too many colons`);
  if (parts.some((p) => p === '')) return fail(`invalid volume "${spec}": empty section between colons`);
  if (parts.length === 1) return ok({ type: 'volume', target: cleanTarget(parts[0]!), extensions: {} });
  const [source, target, options] = parts as [string, string, string | undefined];
  const volume: ServiceVolume = isPathSource(source)
    ? { type: 'bind', source, target: cleanTarget(target), bind: { create_host_path: true }, extensions: {} }
    : { type: 'volume', source, target: cleanTarget(target), extensions: {} };
  for (const option of (options ?? '').split(',').filter(Boolean)) applyOption(volume, option);
  return ok(volume);
}

/**
 * Splits a short volume spec on `:`, except inside `${...}` (left by an escaped `$$`) and after a Windows drive
 * letter (`C:\data:/data`).
 */
export function splitVolumeSpec(spec: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i]!;
    if (c === '{' && spec[i - 1] === '$') depth++;
    else if (c === '}' && depth > 0) depth--;
    const driveLetter = c === ':' && current.length === 1 && /[a-zA-Z]/.test(current) && /[\\/]/.test(spec[i + 1] ?? '');
    if (c === ':' && depth === 0 && !driveLetter) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** True for a source Compose treats as a host path rather than a volume name. */
export function isPathSource(source: string): boolean {
  return /^[./~\\]/.test(source) || /^[a-zA-Z]:[\\/]?/.test(source) && source.length >= 2 && source[1] === ':';
}

function applyOption(volume: ServiceVolume, option: string): void {
  if (option === 'ro') volume.read_only = true;
  else if (option === 'rw') volume.read_only = false;
  else if (option === 'nocopy' && volume.type === 'volume') volume.volume = { ...volume.volume, nocopy: true };
  else if ((option === 'z' || option === 'Z') && volume.type === 'bind') volume.bind = { ...volume.bind, selinux: option };
  else if (PROPAGATION.has(option) && volume.type === 'bind') volume.bind = { ...volume.bind, propagation: option };
}

/** Go's `path.Clean` for container paths. */
export function cleanTarget(target: string): string {
  if (target === '') return target;
  const cleaned = path.posix.normalize(target);
  return cleaned.length > 1 && cleaned.endsWith('/') ? cleaned.slice(0, -1) : cleaned;
}
