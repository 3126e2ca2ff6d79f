/**
 * Short-syntax service volumes (compose-semantics §13 "volumes"): `[source:]target[:options]`. A source that is a
 * path (`.`, `/`, `~`, `\\` or a drive letter) makes a bind mount; any other source names a volume; no source is an
 * anonymous volume. Options: `ro`, `rw`, `nocopy`, `z`, `Z` and the propagation modes; others are ignored, as in
 * Compose.
 *
 * Every service of a project usually has a few of these, so the scanners below walk character codes with plain
 * loops: no per-character strings, regular expressions or callbacks.
 */
import path from 'node:path';
import type { ServiceVolume } from '../types.js';
import { fail, ok, type Parsed } from './result.js';

const PROPAGATION = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate']);

const COLON = 0x3a;
const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const DOT = 0x2e;
const TILDE = 0x7e;
const DOLLAR = 0x24;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Parses one short-syntax volume entry. */
export function parseVolumeSpec(spec: string): Parsed<ServiceVolume> {
  if (spec.trim() === '') return fail('invalid empty volume spec');
  const parts = splitVolumeSpec(spec);
  if (parts.length > 3) return fail(`invalid volume "${spec}": too many colons`);
  for (let i = 0; i < parts.length; i++) if (parts[i] === '') return fail(`invalid volume "${spec}": empty section between colons`);
  if (parts.length === 1) return ok({ type: 'volume', target: cleanTarget(parts[0]!), extensions: {} });
  const source = parts[0]!;
  const volume: ServiceVolume = isPathSource(source)
    ? { type: 'bind', source, target: cleanTarget(parts[1]!), bind: { create_host_path: true }, extensions: {} }
    : { type: 'volume', source, target: cleanTarget(parts[1]!), extensions: {} };
  if (parts.length === 3) applyOptions(volume, parts[2]!);
  return ok(volume);
}

/**
 * Splits a short volume spec on `:`, except inside `${...}` (left by an escaped `$$`) and after a Windows drive
 * letter (`C:\data:/data`).
 */
export function splitVolumeSpec(spec: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < spec.length; i++) {
    const c = spec.charCodeAt(i);
    if (c === OPEN_BRACE && i > 0 && spec.charCodeAt(i - 1) === DOLLAR) depth++;
    else if (c === CLOSE_BRACE && depth > 0) depth--;
    else if (c === COLON && depth === 0 && !isDriveColon(spec, start, i)) {
      parts.push(spec.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(spec.slice(start));
  return parts;
}

/** True when the `:` at `i` ends a one-letter section starting at `start` and a path separator follows (`C:\`). */
function isDriveColon(spec: string, start: number, i: number): boolean {
  if (i - start !== 1 || !isLetter(spec.charCodeAt(start))) return false;
  const next = spec.charCodeAt(i + 1);
  return next === SLASH || next === BACKSLASH;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** True for a source Compose treats as a host path rather than a volume name. */
export function isPathSource(source: string): boolean {
  const first = source.charCodeAt(0);
  if (first === DOT || first === SLASH || first === TILDE || first === BACKSLASH) return true;
  // A drive letter: `C:`, `C:\...`, `C:/...`.
  return isLetter(first) && source.charCodeAt(1) === COLON;
}

/** Applies the comma-separated options of a short spec (empty items are skipped). */
function applyOptions(volume: ServiceVolume, options: string): void {
  let start = 0;
  for (let i = 0; i <= options.length; i++) {
    if (i < options.length && options.charCodeAt(i) !== 0x2c) continue;
    if (i > start) applyOption(volume, options.slice(start, i));
    start = i + 1;
  }
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
  if (target === '' || isCleanAbsolute(target)) return target;
  const cleaned = path.posix.normalize(target);
  return cleaned.length > 1 && cleaned.endsWith('/') ? cleaned.slice(0, -1) : cleaned;
}

/**
 * True for an absolute path that `path.Clean` leaves as it is (no empty, `.` or `..` segment, no trailing `/`):
 * nearly every target users write, which then needs no normalizing copy.
 */
function isCleanAbsolute(p: string): boolean {
  if (p.charCodeAt(0) !== SLASH) return false;
  if (p.length === 1) return true;
  // `segment` counts the characters of the current segment, and `dots` how many of them are dots.
  let segment = 0;
  let dots = 0;
  for (let i = 1; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c === SLASH) {
      if (segment === 0 || segment === dots && dots <= 2) return false;
      segment = 0;
      dots = 0;
    } else {
      segment++;
      if (c === DOT) dots++;
    }
  }
  return segment > 0 && !(segment === dots && dots <= 2);
}
