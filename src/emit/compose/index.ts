/**
 * The canonical Compose model of a project, as `stackport config` prints it: what `docker compose config` prints,
 * made machine-independent (paths stay relative to the project directory) and never containing a secret value.
 */
import type { Extensions, Project, Service } from '../../ir/types.js';
import { Sensitive } from '../../ir/sensitive.js';
import { sortedNames } from '../../util/strings.js';
import { formatDuration } from '../../ir/values/duration.js';

/** Fields whose IR value is a duration in milliseconds; Compose writes them as Go duration strings. */
const DURATION_FIELDS = new Set([
  'stop_grace_period',
  'interval',
  'timeout',
  'start_period',
  'start_interval',
  'delay',
  'monitor',
  'window',
  'cpu_rt_period',
  'cpu_rt_runtime',
]);

/** Service fields that exist only inside stackport and are not Compose keys. */
const INTERNAL_SERVICE_FIELDS = new Set(['name', 'environment_declared', 'extensions']);

/** Builds the canonical Compose document of a project. */
export function emitCompose(project: Project): Record<string, unknown> {
  const out: Record<string, unknown> = { name: project.name };
  out.services = byName(project.services, serviceToCompose);
  for (const kind of ['networks', 'volumes', 'secrets', 'configs', 'models'] as const) {
    const record = project[kind] as Record<string, object>;
    if (Object.keys(record).length > 0) out[kind] = byName(record, (r) => toCompose(r));
  }
  return { ...out, ...extensionFields(project.extensions) };
}

function byName<T>(record: Record<string, T>, fn: (value: T) => unknown): Record<string, unknown> {
  return Object.fromEntries(sortedNames(record).map((name) => [name, fn(record[name]!)]));
}

function serviceToCompose(service: Service): unknown {
  const fields = Object.entries(service).filter(([k]) => !INTERNAL_SERVICE_FIELDS.has(k));
  const body = toCompose(Object.fromEntries(fields)) as Record<string, unknown>;
  return { ...body, ...extensionFields(service.extensions) };
}

/**
 * Copies an IR value into its Compose form: durations as strings, nested `extensions` spread back as `x-*` keys,
 * and secret values and file bytes left out (they are never printed).
 */
function toCompose(value: unknown, key?: string): unknown {
  if (value instanceof Sensitive || value instanceof Uint8Array) return undefined;
  if (typeof value === 'number' && key !== undefined && DURATION_FIELDS.has(key)) return formatDuration(value);
  if (Array.isArray(value)) return value.map((v) => toCompose(v));
  if (value === null || typeof value !== 'object') return value;
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(value)) {
    if (k === 'extensions' && v && typeof v === 'object') {
      out.push(...Object.entries(extensionFields(v as Extensions)));
      continue;
    }
    if (k === 'content' && v instanceof Sensitive) continue;
    if (k === 'file_content') continue;
    const converted = toCompose(v, k);
    if (converted !== undefined) out.push([k, converted]);
  }
  return Object.fromEntries(out);
}

function extensionFields(extensions: Extensions): Record<string, unknown> {
  return Object.fromEntries(Object.entries(extensions).filter(([k]) => k.startsWith('x-')));
}
