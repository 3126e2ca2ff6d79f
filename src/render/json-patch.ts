/**
 * RFC 6902 JSON Patch: computing the operations that turn one plain JSON value into another, and applying them.
 * Used for Kustomize overlays, whose patches must reproduce the overlay's conversion exactly from the base's.
 */
import { hasOwn } from '../util/objects.js';
import { sortStrings } from '../util/strings.js';

/** One RFC 6902 operation (the subset a diff needs). */
export type JsonPatchOperation =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string };

/** Escapes one JSON Pointer segment (RFC 6901). */
export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The operations that turn `from` into `to`. Mappings are compared key by key (keys in code-point order so the
 * patch is deterministic); sequences of equal length item by item; a sequence whose length changed is replaced
 * whole, which keeps patches readable and avoids index shifting.
 */
export function diffJson(from: unknown, to: unknown, path = ''): JsonPatchOperation[] {
  if (deepEqual(from, to)) return [];
  if (isRecord(from) && isRecord(to)) {
    const ops: JsonPatchOperation[] = [];
    const keys = sortStrings([...new Set([...Object.keys(from), ...Object.keys(to)])]);
    for (const key of keys) {
      const child = `${path}/${escapePointerSegment(key)}`;
      if (!hasOwn(to, key)) ops.push({ op: 'remove', path: child });
      else if (!hasOwn(from, key)) ops.push({ op: 'add', path: child, value: to[key] });
      else ops.push(...diffJson(from[key], to[key], child));
    }
    return ops;
  }
  if (Array.isArray(from) && Array.isArray(to) && from.length === to.length) {
    return from.flatMap((item, i) => diffJson(item, to[i], `${path}/${i}`));
  }
  return [{ op: 'replace', path, value: to }];
}

/** Applies operations to a deep copy of `document` and returns it. Throws on a path that does not exist. */
export function applyJsonPatch(document: unknown, operations: readonly JsonPatchOperation[]): unknown {
  let doc = structuredClone(document);
  for (const operation of operations) {
    if (operation.path === '') {
      if (operation.op === 'remove') throw new Error('cannot remove the whole document');
      doc = structuredClone(operation.value);
      continue;
    }
    const segments = operation.path.split('/').slice(1).map(unescape);
    const last = segments.pop()!;
    let parent: unknown = doc;
    for (const segment of segments) parent = child(parent, segment, operation.path);
    applyAt(parent, last, operation);
  }
  return doc;
}

function applyAt(parent: unknown, key: string, operation: JsonPatchOperation): void {
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (operation.op === 'add') parent.splice(index, 0, structuredClone(operation.value));
    else if (operation.op === 'replace') parent[index] = structuredClone(operation.value);
    else parent.splice(index, 1);
    return;
  }
  if (!isRecord(parent)) throw new Error(`no container at ${operation.path}`);
  if (operation.op === 'remove') {
    if (!hasOwn(parent, key)) throw new Error(`nothing to remove at ${operation.path}`);
    delete parent[key];
  } else {
    if (operation.op === 'replace' && !hasOwn(parent, key)) throw new Error(`nothing to replace at ${operation.path}`);
    Object.defineProperty(parent, key, { value: structuredClone(operation.value), enumerable: true, writable: true, configurable: true });
  }
}

function child(parent: unknown, segment: string, path: string): unknown {
  if (Array.isArray(parent)) return parent[Number(segment)];
  if (isRecord(parent) && hasOwn(parent, segment)) return parent[segment];
  throw new Error(`path ${path} does not exist`);
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Structural equality of plain JSON values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}
