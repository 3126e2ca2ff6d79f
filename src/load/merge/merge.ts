/**
 * Merging one Compose model onto another, with Compose's per-field rules (compose-semantics §8): mappings merge,
 * sequences append, scalars are replaced, `null` keeps the base, and the special fields of §8.2 are converted
 * before they are combined. `!reset` removes a base entry and `!override` replaces it whole (§8.3).
 *
 * Inputs are never mutated. Every entry keeps the position of the file that supplied it, so a later error about a
 * value points at the override that set it.
 */
import { error, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { copyEntryLocation, copyLocations, entryLocation, hasEntryLocation, setEntryLocation } from '../../diagnostics/locations.js';
import { isOverride, isReset } from '../../parse/tags.js';
import { hasOwn, isPlainObject, setOwn, type PlainObject } from '../../util/objects.js';
import { keyBeforeEquals } from './keys.js';
import { stripMarkers } from './markers.js';
import { sortStrings } from '../../util/strings.js';

export { stripMarkers } from './markers.js';

/** A merged value and any conflicts found. */
export interface MergeResult {
  value: unknown;
  diagnostics: Diagnostic[];
}

/** Merges a whole top-level model over another (several `-f` files, or a document over its includes). */
export function mergeModels(base: unknown, override: unknown): MergeResult {
  const merger = new Merger();
  const value = merger.value(base, override, [], undefined);
  return { value: value === REMOVED ? {} : value, diagnostics: merger.diagnostics };
}

/** Merges one service over another with the same rules as at `services.<name>` (used by `extends`). */
export function mergeService(base: unknown, override: unknown, serviceName: string): MergeResult {
  const merger = new Merger();
  const value = merger.value(base, override, ['services', serviceName], undefined);
  return { value: value === REMOVED ? {} : value, diagnostics: merger.diagnostics };
}

const REMOVED = Symbol('removed');
type Path = readonly string[];
/** Where the override value was written: its container and key, for diagnostics. */
type Where = { container: object; key: string } | undefined;

/** Service fields combined as `KEY=value` lists. */
const KEY_VALUE_FIELDS = new Set(['environment', 'labels', 'annotations', 'sysctls']);
const KEY_VALUE_BUILD_FIELDS = new Set(['args', 'labels', 'additional_contexts']);
/** Service fields where a string is a one-item list. */
const LIST_FIELDS = new Set(['dns', 'dns_opt', 'dns_search', 'tmpfs', 'env_file', 'label_file']);
/** Service fields that are replaced, never merged. */
const REPLACED_FIELDS = new Set(['command', 'entrypoint']);

class Merger {
  readonly diagnostics: Diagnostic[] = [];

  value(base: unknown, over: unknown, path: Path, where: Where): unknown {
    if (isReset(over)) return REMOVED;
    if (isOverride(over)) return stripMarkers(over.value) ?? REMOVED;
    if (over === null || over === undefined) return base === undefined ? over : base;
    if (base === undefined || base === null) return stripMarkers(over) ?? REMOVED;
    return this.special(base, over, path, where) ?? this.generic(base, over, path, where);
  }

  generic(base: unknown, over: unknown, path: Path, where: Where): unknown {
    if (isPlainObject(over)) {
      if (isPlainObject(base)) return this.maps(base, over, path);
      return this.conflict(base, over, path, where);
    }
    if (Array.isArray(over)) {
      if (Array.isArray(base)) return appendLists(base, stripMarkers(over) as unknown[]);
      return this.conflict(base, over, path, where);
    }
    return over;
  }

  maps(base: PlainObject, over: PlainObject, path: Path): PlainObject {
    const out: PlainObject = {};
    for (const key of Object.keys(base)) setOwn(out, key, base[key]);
    copyLocations(base, out);
    for (const key of Object.keys(over)) {
      const value = over[key];
      const merged = hasOwn(base, key)
        ? this.value(base[key], value, [...path, key], { container: over, key })
        : (stripMarkers(value) ?? (isReset(value) ? REMOVED : value));
      if (merged === REMOVED) {
        delete out[key];
        continue;
      }
      setOwn(out, key, merged);
      if (merged !== base[key]) {
        copyEntryLocation(over, key, out);
        // Lists built from a scalar (`env_file: a.env`) have no item positions: point items at the entry.
        // A base scalar became the first item; every other unplaced item came from the override.
        if (Array.isArray(merged)) {
          const fromBase = base[key] !== null && typeof base[key] !== 'object' ? 1 : 0;
          fillItemLocations(merged, 0, fromBase, entryLocation(base, key));
          fillItemLocations(merged, fromBase, merged.length, entryLocation(over, key));
        }
      }
    }
    return out;
  }

  /** The §8.2 rules, or undefined when the path has none. */
  special(base: unknown, over: unknown, path: Path, where: Where): unknown {
    if (path[0] === 'services' && path.length >= 3) return this.serviceField(base, over, path.slice(2), path, where);
    if ((path[0] === 'networks' || path[0] === 'volumes') && path.length === 3 && path[2] === 'labels') {
      return mergeAsLists(base, over, true);
    }
    if (path[0] === 'networks' && path.length === 4 && path[2] === 'ipam' && path[3] === 'config') {
      return Array.isArray(base) && Array.isArray(over) ? this.ipamConfigs(base, over, path) : undefined;
    }
    return undefined;
  }

  serviceField(base: unknown, over: unknown, field: Path, path: Path, where: Where): unknown {
    const [first, second] = field;
    if (field.length === 1) {
      if (REPLACED_FIELDS.has(first!)) return stripMarkers(over);
      if (KEY_VALUE_FIELDS.has(first!)) return mergeAsLists(base, over, true);
      if (LIST_FIELDS.has(first!)) return mergeAsLists(base, over, false);
      if (first === 'extra_hosts') return mergeHosts(base, over);
      if (first === 'build') return this.generic(buildMapping(base), buildMapping(over), path, where);
      if (first === 'depends_on') return this.maps(asMap(base, dependsOnDefault), asMap(over, dependsOnDefault), path);
      if (first === 'networks' || first === 'models') return this.maps(asMap(base, () => null), asMap(over, () => null), path);
      if (first === 'logging') return this.logging(base, over, path, where);
      return undefined;
    }
    if (field.length === 2) {
      if (first === 'healthcheck' && second === 'test') return stripMarkers(over);
      if (first === 'ulimits') return stripMarkers(over);
      if (first === 'build' && KEY_VALUE_BUILD_FIELDS.has(second!)) return mergeAsLists(base, over, true);
      if (first === 'build' && second === 'extra_hosts') return mergeHosts(base, over);
      if (first === 'deploy' && second === 'labels') return mergeAsLists(base, over, true);
      return undefined;
    }
    if (field.length === 4 && first === 'volumes' && field[2] === 'volume' && field[3] === 'labels') {
      return mergeAsLists(base, over, true);
    }
    return undefined;
  }

  /** Same driver (or either unset): merge. Different drivers: the override replaces the whole block. */
  logging(base: unknown, over: unknown, path: Path, where: Where): unknown {
    if (isPlainObject(base) && isPlainObject(over)) {
      const a = base.driver;
      const b = over.driver;
      if (a !== undefined && b !== undefined && a !== null && b !== null && a !== b) return stripMarkers(over);
    }
    return this.generic(base, over, path, where);
  }

  /** `ipam.config`: entries with the same subnet merge as mappings; new subnets are appended. */
  ipamConfigs(base: unknown[], over: unknown[], path: Path): unknown[] {
    const out = [...base];
    copyLocations(base, out);
    over.forEach((entry, i) => {
      const subnet = isPlainObject(entry) ? entry.subnet : undefined;
      const at = subnet === undefined ? -1 : out.findIndex((e) => isPlainObject(e) && e.subnet === subnet);
      if (at >= 0 && isPlainObject(entry)) out[at] = this.maps(out[at] as PlainObject, entry, [...path, String(at)]);
      else {
        copyEntryLocation(over, i, out, out.length);
        out.push(stripMarkers(entry));
      }
    });
    return out;
  }

  conflict(base: unknown, over: unknown, path: Path, where: Where): unknown {
    const location = where ? entryLocation(where.container, where.key) : undefined;
    this.diagnostics.push(
      error(
        'MERGE_CONFLICT',
        `cannot override ${path.join('.')}: the base value is ${kindOf(base)}, the override is ${kindOf(over)}`,
        location,
        'write the same form in both files, or replace the base value with !override',
      ),
    );
    return stripMarkers(over);
  }
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a sequence';
  if (isPlainObject(value)) return 'a mapping';
  return `a ${typeof value}`;
}

/** Base items, then override items, keeping each item's position. */
function appendLists(base: readonly unknown[], over: readonly unknown[]): unknown[] {
  const out = [...base, ...over];
  copyLocations(base, out);
  over.forEach((_, i) => copyEntryLocation(over, i, out, base.length + i));
  return out;
}

/**
 * Both sides as lists, then appended (unicity runs afterwards). A mapping becomes sorted `k=v` entries (`k` for
 * null); a `!reset` entry in an override mapping removes that key from the base list.
 */
function mergeAsLists(base: unknown, over: unknown, keyValue: boolean): unknown[] {
  const removed = new Set<string>();
  if (isPlainObject(over)) for (const key of Object.keys(over)) if (isReset(over[key])) removed.add(key);
  const baseList = toList(base, keyValue).filter((e) => removed.size === 0 || !removed.has(keyBeforeEquals(e) ?? ''));
  return appendLists(baseList, toList(stripMarkers(over), keyValue));
}

function toList(value: unknown, keyValue: boolean): unknown[] {
  if (Array.isArray(value)) return value;
  if (isPlainObject(value)) {
    const out: unknown[] = [];
    for (const key of sortStrings(Object.keys(value))) {
      const v = value[key];
      setEntryLocation(out, out.length, entryLocation(value, key));
      out.push(keyValue ? (v === null || v === undefined ? key : `${key}=${scalarText(v)}`) : v);
    }
    return out;
  }
  if (value === undefined || value === null) return [];
  return [scalarText(value)];
}

/** `extra_hosts`: both sides as `host=ip` lists; an override entry identical to a base entry is dropped. */
function mergeHosts(base: unknown, over: unknown): unknown[] {
  const baseList = hostsList(base);
  const seen = new Set(baseList.map(String));
  const extra = hostsList(stripMarkers(over)).filter((e) => !seen.has(String(e)));
  return appendLists(baseList, extra);
}

function hostsList(value: unknown): unknown[] {
  if (!isPlainObject(value)) return toList(value, false);
  const out: unknown[] = [];
  for (const host of sortStrings(Object.keys(value))) {
    const ips = value[host];
    for (const ip of Array.isArray(ips) ? ips : [ips]) {
      setEntryLocation(out, out.length, entryLocation(value, host));
      out.push(`${host}=${scalarText(ip)}`);
    }
  }
  return out;
}

function buildMapping(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const out: PlainObject = { context: value };
  return out;
}

function dependsOnDefault(): PlainObject {
  return { condition: 'service_started', required: true };
}

/** A list of names becomes a mapping from each name to a default value; a mapping is kept. */
function asMap(value: unknown, byDefault: () => unknown): PlainObject {
  if (isPlainObject(value)) return value;
  const out: PlainObject = {};
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (typeof item !== 'string') return;
      setOwn(out, item, byDefault());
      setEntryLocation(out, item, entryLocation(value, i), entryLocation(value, i));
    });
    copyLocations(value, out);
  }
  return out;
}

function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

function fillItemLocations(list: unknown[], from: number, to: number, fallback: ReturnType<typeof entryLocation>): void {
  if (!fallback) return;
  for (let i = from; i < to; i++) if (!hasEntryLocation(list, i)) setEntryLocation(list, i, fallback);
}
