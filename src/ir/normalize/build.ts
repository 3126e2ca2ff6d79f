/** `build`: long syntax, defaults applied, context relative to the project unless remote (§13, §14, §15). */
import { isPlainObject, setOwn } from '../../util/objects.js';
import type { Build } from '../types.js';
import { parseByteSize } from '../values/bytes.js';
import { booleanFrom, extensionsOf, keyValueRecord, stringList, stringRecord, text, type Normalizer } from './context.js';
import { normalizeExtraHosts, normalizeUlimits } from './host-settings.js';
import { normalizeFileRefs } from './file-refs.js';

const REMOTE = /^(?:[a-z]+:\/\/|service:|github\.com\/|git@|docker-image:\/\/)/i;

/** Normalizes a service's `build`. */
export function normalizeBuild(n: Normalizer, value: unknown, service: string): Build | undefined {
  if (value === undefined || value === null) return undefined;
  const raw = typeof value === 'string' ? { context: value } : isPlainObject(value) ? value : {};
  const context = typeof raw.context === 'string' ? raw.context : '.';
  const build: Build = { context: REMOTE.test(context) ? context : n.projectPath(context), extensions: extensionsOf(raw) };
  if (typeof raw.dockerfile_inline === 'string') build.dockerfile_inline = raw.dockerfile_inline;
  if (typeof raw.dockerfile === 'string') build.dockerfile = raw.dockerfile;
  else if (build.dockerfile_inline === undefined) build.dockerfile = 'Dockerfile';
  if (raw.args !== undefined) build.args = resolvedArgs(n, raw.args);
  if (raw.ssh !== undefined) build.ssh = keyValueRecord<null>(raw.ssh, null);
  if (raw.labels !== undefined) build.labels = stringRecord(raw.labels);
  if (raw.additional_contexts !== undefined) build.additional_contexts = stringRecord(raw.additional_contexts);
  for (const key of ['cache_from', 'cache_to', 'no_cache_filter', 'entitlements', 'tags', 'platforms'] as const) {
    if (raw[key] !== undefined) build[key] = stringList(raw[key]);
  }
  for (const key of ['network', 'target', 'isolation'] as const) if (typeof raw[key] === 'string') build[key] = raw[key] as string;
  for (const key of ['provenance', 'sbom'] as const) if (raw[key] !== undefined && raw[key] !== null) build[key] = text(raw[key]);
  for (const key of ['no_cache', 'pull', 'privileged'] as const) {
    const b = booleanFrom(raw[key]);
    if (b !== undefined) build[key] = b;
  }
  if (raw.shm_size !== undefined && raw.shm_size !== null) {
    const size = n.parsed(parseByteSize(raw.shm_size as string | number), 'SIZE_INVALID', `services.${service}.build.shm_size`, raw, 'shm_size');
    if (size !== undefined) build.shm_size = size;
  }
  if (raw.extra_hosts !== undefined) build.extra_hosts = normalizeExtraHosts(n, raw.extra_hosts, `services.${service}.build`, raw);
  if (raw.ulimits !== undefined) build.ulimits = normalizeUlimits(raw.ulimits);
  if (raw.secrets !== undefined) build.secrets = normalizeFileRefs(raw.secrets, 'secret');
  return build;
}

/** Build args: a bare key takes the project environment's value, and is dropped when unset (§14). */
function resolvedArgs(n: Normalizer, value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const declared = keyValueRecord<null>(value, null);
  for (const key of Object.keys(declared)) {
    const v = declared[key] ?? n.context.lookup(key);
    if (v !== undefined && v !== null) setOwn(out, key, v);
  }
  return out;
}
