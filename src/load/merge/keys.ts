/**
 * The identity of list entries that Compose deduplicates after a merge (compose-semantics §8.2, "unique key"):
 * two entries with the same key are the same thing, and the later one replaces the earlier in its position.
 */
import { isPlainObject } from '../../util/objects.js';
import { cleanTarget, splitVolumeSpec } from '../../ir/values/volumes.js';

/** Returns an entry's identity, or undefined when it has none (it is then never deduplicated). */
export type KeyOf = (entry: unknown) => string | undefined;

/** `KEY=value` entries (environment, labels, args, sysctls, links): the text before the first `=`. */
export const keyBeforeEquals: KeyOf = (entry) => {
  if (typeof entry !== 'string') return undefined;
  // indexOf and slice, not split: no array per entry.
  const equals = entry.indexOf('=');
  return equals < 0 ? entry : entry.slice(0, equals);
};

/** Plain strings (dns, tmpfs, cap_add, profiles, aliases, ...): the string itself. */
export const wholeString: KeyOf = (entry) => (typeof entry === 'string' || typeof entry === 'number' ? String(entry) : undefined);

/** `env_file`: the path, whether written as a string or as `{path: ...}`. */
export const envFilePath: KeyOf = (entry) =>
  typeof entry === 'string' ? entry : isPlainObject(entry) && typeof entry.path === 'string' ? entry.path : undefined;

/** `ports`: a short-syntax entry is its own key; a long one is `<host_ip|0.0.0.0>:<published>:<target>/<protocol|tcp>`. */
export const portKey: KeyOf = (entry) => {
  if (typeof entry === 'string' || typeof entry === 'number') return String(entry);
  if (!isPlainObject(entry)) return undefined;
  const ip = typeof entry.host_ip === 'string' && entry.host_ip !== '' ? entry.host_ip : '0.0.0.0';
  const published = entry.published === undefined || entry.published === null ? '' : String(entry.published);
  const protocol = typeof entry.protocol === 'string' ? entry.protocol : 'tcp';
  return `${ip}:${published}:${String(entry.target)}/${protocol}`;
};

/** `volumes`: the container path, from the short syntax (`[source:]target[:options]`) or `target`. */
export const volumeTarget: KeyOf = (entry) => {
  if (isPlainObject(entry)) return typeof entry.target === 'string' ? clean(entry.target) : undefined;
  if (typeof entry !== 'string') return undefined;
  const parts = splitVolumeSpec(entry);
  return clean(parts.length === 1 ? parts[0]! : parts[1]!);
};

/** `devices`: `src:dst[:perms]` -> dst; a lone `src` -> src; long syntax `target`. */
export const deviceTarget: KeyOf = (entry) => {
  if (isPlainObject(entry)) return typeof entry.target === 'string' ? entry.target : typeof entry.source === 'string' ? entry.source : undefined;
  if (typeof entry !== 'string') return undefined;
  const parts = entry.split(':');
  return parts.length === 1 ? parts[0] : parts[1];
};

/** Service `secrets`: the mount target, `/run/secrets/<source>` by default. */
export const secretTarget: KeyOf = (entry) => fileTarget(entry, (source) => `/run/secrets/${source}`);

/** Service `configs`: the mount target, `/<source>` by default. */
export const configTarget: KeyOf = (entry) => fileTarget(entry, (source) => `/${source}`);

function fileTarget(entry: unknown, byDefault: (source: string) => string): string | undefined {
  if (typeof entry === 'string') return byDefault(entry);
  if (!isPlainObject(entry)) return undefined;
  if (typeof entry.target === 'string' && entry.target !== '') return entry.target;
  return typeof entry.source === 'string' ? byDefault(entry.source) : undefined;
}

/** An absolute target as Go's `path.Clean` leaves it; a relative one (invalid anyway) as written. */
function clean(target: string): string {
  return target.startsWith('/') ? cleanTarget(target) : target;
}
