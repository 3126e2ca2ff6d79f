/** `deploy`: durations in milliseconds, sizes in bytes, CPUs as numbers (§13). */
import { copyLocations } from '../../diagnostics/locations.js';
import { isPlainObject } from '../../util/objects.js';
import type { Deploy, DeviceRequest, ResourceLimits, ResourceReservations, UpdateConfig } from '../types.js';
import { extensionsOf, numberFrom, stringList, stringRecord, text, type Normalizer } from './context.js';

const UPDATE_CONFIGS = ['update_config', 'rollback_config'] as const;
const RESTART_DURATIONS = ['delay', 'window'] as const;
const UPDATE_DURATIONS = ['delay', 'monitor'] as const;

/** Normalizes a service's `deploy`. */
export function normalizeDeploy(n: Normalizer, value: unknown, service: string): Deploy | undefined {
  if (!isPlainObject(value)) return undefined;
  // `where` is the prefix of field paths in messages; the full paths are built only when there is something to report.
  const where = `services.${service}.deploy`;
  const deploy: Deploy = { extensions: extensionsOf(value) };
  if (typeof value.mode === 'string') deploy.mode = value.mode;
  const replicas = numberFrom(value.replicas);
  if (replicas !== undefined) deploy.replicas = replicas;
  if (value.labels !== undefined) deploy.labels = stringRecord(value.labels);
  if (typeof value.endpoint_mode === 'string') deploy.endpoint_mode = value.endpoint_mode;
  for (let i = 0; i < UPDATE_CONFIGS.length; i++) {
    const key = UPDATE_CONFIGS[i]!;
    if (isPlainObject(value[key])) deploy[key] = updateConfig(n, value[key] as Record<string, unknown>, where, key);
  }
  if (isPlainObject(value.resources)) {
    const r = value.resources;
    deploy.resources = {};
    if (isPlainObject(r.limits)) deploy.resources.limits = limits(n, r.limits, where);
    if (isPlainObject(r.reservations)) deploy.resources.reservations = reservations(n, r.reservations, where);
  }
  if (isPlainObject(value.restart_policy)) {
    const p = value.restart_policy;
    deploy.restart_policy = {};
    if (typeof p.condition === 'string') deploy.restart_policy.condition = p.condition;
    const attempts = numberFrom(p.max_attempts);
    if (attempts !== undefined) deploy.restart_policy.max_attempts = attempts;
    for (let i = 0; i < RESTART_DURATIONS.length; i++) {
      const key = RESTART_DURATIONS[i]!;
      if (p[key] === undefined || p[key] === null) continue;
      const ms = n.duration(p[key] as string);
      if (ms.ok) deploy.restart_policy[key] = ms.value;
      else n.invalid('DURATION_INVALID', `${where}.restart_policy.${key}`, ms.message, p, key);
    }
  }
  if (isPlainObject(value.placement)) {
    const p = value.placement;
    deploy.placement = {};
    // Positions travel along, so a constraint Kubernetes cannot express is reported where it was written.
    copyLocations(p, deploy.placement);
    if (p.constraints !== undefined) deploy.placement.constraints = stringList(p.constraints);
    if (Array.isArray(p.constraints) && deploy.placement.constraints) copyLocations(p.constraints, deploy.placement.constraints);
    if (Array.isArray(p.preferences)) {
      deploy.placement.preferences = p.preferences.filter(isPlainObject).map((pref) => ({ spread: text(pref.spread) }));
      if (deploy.placement.preferences.length === p.preferences.length) copyLocations(p.preferences, deploy.placement.preferences);
    }
    const max = numberFrom(p.max_replicas_per_node);
    if (max !== undefined) deploy.placement.max_replicas_per_node = max;
  }
  return deploy;
}

function updateConfig(n: Normalizer, value: Record<string, unknown>, where: string, field: string): UpdateConfig {
  const out: UpdateConfig = {};
  const parallelism = numberFrom(value.parallelism);
  if (parallelism !== undefined) out.parallelism = parallelism;
  for (let i = 0; i < UPDATE_DURATIONS.length; i++) {
    const key = UPDATE_DURATIONS[i]!;
    if (value[key] === undefined || value[key] === null) continue;
    const ms = n.duration(value[key] as string);
    if (ms.ok) out[key] = ms.value;
    else n.invalid('DURATION_INVALID', `${where}.${field}.${key}`, ms.message, value, key);
  }
  if (typeof value.failure_action === 'string') out.failure_action = value.failure_action;
  const ratio = numberFrom(value.max_failure_ratio);
  if (ratio !== undefined) out.max_failure_ratio = ratio;
  if (typeof value.order === 'string') out.order = value.order;
  return out;
}

/** `memory` of `resources.<field>`, in bytes. */
function memory(n: Normalizer, value: Record<string, unknown>, where: string, field: string): number | undefined {
  if (value.memory === undefined || value.memory === null) return undefined;
  const size = n.byteSize(value.memory as string | number);
  if (size.ok) return size.value;
  n.invalid('SIZE_INVALID', `${where}.resources.${field}.memory`, size.message, value, 'memory');
  return undefined;
}

function limits(n: Normalizer, value: Record<string, unknown>, where: string): ResourceLimits {
  const out: ResourceLimits = {};
  const cpus = numberFrom(value.cpus);
  if (cpus !== undefined) out.cpus = cpus;
  const mem = memory(n, value, where, 'limits');
  if (mem !== undefined) out.memory = mem;
  const pids = numberFrom(value.pids);
  if (pids !== undefined) out.pids = pids;
  return out;
}

function reservations(n: Normalizer, value: Record<string, unknown>, where: string): ResourceReservations {
  const out: ResourceReservations = {};
  const cpus = numberFrom(value.cpus);
  if (cpus !== undefined) out.cpus = cpus;
  const mem = memory(n, value, where, 'reservations');
  if (mem !== undefined) out.memory = mem;
  if (Array.isArray(value.devices)) out.devices = value.devices.filter(isPlainObject).map(deviceRequest);
  if (Array.isArray(value.generic_resources)) {
    out.generic_resources = value.generic_resources.filter(isPlainObject).map((g) => {
      const spec = isPlainObject(g.discrete_resource_spec) ? g.discrete_resource_spec : undefined;
      return spec ? { discrete_resource_spec: { kind: text(spec.kind), value: numberFrom(spec.value) ?? 0 } } : {};
    });
  }
  return out;
}

/** A device request (`gpus` entries and `reservations.devices`); `count: all` is -1. */
export function deviceRequest(value: Record<string, unknown>): DeviceRequest {
  const out: DeviceRequest = {};
  if (value.capabilities !== undefined) out.capabilities = stringList(value.capabilities);
  if (value.count === 'all') out.count = -1;
  else {
    const count = numberFrom(value.count);
    if (count !== undefined) out.count = count;
  }
  if (value.device_ids !== undefined) out.device_ids = stringList(value.device_ids);
  if (typeof value.driver === 'string') out.driver = value.driver;
  if (value.options !== undefined) out.options = stringRecord(value.options);
  if (out.count === undefined && out.device_ids === undefined) out.count = -1;
  return out;
}
