/**
 * Deduplication after a merge (compose-semantics §8.2, the "unique key" column): in the lists Compose keys by
 * identity, an entry whose key was already seen replaces the earlier entry in the earlier entry's position. Only
 * changed containers are copied, so a project without duplicates costs one walk.
 */
import { copyEntryLocation, copyLocations } from '../../diagnostics/locations.js';
import { isPlainObject, setOwn, type PlainObject } from '../../util/objects.js';
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

const SERVICE_LISTS: Record<string, KeyOf> = {
  environment: keyBeforeEquals,
  labels: keyBeforeEquals,
  annotations: keyBeforeEquals,
  sysctls: keyBeforeEquals,
  links: keyBeforeEquals,
  dns: wholeString,
  dns_opt: wholeString,
  dns_search: wholeString,
  tmpfs: wholeString,
  cap_add: wholeString,
  cap_drop: wholeString,
  expose: wholeString,
  profiles: wholeString,
  env_file: envFilePath,
  ports: portKey,
  volumes: volumeTarget,
  devices: deviceTarget,
  secrets: secretTarget,
  configs: configTarget,
};

const BUILD_LISTS: Record<string, KeyOf> = {
  args: keyBeforeEquals,
  labels: keyBeforeEquals,
  additional_contexts: keyBeforeEquals,
  tags: wholeString,
  platform: wholeString,
};

const SERVICE_NETWORK_LISTS: Record<string, KeyOf> = { aliases: wholeString, link_local_ips: wholeString };
const RESOURCE_LISTS: Record<string, KeyOf> = { labels: keyBeforeEquals };

/** The model with duplicates removed from every list Compose keys by identity. */
export function enforceUnicity(model: unknown): unknown {
  if (!isPlainObject(model)) return model;
  return withEntries(model, {
    services: (services) => eachValue(services, dedupeService),
    networks: (networks) => eachValue(networks, (n) => withLists(n, RESOURCE_LISTS)),
    volumes: (volumes) => eachValue(volumes, (v) => withLists(v, RESOURCE_LISTS)),
  });
}

function dedupeService(service: unknown): unknown {
  const listed = withLists(service, SERVICE_LISTS);
  return withEntries(listed, {
    build: (build) => withLists(build, BUILD_LISTS),
    deploy: (deploy) => withLists(deploy, RESOURCE_LISTS),
    networks: (networks) => eachValue(networks, (n) => withLists(n, SERVICE_NETWORK_LISTS)),
  });
}

/** Applies `change` to some entries of a mapping; copies the mapping only when an entry changed. */
function withEntries(value: unknown, changes: Record<string, (entry: unknown) => unknown>): unknown {
  if (!isPlainObject(value)) return value;
  let out: PlainObject | undefined;
  for (const [key, change] of Object.entries(changes)) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const before = value[key];
    const after = change(before);
    if (after === before) continue;
    out ??= copyOf(value);
    setOwn(out, key, after);
  }
  return out ?? value;
}

function withLists(value: unknown, lists: Record<string, KeyOf>): unknown {
  if (!isPlainObject(value)) return value;
  let out: PlainObject | undefined;
  for (const key in lists) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const before = value[key];
    const after = dedupe(before, lists[key]!);
    if (after === before) continue;
    out ??= copyOf(value);
    setOwn(out, key, after);
  }
  return out ?? value;
}

function eachValue(value: unknown, change: (entry: unknown) => unknown): unknown {
  if (!isPlainObject(value)) return value;
  const changes: Record<string, (entry: unknown) => unknown> = {};
  for (const key of Object.keys(value)) setOwn(changes, key, change);
  return withEntries(value, changes);
}

/** Later entries replace earlier ones with the same key, in the earlier one's position. */
function dedupe(list: unknown, keyOf: KeyOf): unknown {
  if (!Array.isArray(list) || list.length < 2) return list;
  const positions = new Map<string, number>();
  const out: unknown[] = [];
  const sources: number[] = [];
  let changed = false;
  list.forEach((entry, i) => {
    const key = keyOf(entry);
    const at = key === undefined ? undefined : positions.get(key);
    if (at === undefined) {
      if (key !== undefined) positions.set(key, out.length);
      out.push(entry);
      sources.push(i);
      return;
    }
    changed = true;
    out[at] = entry;
    sources[at] = i;
  });
  if (!changed) return list;
  copyLocations(list, out);
  sources.forEach((from, to) => copyEntryLocation(list, from, out, to));
  return out;
}

function copyOf(value: PlainObject): PlainObject {
  const out: PlainObject = {};
  for (const key of Object.keys(value)) setOwn(out, key, value[key]);
  copyLocations(value, out);
  return out;
}
