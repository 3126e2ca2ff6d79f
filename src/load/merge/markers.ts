/**
 * Removing `!reset` and `!override` markers from a model that has no base to apply them to (the first file, or a
 * value that an override adds): `!reset` drops the entry, `!override X` is just X.
 */
import { copyEntryLocation, copyLocations, selfLocation, setSelfLocation } from '../../diagnostics/locations.js';
import { isOverride, isReset } from '../../parse/tags.js';
import { isPlainObject, setOwn } from '../../util/objects.js';

/** The model without markers; `undefined` when the whole value is a `!reset`. Unchanged subtrees are shared. */
export function stripMarkers(model: unknown): unknown {
  if (isReset(model)) return undefined;
  if (isOverride(model)) return stripMarkers(model.value);
  if (Array.isArray(model)) return stripArray(model);
  if (isPlainObject(model)) return stripObject(model);
  return model;
}

function stripArray(items: unknown[]): unknown[] {
  const stripped = items.map(stripMarkers);
  if (stripped.every((item, i) => item === items[i])) return items;
  const out: unknown[] = [];
  stripped.forEach((item, i) => {
    // A `!reset` item has nothing to remove from: Compose drops it.
    if (item === undefined) return;
    copyEntryLocation(items, i, out, out.length);
    out.push(item);
  });
  const self = selfLocation(items);
  if (self) setSelfLocation(out, self);
  return out;
}

function stripObject(map: Record<string, unknown>): Record<string, unknown> {
  let changed = false;
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(map)) {
    const value = map[key];
    const stripped = stripMarkers(value);
    if (stripped !== value) changed = true;
    if (stripped !== undefined || value === undefined) entries.push([key, stripped]);
  }
  if (!changed) return map;
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) setOwn(out, key, value);
  copyLocations(map, out);
  return out;
}
