/**
 * One service from the merged model to the IR: each Compose key family has its own module; this file only routes
 * keys and handles the many plain scalar keys. Every key is either carried over or reported.
 */
import { isPlainObject } from '../../util/objects.js';
import type { Service } from '../types.js';
import { parseByteSize } from '../values/bytes.js';
import { parseDuration } from '../values/duration.js';
import { normalizeBuild } from './build.js';
import { booleanFrom, extensionsOf, keyValueRecord, numberFrom, stringList, stringRecord, text, type Normalizer } from './context.js';
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

/** Keys handled by a dedicated module below. */
const ROUTED = new Set<string>([
  ...STRING_FIELDS, ...BOOLEAN_FIELDS, ...NUMBER_FIELDS, ...BYTE_FIELDS, ...LIST_FIELDS, ...FREE_FORM_FIELDS,
  'build', 'command', 'entrypoint', 'environment', 'env_file', 'labels', 'annotations', 'ports', 'expose', 'volumes',
  'tmpfs', 'secrets', 'configs', 'networks', 'depends_on', 'healthcheck', 'deploy', 'scale', 'extra_hosts', 'sysctls',
  'ulimits', 'stop_grace_period', 'pull_policy', 'logging', 'devices', 'gpus', 'cpu_rt_period', 'cpu_rt_runtime',
  'blkio_config', 'storage_opt', 'models', 'post_start', 'pre_stop', 'pre_start',
]);

/** Normalizes one service. */
export function normalizeService(n: Normalizer, name: string, raw: Record<string, unknown>): Service {
  const out: Writable = {
    name,
    ...normalizeEnvironment(n, raw, name),
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
  copyScalars(n, raw, out, name);
  const set = (key: string, value: unknown) => {
    if (value !== undefined) out[key] = value;
  };
  set('build', normalizeBuild(n, raw.build, name));
  set('command', commandList(n, raw.command, `services.${name}.command`, raw, 'command'));
  set('entrypoint', commandList(n, raw.entrypoint, `services.${name}.entrypoint`, raw, 'entrypoint'));
  set('tmpfs', normalizeTmpfs(raw.tmpfs));
  set('healthcheck', normalizeHealthcheck(n, raw.healthcheck, name));
  set('deploy', normalizeDeploy(n, raw.deploy, name));
  if (raw.extra_hosts !== undefined) set('extra_hosts', normalizeExtraHosts(n, raw.extra_hosts, `services.${name}`, raw));
  if (raw.sysctls !== undefined) set('sysctls', stringRecord(raw.sysctls));
  if (raw.storage_opt !== undefined) set('storage_opt', stringRecord(raw.storage_opt));
  if (raw.ulimits !== undefined) set('ulimits', normalizeUlimits(raw.ulimits));
  set('logging', normalizeLogging(raw.logging));
  if (raw.devices !== undefined) set('devices', normalizeDevices(n, raw.devices, name));
  set('gpus', normalizeGpus(raw.gpus));
  set('blkio_config', normalizeBlkio(n, raw.blkio_config, name));
  for (const hook of ['post_start', 'pre_stop', 'pre_start'] as const) set(hook, normalizeHooks(n, raw[hook], `services.${name}.${hook}`));
  if (raw.models !== undefined) set('models', serviceModels(raw.models));
  if (typeof raw.pull_policy === 'string') set('pull_policy', raw.pull_policy === 'if_not_present' ? 'missing' : raw.pull_policy);
  if (raw.network_mode !== undefined && raw.network_mode !== null) out.networks = {};
  else if (Object.keys(out.networks as object).length === 0 && raw.provider === undefined) out.networks = { default: { extensions: {} } };
  reconcileScale(n, raw, out, name);
  reportUnknown(n, raw, name);
  return out as unknown as Service;
}

function copyScalars(n: Normalizer, raw: Record<string, unknown>, out: Writable, service: string): void {
  for (const key of STRING_FIELDS) if (raw[key] !== undefined && raw[key] !== null) out[key] = text(raw[key]);
  for (const key of BOOLEAN_FIELDS) {
    const b = booleanFrom(raw[key]);
    if (b !== undefined) out[key] = b;
  }
  for (const key of NUMBER_FIELDS) {
    const v = numberFrom(raw[key]);
    if (v !== undefined) out[key] = v;
  }
  for (const key of BYTE_FIELDS) {
    if (raw[key] === undefined || raw[key] === null) continue;
    const v = n.parsed(parseByteSize(raw[key] as string | number), 'SIZE_INVALID', `services.${service}.${key}`, raw, key);
    if (v !== undefined) out[key] = v;
  }
  for (const key of LIST_FIELDS) if (raw[key] !== undefined && raw[key] !== null) out[key] = stringList(raw[key]);
  for (const key of FREE_FORM_FIELDS) if (isPlainObject(raw[key])) out[key] = raw[key];
  for (const key of ['stop_grace_period', 'cpu_rt_period', 'cpu_rt_runtime'] as const) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    // cpu_rt_* may be a bare number of microseconds; Compose reads it as such.
    const ms = typeof v === 'number' && key !== 'stop_grace_period' ? v / 1000 : n.parsed(parseDuration(v as string | number), 'DURATION_INVALID', `services.${service}.${key}`, raw, key);
    if (ms !== undefined) out[key] = ms;
  }
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

/** The schema rejects unknown keys; anything that still slips through is reported, never dropped silently. */
function reportUnknown(n: Normalizer, raw: Record<string, unknown>, service: string): void {
  for (const key of Object.keys(raw)) {
    if (!ROUTED.has(key) && !key.startsWith('x-') && key !== 'extends') {
      n.warn('KEY_IGNORED', `services.${service}.${key} is not a Compose key stackport knows; it is ignored`, raw, key);
    }
  }
}
