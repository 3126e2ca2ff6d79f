/**
 * Source positions for plain data.
 *
 * The parser turns YAML into plain objects and arrays so that later stages (merge, validation, normalization) stay
 * simple, but every error still needs a file, line and column. Positions therefore live beside the data, in a
 * record attached to each container, invisible to the data's own keys: for a mapping, where each key and each
 * value was written; for a sequence, where each item was written. Stages that build new containers copy the
 * entries they carry over with {@link setEntryLocation} or {@link copyLocations}, so a position follows its value
 * through merging and into the IR. A record lives exactly as long as its container.
 */
import type { SourceLocation } from './diagnostic.js';

/**
 * Where a container and its entries were written. A record may be shared by several containers (a copy shares
 * its original's record until one of them records something of its own), so read it, never write it directly.
 */
export interface ContainerLocations {
  /** The container itself (the first key of a mapping, the first item of a sequence, or the flow bracket). */
  self?: SourceLocation;
  /** Mapping keys by name; absent for sequences and until a key is recorded. */
  keys?: Map<string, SourceLocation>;
  /** Mapping values by key, or sequence items by index; absent until one is recorded. */
  values?: Map<string | number, SourceLocation>;
}

/**
 * Records hang off their containers as non-enumerable properties under private symbols: invisible to
 * `Object.keys`, spreads, JSON and deep equality, and much cheaper for the collector than a WeakMap with hundreds
 * of thousands of entries. A container's own record (the one it may change) sits under {@link OWN}; a record it
 * shares with the container it was copied from sits under {@link SHARED} until it records something of its own.
 * A record refers to no container, so a copy never keeps its original (and the original's whole subtree) alive:
 * the raw model can be collected while the IR built from it lives on. Containers that cannot take a property
 * (frozen ones) use a WeakMap instead.
 */
const OWN = Symbol('stackport.locations');
const SHARED = Symbol('stackport.sharedLocations');

type Carrier = { [OWN]?: ContainerLocations; [SHARED]?: ContainerLocations };

const frozenTable = new WeakMap<object, { record: ContainerLocations; owned: boolean }>();
/** Whether any record lives in {@link frozenTable}; until one does, lookups skip it (almost every run). */
let anyFrozen = false;

const table = {
  /** The record to read: the container's own, else the one it shares. */
  get(container: object): ContainerLocations | undefined {
    const c = container as Carrier;
    const found = c[OWN] ?? c[SHARED];
    return found !== undefined || !anyFrozen ? found : frozenTable.get(container)?.record;
  },
  has(container: object): boolean {
    return table.get(container) !== undefined;
  },
  /** The record the container may change, if it has one. */
  own(container: object): ContainerLocations | undefined {
    const own = (container as Carrier)[OWN];
    if (own !== undefined || !anyFrozen) return own;
    const frozen = frozenTable.get(container);
    return frozen?.owned ? frozen.record : undefined;
  },
  set(container: object, record: ContainerLocations, owned: boolean): void {
    const key = owned ? OWN : SHARED;
    if ((container as Carrier)[key] !== undefined) (container as Carrier)[key] = record;
    else if (Object.isExtensible(container)) Object.defineProperty(container, key, { value: record, writable: true, configurable: true });
    else {
      anyFrozen = true;
      frozenTable.set(container, { record, owned });
    }
  },
};

/** The container's own record, made (or copied from a shared one) on first write. */
function writableLocations(container: object): ContainerLocations {
  const owned = table.own(container);
  if (owned !== undefined) return owned;
  const shared = table.get(container);
  // The maps are made on first use: a large project has hundreds of thousands of containers.
  const own: ContainerLocations = {};
  if (shared !== undefined) {
    if (shared.self) own.self = shared.self;
    if (shared.keys) own.keys = new Map(shared.keys);
    if (shared.values) own.values = new Map(shared.values);
  }
  table.set(container, own, true);
  return own;
}

/** Returns the positions recorded for a container (an empty record when there is none). Read only. */
export function locationsOf(container: object): ContainerLocations {
  return table.get(container) ?? {};
}

/** Returns the positions recorded for a container, or undefined. Never creates a record. */
export function peekLocations(container: object): ContainerLocations | undefined {
  return table.get(container);
}

/** Records where a container starts. */
export function setSelfLocation(container: object, location: SourceLocation | undefined): void {
  if (location) writableLocations(container).self = location;
}

/** Records where a mapping entry's key and value (or a sequence item) were written. */
export function setEntryLocation(
  container: object,
  key: string | number,
  value: SourceLocation | undefined,
  keyLocation?: SourceLocation,
): void {
  if (!value && !(keyLocation && typeof key === 'string')) return;
  const record = writableLocations(container);
  if (value) (record.values ??= new Map()).set(key, value);
  if (keyLocation && typeof key === 'string') (record.keys ??= new Map()).set(key, keyLocation);
}

/**
 * Copies the position of entry `fromKey` of `from` to entry `toKey` of `to`. Used when a stage moves a value into a
 * new container, such as a merge result or an IR object.
 */
export function copyEntryLocation(
  from: object,
  fromKey: string | number,
  to: object,
  toKey: string | number = fromKey,
): void {
  const source = table.get(from);
  if (!source) return;
  const value = source.values?.get(fromKey) ?? (typeof fromKey === 'string' ? source.keys?.get(fromKey) : undefined);
  const key = typeof fromKey === 'string' ? source.keys?.get(fromKey) : undefined;
  setEntryLocation(to, toKey, value, key);
}

/** Copies every recorded position of `from` onto `to` (entries already recorded on `to` are overwritten). */
export function copyLocations(from: object, to: object): void {
  const source = table.get(from);
  if (!source) return;
  if (!table.has(to)) {
    // The common case, a fresh copy: share the record until either side writes to it.
    table.set(to, source, false);
    return;
  }
  const target = writableLocations(to);
  if (source.self && !target.self) target.self = source.self;
  if (source.keys) for (const [k, v] of source.keys) (target.keys ??= new Map()).set(k, v);
  if (source.values) for (const [k, v] of source.values) (target.values ??= new Map()).set(k, v);
}

/** Where the container itself was written, if known. */
export function selfLocation(container: object): SourceLocation | undefined {
  return table.get(container)?.self;
}

/**
 * Where an entry of a container was written: the value (or item) position when known, else the key position, else
 * the container's own position.
 */
export function entryLocation(container: object, key: string | number): SourceLocation | undefined {
  const record = table.get(container);
  if (!record) return undefined;
  return record.values?.get(key) ?? (typeof key === 'string' ? record.keys?.get(key) : undefined) ?? record.self;
}

/** Where the key of a mapping entry was written, falling back to its value and then the mapping. */
export function keyLocation(container: object, key: string): SourceLocation | undefined {
  const record = table.get(container);
  if (!record) return undefined;
  return record.keys?.get(key) ?? record.values?.get(key) ?? record.self;
}

/**
 * Finds the best known position for a path into plain data: the deepest entry along the path that has a recorded
 * position. Used to place schema errors, whose paths come as JSON Pointer segments.
 */
export function locatePath(root: unknown, path: readonly (string | number)[]): SourceLocation | undefined {
  let best: SourceLocation | undefined;
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') break;
    const found = entryLocation(current, Array.isArray(current) ? Number(segment) : String(segment));
    if (found) best = found;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return best;
}
