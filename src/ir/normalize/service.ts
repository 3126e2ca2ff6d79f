/**
 * One service from the merged model to the IR: each Compose key family has its own module; this file only routes
 * keys and handles the many plain scalar keys. Every key is either carried over or reported.
 */
import { hasOwnKeys, isPlainObject } from '../../util/objects.js';
import type { Service } from '../types.js';
import { normalizeBuild } from './build.js';
import { booleanFrom, extensionsOf, isExtensionKey, keyValueRecord, numberFrom, stringList, stringRecord, text, type Normalizer } from './context.js';
import { normalizeDeploy } from './deploy.js';
import { normalizeEnvironment } from './environment.js';
import { normalizeFileRefs } from './file-refs.js';
import { normalizeHealthcheck } from './healthcheck.js';
import {
  commandList,
  normalizeBlkio,
  normalizeDevices,
  normalizeExtraHosts,
  normalizeGpus,
  normalizeHooks,
  normalizeLogging,
  normalizeUlimits,
} from './host-settings.js';
import { normalizeExpose, normalizePorts } from './ports.js';
import { normalizeDependsOn, normalizeServiceNetworks } from './relations.js';
import { normalizeServiceVolumes, normalizeTmpfs } from './volumes.js';

type Writable = Record<string, unknown>;

const STRING_FIELDS = [
  'image', 'working_dir', 'user', 'restart', 'container_name', 'hostname', 'domainname', 'mac_address',
  'network_mode', 'stop_signal', 'platform', 'cpuset', 'ipc', 'pid', 'uts', 'cgroup', 'cgroup_parent',
  'userns_mode', 'isolation', 'runtime',
] as const;
const BOOLEAN_FIELDS = [
  'privileged', 'read_only', 'stdin_open', 'tty', 'init', 'oom_kill_disable', 'attach', 'use_api_socket',
] as const;
const NUMBER_FIELDS = [
  'cpus', 'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_shares', 'mem_swappiness', 'oom_score_adj', 'pids_limit',
] as const;
const BYTE_FIELDS = ['mem_limit', 'mem_reservation', 'memswap_limit', 'shm_size'] as const;
const LIST_FIELDS = [
  'group_add', 'volumes_from', 'links', 'external_links', 'dns', 'dns_opt', 'dns_search', 'cap_add', 'cap_drop',
  'security_opt', 'device_cgroup_rules', 'profiles', 'label_file',
] as const;
const FREE_FORM_FIELDS = ['credential_spec', 'develop', 'provider'] as const;

const DURATION_FIELDS = ['stop_grace_period', 'cpu_rt_period', 'cpu_rt_runtime'] as const;

// What each key is, so one pass over a service's keys tells which families of plain keys it uses (most services
// use few of the 60 or so) and which keys are unknown. A family's keys are then copied in the family's own order,
// which keeps the service's keys in the same order whatever order the user wrote them in.
const STRING = 1;
const BOOLEAN = 2;
const NUMBER = 4;
const BYTES = 8;
const LIST = 16;
const FREE_FORM = 32;
const DURATION = 64;
/** A key handled by a dedicated module, not by {@link copyScalars}. */
const ROUTED = 0;

const KEY_FAMILIES = new Map<string, number>();
for (const [family, keys] of [
  [STRING, STRING_FIELDS], [BOOLEAN, BOOLEAN_FIELDS], [NUMBER, NUMBER_FIELDS], [BYTES, BYTE_FIELDS], [LIST, LIST_FIELDS],
  [FREE_FORM, FREE_FORM_FIELDS], [DURATION, DURATION_FIELDS],
] as const) {
  for (const key of keys) KEY_FAMILIES.set(key, family);
}
for (const key of [
  'build', 'command', 'entrypoint', 'environment', 'env_file', 'labels', 'annotations', 'ports', 'expose', 'volumes',
  'tmpfs', 'secrets', 'configs', 'networks', 'depends_on', 'healthcheck', 'deploy', 'scale', 'extra_hosts', 'sysctls',
  'ulimits', 'pull_policy', 'logging', 'devices', 'gpus', 'blkio_config', 'storage_opt', 'models', 'post_start',
  'pre_stop', 'pre_start',
]) {
  KEY_FAMILIES.set(key, ROUTED);
}

/** Normalizes one service. */
export function normalizeService(n: Normalizer, name: string, raw: Record<string, unknown>): Service {
  const families = scanKeys(n, raw, name);
  const environment = normalizeEnvironment(n, raw, name);
  const out: Writable = {
    name,
    environment: environment.environment,
    environment_declared: environment.environment_declared,
    env_file: environment.env_file,
    labels: stringRecord(raw.labels),
    annotations: stringRecord(raw.annotations),
    ports: normalizePorts(n, raw.ports, name),
    expose: normalizeExpose(n, raw.expose, name),
    volumes: normalizeServiceVolumes(n, raw.volumes, name),
    secrets: normalizeFileRefs(raw.secrets, 'secret'),
    configs: normalizeFileRefs(raw.configs, 'config'),
    networks: normalizeServiceNetworks(raw.networks),
    depends_on: normalizeDependsOn(raw),
    extensions: extensionsOf(raw),
  };
  if (families !== 0) copyScalars(n, raw, out, name, families);
  routed(n, raw, out, name);
  if (raw.network_mode !== undefined && raw.network_mode !== null) out.networks = {};
  else if (!hasOwnKeys(out.networks as object) && raw.provider === undefined) out.networks = { default: { extensions: {} } };
  reconcileScale(n, raw, out, name);
  return out as unknown as Service;
}

/**
 * The families of plain keys the service uses. Unknown keys are reported here: the schema rejects them, and
 * anything that still slips through is reported, never dropped silently.
 */
function scanKeys(n: Normalizer, raw: Record<string, unknown>, service: string): number {
  let families = 0;
  const keys = Object.keys(raw);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const family = KEY_FAMILIES.get(key);
    if (family !== undefined) families |= family;
    else if (!isExtensionKey(key) && key !== 'extends') {
      n.warn('KEY_IGNORED', `services.${service}.${key} is not a Compose key stackport knows; it is ignored`, raw, key);
    }
  }
  return families;
}

/** The keys with a module of their own that may be absent from the IR, in the IR's key order. */
function routed(n: Normalizer, raw: Record<string, unknown>, out: Writable, name: string): void {
  if (raw.build !== undefined && raw.build !== null) out.build = normalizeBuild(n, raw.build, name);
  const command = commandOf(n, raw, 'command', name);
  if (command !== undefined) out.command = command;
  const entrypoint = commandOf(n, raw, 'entrypoint', name);
  if (entrypoint !== undefined) out.entrypoint = entrypoint;
  if (raw.tmpfs !== undefined && raw.tmpfs !== null) out.tmpfs = normalizeTmpfs(raw.tmpfs);
  const healthcheck = normalizeHealthcheck(n, raw.healthcheck, name);
  if (healthcheck !== undefined) out.healthcheck = healthcheck;
  const deploy = normalizeDeploy(n, raw.deploy, name);
  if (deploy !== undefined) out.deploy = deploy;
  if (raw.extra_hosts !== undefined) out.extra_hosts = normalizeExtraHosts(n, raw.extra_hosts, `services.${name}`, raw);
  if (raw.sysctls !== undefined) out.sysctls = stringRecord(raw.sysctls);
  if (raw.storage_opt !== undefined) out.storage_opt = stringRecord(raw.storage_opt);
  if (raw.ulimits !== undefined) out.ulimits = normalizeUlimits(raw.ulimits);
  const logging = normalizeLogging(raw.logging);
  if (logging !== undefined) out.logging = logging;
  if (raw.devices !== undefined) out.devices = normalizeDevices(n, raw.devices, name);
  const gpus = normalizeGpus(raw.gpus);
  if (gpus !== undefined) out.gpus = gpus;
  const blkio = normalizeBlkio(n, raw.blkio_config, name);
  if (blkio !== undefined) out.blkio_config = blkio;
  for (let i = 0; i < HOOKS.length; i++) {
    const hook = HOOKS[i]!;
    if (raw[hook] === undefined) continue;
    const hooks = normalizeHooks(n, raw[hook], `services.${name}.${hook}`);
    if (hooks !== undefined) out[hook] = hooks;
  }
  if (raw.models !== undefined) out.models = serviceModels(raw.models);
  if (typeof raw.pull_policy === 'string') out.pull_policy = raw.pull_policy === 'if_not_present' ? 'missing' : raw.pull_policy;
}

const HOOKS = ['post_start', 'pre_stop', 'pre_start'] as const;

/** {@link commandList}, building the field path for its messages only for a string, the one form that can fail. */
function commandOf(n: Normalizer, raw: Record<string, unknown>, key: 'command' | 'entrypoint', service: string): string[] | undefined {
  const value = raw[key];
  if (value === undefined || value === null || Array.isArray(value)) return commandList(n, value, '', raw, key);
  return commandList(n, value, `services.${service}.${key}`, raw, key);
}

/**
 * Copies the plain keys of the families in `families` (bits above), converted to their IR types. Indexed loops and
 * one read of each key: this runs for every service.
 */
function copyScalars(n: Normalizer, raw: Record<string, unknown>, out: Writable, service: string, families: number): void {
  if (families & STRING) {
    for (let i = 0; i < STRING_FIELDS.length; i++) {
      const v = raw[STRING_FIELDS[i]!];
      if (v !== undefined && v !== null) out[STRING_FIELDS[i]!] = text(v);
    }
  }
  if (families & BOOLEAN) {
    for (let i = 0; i < BOOLEAN_FIELDS.length; i++) {
      const b = booleanFrom(raw[BOOLEAN_FIELDS[i]!]);
      if (b !== undefined) out[BOOLEAN_FIELDS[i]!] = b;
    }
  }
  if (families & NUMBER) {
    for (let i = 0; i < NUMBER_FIELDS.length; i++) {
      const v = numberFrom(raw[NUMBER_FIELDS[i]!]);
      if (v !== undefined) out[NUMBER_FIELDS[i]!] = v;
    }
  }
  if (families & BYTES) for (let i = 0; i < BYTE_FIELDS.length; i++) copyByteSize(n, raw, out, service, BYTE_FIELDS[i]!);
  if (families & LIST) {
    for (let i = 0; i < LIST_FIELDS.length; i++) {
      const v = raw[LIST_FIELDS[i]!];
      if (v !== undefined && v !== null) out[LIST_FIELDS[i]!] = stringList(v);
    }
  }
  if (families & FREE_FORM) {
    for (let i = 0; i < FREE_FORM_FIELDS.length; i++) {
      const v = raw[FREE_FORM_FIELDS[i]!];
      if (isPlainObject(v)) out[FREE_FORM_FIELDS[i]!] = v;
    }
  }
  if (families & DURATION) for (let i = 0; i < DURATION_FIELDS.length; i++) copyDuration(n, raw, out, service, DURATION_FIELDS[i]!);
}

function copyByteSize(n: Normalizer, raw: Record<string, unknown>, out: Writable, service: string, key: string): void {
  const v = raw[key];
  if (v === undefined || v === null) return;
  const size = n.byteSize(v as string | number);
  if (size.ok) out[key] = size.value;
  else n.invalid('SIZE_INVALID', `services.${service}.${key}`, size.message, raw, key);
}

function copyDuration(n: Normalizer, raw: Record<string, unknown>, out: Writable, service: string, key: string): void {
  const v = raw[key];
  if (v === undefined || v === null) return;
  // cpu_rt_* may be a bare number of microseconds; Compose reads it as such.
  if (typeof v === 'number' && key !== 'stop_grace_period') {
    out[key] = v / 1000;
    return;
  }
  const ms = n.duration(v as string | number);
  if (ms.ok) out[key] = ms.value;
  else n.invalid('DURATION_INVALID', `services.${service}.${key}`, ms.message, raw, key);
}

/** `scale` and `deploy.replicas` describe the same thing; Compose requires them to agree. */
function reconcileScale(n: Normalizer, raw: Record<string, unknown>, out: Writable, service: string): void {
  const scale = numberFrom(raw.scale);
  const deploy = out.deploy as Service['deploy'];
  if (scale === undefined) return;
  if (scale < 0) n.error('SCALE_INVALID', `services.${service}.scale must not be negative`, raw, 'scale');
  if (deploy?.replicas !== undefined && deploy.replicas !== scale) {
    n.error('SCALE_CONFLICT', `services.${service}: scale (${scale}) and deploy.replicas (${deploy.replicas}) differ; set only one`, raw, 'scale');
  }
  out.scale = scale;
  if (deploy) deploy.replicas ??= scale;
}

function serviceModels(value: unknown): Record<string, { endpoint_var?: string; model_var?: string } | null> {
  const out: Record<string, { endpoint_var?: string; model_var?: string } | null> = {};
  const record = Array.isArray(value) ? keyValueRecord<null>(value, null) : isPlainObject(value) ? value : {};
  for (const [name, v] of Object.entries(record)) {
    if (!isPlainObject(v)) {
      Object.defineProperty(out, name, { value: null, enumerable: true, writable: true, configurable: true });
      continue;
    }
    const model: { endpoint_var?: string; model_var?: string } = {};
    if (typeof v.endpoint_var === 'string') model.endpoint_var = v.endpoint_var;
    if (typeof v.model_var === 'string') model.model_var = v.model_var;
    Object.defineProperty(out, name, { value: model, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
