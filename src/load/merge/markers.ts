/**
 * Removing `!reset` and `!override` markers from a model that has no base to apply them to (the first file, or a
 * value that an override adds): `!reset` drops the entry, `!override X` is just X.
 *
 * Every document passes through here, usually holding no marker at all, so the walk is written with plain loops and
 * allocates nothing until it meets a marker; only the containers on the way to one are copied.
 */
import { copyEntryLocation, copyLocations, selfLocation, setSelfLocation } from '../../diagnostics/locations.js';
import { isOverride, isReset } from '../../parse/tags.js';
import { copyFirstEntries, isPlainObject, setOwn, type PlainObject } from '../../util/objects.js';

/** The model without markers; `undefined` when the whole value is a `!reset`. Unchanged subtrees are shared. */
export function stripMarkers(model: unknown): unknown {
  if (model === null || typeof model !== 'object') return isReset(model) ? undefined : model;
  if (Array.isArray(model)) return stripArray(model);
  if (isPlainObject(model)) return stripObject(model);
  if (isOverride(model)) return stripMarkers(model.value);
  return model;
}

function stripArray(items: readonly unknown[]): unknown[] | readonly unknown[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const stripped = stripMarkers(item);
    if (stripped === item && out === undefined) continue;
    // First change: the copy takes the items before this one. Items move up when a `!reset` item is dropped (it
    // has nothing to remove from), so positions are copied item by item.
    if (out === undefined) out = copyItems(items, i);
    if (stripped === undefined) continue;
    copyEntryLocation(items, i, out, out.length);
    out.push(stripped);
  }
  if (out === undefined) return items;
  const self = selfLocation(items);
  if (self) setSelfLocation(out, self);
  return out;
}

function stripObject(map: PlainObject): PlainObject {
  const keys = Object.keys(map);
  let out: PlainObject | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = map[key];
    const stripped = stripMarkers(value);
    if (stripped === value && out === undefined) continue;
    if (out === undefined) out = copyFirstEntries(map, keys, i);
    // A `!reset` entry is dropped; an entry that was undefined all along stays.
    if (stripped !== undefined || value === undefined) setOwn(out, key, stripped);
  }
  if (out === undefined) return map;
  copyLocations(map, out);
  return out;
}

/** A new list holding the first `count` items, with their positions. */
function copyItems(items: readonly unknown[], count: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    copyEntryLocation(items, i, out, i);
    out.push(items[i]);
  }
  return out;
}
