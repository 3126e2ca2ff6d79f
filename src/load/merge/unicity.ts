/**
 * Deduplication after a merge (compose-semantics §8.2, the "unique key" column): in the lists Compose keys by
 * identity, an entry whose key was already seen replaces the earlier entry in the earlier entry's position. Only
 * changed containers are copied, so a project without duplicates costs one walk, and that walk allocates little:
 * it runs on every project, in code V8 has not optimised yet.
 */
import { copyEntryLocation, copyLocations } from '../../diagnostics/locations.js';
import { hasOwn, isPlainObject, setOwn, type PlainObject } from '../../util/objects.js';
import {
  configTarget,
  deviceTarget,
  envFilePath,
  keyBeforeEquals,
  portKey,
  secretTarget,
  volumeTarget,
  wholeString,
  type KeyOf,
} from './keys.js';

/** Service fields whose lists are deduplicated, with the identity of their entries. */
const SERVICE_LISTS = new Map<string, KeyOf>([
  ['environment', keyBeforeEquals],
  ['labels', keyBeforeEquals],
  ['annotations', keyBeforeEquals],
  ['sysctls', keyBeforeEquals],
  ['links', keyBeforeEquals],
  ['dns', wholeString],
  ['dns_opt', wholeString],
  ['dns_search', wholeString],
  ['tmpfs', wholeString],
  ['cap_add', wholeString],
  ['cap_drop', wholeString],
  ['expose', wholeString],
  ['profiles', wholeString],
  ['env_file', envFilePath],
  ['ports', portKey],
  ['volumes', volumeTarget],
  ['devices', deviceTarget],
  ['secrets', secretTarget],
  ['configs', configTarget],
]);

const BUILD_LISTS = new Map<string, KeyOf>([
  ['args', keyBeforeEquals],
  ['labels', keyBeforeEquals],
  ['additional_contexts', keyBeforeEquals],
  ['tags', wholeString],
  ['platform', wholeString],
]);

const SERVICE_NETWORK_LISTS = new Map<string, KeyOf>([
  ['aliases', wholeString],
  ['link_local_ips', wholeString],
]);
const RESOURCE_LISTS = new Map<string, KeyOf>([['labels', keyBeforeEquals]]);

/** Up to this many entries, duplicates are looked for pair by pair: cheaper than a Set for the usual short list. */
const PAIRWISE_LIMIT = 16;

/** The model with duplicates removed from every list Compose keys by identity. */
export function enforceUnicity(model: unknown): unknown {
  if (!isPlainObject(model)) return model;
  let out: PlainObject | undefined;
  if (hasOwn(model, 'services')) out = withEntry(model, out, 'services', eachValue(model.services, dedupeService));
  if (hasOwn(model, 'networks')) out = withEntry(model, out, 'networks', eachValue(model.networks, dedupeResource));
  if (hasOwn(model, 'volumes')) out = withEntry(model, out, 'volumes', eachValue(model.volumes, dedupeResource));
  return out ?? model;
}

/**
 * One service: its own lists, and those inside `build`, `deploy` and each of its `networks`. Walks the service's
 * keys once, looking each up, instead of probing the service for every field that could hold a list.
 */
function dedupeService(service: unknown): unknown {
  if (!isPlainObject(service)) return service;
  const keys = Object.keys(service);
  let out: PlainObject | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const before = service[key];
    const keyOf = SERVICE_LISTS.get(key);
    let after = before;
    if (keyOf !== undefined) after = dedupe(before, keyOf);
    else if (key === 'build') after = withLists(before, BUILD_LISTS);
    else if (key === 'deploy') after = withLists(before, RESOURCE_LISTS);
    else if (key === 'networks') after = eachValue(before, dedupeServiceNetwork);
    out = withEntry(service, out, key, after);
  }
  return out ?? service;
}

function dedupeResource(resource: unknown): unknown {
  return withLists(resource, RESOURCE_LISTS);
}

function dedupeServiceNetwork(network: unknown): unknown {
  return withLists(network, SERVICE_NETWORK_LISTS);
}

/** A mapping with the lists named in `lists` deduplicated; the same mapping when none changed. */
function withLists(value: unknown, lists: ReadonlyMap<string, KeyOf>): unknown {
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  let out: PlainObject | undefined;
  for (let i = 0; i < keys.length; i++) {
    const keyOf = lists.get(keys[i]!);
    if (keyOf !== undefined) out = withEntry(value, out, keys[i]!, dedupe(value[keys[i]!], keyOf));
  }
  return out ?? value;
}

/** A mapping with `change` applied to each of its values; the same mapping when none changed. */
function eachValue(value: unknown, change: (entry: unknown) => unknown): unknown {
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  let out: PlainObject | undefined;
  for (let i = 0; i < keys.length; i++) out = withEntry(value, out, keys[i]!, change(value[keys[i]!]));
  return out ?? value;
}

/**
 * Records `after` as entry `key` of `map`'s copy `out` when it differs from the entry's current value, copying
 * `map` on the first such change; returns the copy (or undefined while nothing changed).
 */
function withEntry(map: PlainObject, out: PlainObject | undefined, key: string, after: unknown): PlainObject | undefined {
  if (after === map[key]) return out;
  out ??= copyOf(map);
  setOwn(out, key, after);
  return out;
}

/** Later entries replace earlier ones with the same key, in the earlier one's position. */
function dedupe(list: unknown, keyOf: KeyOf): unknown {
  if (!Array.isArray(list) || list.length < 2) return list;
  const keys: (string | undefined)[] = [];
  for (let i = 0; i < list.length; i++) keys.push(keyOf(list[i]));
  // Nearly every list is already unique: find that out without building anything else.
  if (!hasDuplicate(keys)) return list;
  return withoutDuplicates(list, keys);
}

function hasDuplicate(keys: readonly (string | undefined)[]): boolean {
  if (keys.length > PAIRWISE_LIMIT) {
    const seen = new Set<string>();
    for (const key of keys) {
      if (key === undefined) continue;
      if (seen.has(key)) return true;
      seen.add(key);
    }
    return false;
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    if (key === undefined) continue;
    for (let j = 0; j < i; j++) if (keys[j] === key) return true;
  }
  return false;
}

/** The list rebuilt with each later duplicate moved into its first occurrence's position, with positions. */
function withoutDuplicates(list: readonly unknown[], keys: readonly (string | undefined)[]): unknown[] {
  const positions = new Map<string, number>();
  const out: unknown[] = [];
  const sources: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const key = keys[i];
    const at = key === undefined ? undefined : positions.get(key);
    if (at === undefined) {
      if (key !== undefined) positions.set(key, out.length);
      out.push(list[i]);
      sources.push(i);
    } else {
      out[at] = list[i];
      sources[at] = i;
    }
  }
  copyLocations(list, out);
  for (let to = 0; to < sources.length; to++) copyEntryLocation(list, sources[to]!, out, to);
  return out;
}

function copyOf(value: PlainObject): PlainObject {
  const out: PlainObject = {};
  for (const key of Object.keys(value)) setOwn(out, key, value[key]);
  copyLocations(value, out);
  return out;
}
