/**
 * Helpers for plain data built from user input. User-chosen keys (service names, environment variables, labels)
 * can be `__proto__` or `constructor`; assigning those with `obj[key] = v` would change the object's prototype
 * instead of adding a key, so every record built from user keys goes through {@link setOwn}.
 */

/** A plain mapping from user input. */
export type PlainObject = Record<string, unknown>;

/** True for a plain mapping (not an array, not null, not a class instance such as a tag marker). */
export function isPlainObject(value: unknown): value is PlainObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A new empty mapping for keys the user chose (other services' names, say), held by V8 as a hash table from the
 * start.
 *
 * V8 gives an object literal a hidden class per sequence of keys added to it, and every `{}` starts from the same
 * one: each distinct first key adds a transition to it, which every object built afterwards has to search. A
 * project whose services each depend on a different service adds one per service; at 5000 services that made the
 * rest of a conversion 1.8 times slower (measured with 5000 such objects kept alive). A mapping that starts as a
 * hash table adds no transitions. V8 turns an object into one when a property other than the last is deleted; the
 * prototype stays Object.prototype, so to everything else this is `{}`.
 */
export function emptyRecord<T>(): Record<string, T> {
  const record: Record<string, unknown> = { first: undefined, second: undefined };
  delete record.first;
  delete record.second;
  return record as Record<string, T>;
}

/** Adds or replaces an own, enumerable key, safely for any key name. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  // Only `__proto__` is an accessor on Object.prototype; every other key assigns as an own property, and
  // assignment is far faster than defineProperty.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** The value at `path` inside plain data, or undefined where the path leaves it. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let current = root;
  for (let i = 0; i < path.length; i++) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[path[i]!];
  }
  return current;
}

/** True when a record has at least one own enumerable key; looks at no more than the first. */
export function hasOwnKeys(record: object): boolean {
  for (const key in record) if (Object.prototype.hasOwnProperty.call(record, key)) return true;
  return false;
}

/**
 * A new mapping holding the first `count` of `keys` with their values from `map`: the start of a copy that a walk
 * makes only once it meets the first entry it changes.
 */
export function copyFirstEntries(map: PlainObject, keys: readonly string[], count: number): PlainObject {
  const out: PlainObject = {};
  for (let i = 0; i < count; i++) setOwn(out, keys[i]!, map[keys[i]!]);
  return out;
}

/** True when `key` is an own key of `target` (never an inherited one such as `toString`). */
export function hasOwn(target: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(target, key);
}

/** True for an empty list or mapping: a key written with nothing in it, which says nothing to convert or report. */
export function isEmptyListOrMapping(value: unknown): boolean {
  return Array.isArray(value) ? value.length === 0 : value !== null && typeof value === 'object' && Object.keys(value).length === 0;
}
