/**
 * Kompose's service labels (and the two it reads from `deploy.labels`), read once per service into typed settings.
 * Every `kompose.*` label of the service is either read here or reported by {@link LabelReader.finish}.
 */
import type { Service, Volume } from '../../../ir/types.js';
import { splitCommand } from '../../../ir/values/shellwords.js';
import type { KubeContext } from '../context.js';
import { isDnsLabel, isDnsSubdomain } from '../names.js';
import { seconds } from '../quantities.js';
import { isKomposeLabel } from './catalogue.js';
import { LabelReader } from './reader.js';

/** A probe written with Kompose's healthcheck labels; only what the labels set. */
export interface KomposeProbe {
  exec?: string[];
  httpGet?: { path: string; port: number };
  tcpPort?: number;
  disable?: boolean;
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
  initialDelaySeconds?: number;
}

/** How a volume is realized, in Kompose's spelling (`--volumes`, `kompose.volume.type`). */
export type VolumeKind = 'persistentVolumeClaim' | 'emptyDir' | 'hostPath' | 'configMap';

/** Kompose's storage labels, on a service (for all its volumes) or on a top-level volume. */
export interface StorageLabels {
  size?: string;
  storageClass?: string;
  selector?: string;
  type?: VolumeKind;
  subpath?: string;
}

/** One autoscaling target: a utilization percent of the request, or an average value per pod. */
export interface HpaMetric {
  resource: 'cpu' | 'memory';
  utilization?: number;
  averageValue?: string;
}

/** An Ingress rule for a service. */
export interface IngressSetting {
  host?: string;
  path: string;
  tlsSecret?: string;
  className?: string;
}

/** What a service's Kompose labels ask for. */
export interface KomposeService {
  controller?: 'deployment' | 'statefulset' | 'daemonset' | 'job';
  serviceType?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'Headless';
  ingress: IngressSetting[];
  autoscaling?: { min: number; max: number; metrics: HpaMetric[] };
  serviceAccount?: string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  imagePullSecret?: string;
  fsGroup?: number;
  nodePort?: number;
  externalTrafficPolicy?: 'Cluster' | 'Local';
  cron?: { schedule: string; concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace' };
  backoffLimit?: number;
  readiness?: KomposeProbe;
  liveness?: KomposeProbe;
  initContainer?: { name: string; image: string; command?: string[] };
  ephemeralStorage?: { limit?: string; request?: string };
  hostPorts?: boolean;
  storage: StorageLabels;
  nameOverride?: string;
}

const NONE: KomposeService = Object.freeze({ ingress: [], storage: {} }) as KomposeService;

const CONTROLLERS = { deployment: 'deployment', daemonset: 'daemonset', statefulset: 'statefulset', replicationcontroller: 'deployment', job: 'job' } as const;
const SERVICE_TYPES = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', headless: 'Headless' } as const;
const PULL_POLICIES = { always: 'Always', ifnotpresent: 'IfNotPresent', never: 'Never' } as const;
const TRAFFIC_POLICIES = { cluster: 'Cluster', local: 'Local' } as const;
const CONCURRENCY = { allow: 'Allow', forbid: 'Forbid', replace: 'Replace' } as const;
/** Kompose's volume types, and the lower-case spellings people also write. */
export const VOLUME_KINDS: Readonly<Record<string, VolumeKind>> = {
  persistentvolumeclaim: 'persistentVolumeClaim',
  pvc: 'persistentVolumeClaim',
  emptydir: 'emptyDir',
  hostpath: 'hostPath',
  configmap: 'configMap',
};

const HOST = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const CRON_MACROS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
const CRON_FIELD = /^(\*|\?|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/[0-9]+)?(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/[0-9]+)?)*$/;

const cache = new WeakMap<KubeContext, Map<Service, KomposeService>>();

/** The Kompose settings of a service, read (and reported about) once per conversion. */
export function komposeService(c: KubeContext, s: Service): KomposeService {
  let perContext = cache.get(c);
  if (perContext === undefined) {
    perContext = new Map();
    cache.set(c, perContext);
  }
  let settings = perContext.get(s);
  if (settings === undefined) {
    settings = readService(c, s);
    perContext.set(s, settings);
  }
  return settings;
}

function hasKomposeLabel(labels: Readonly<Record<string, string>> | undefined): boolean {
  if (labels === undefined) return false;
  for (const key in labels) if (isKomposeLabel(key)) return true;
  return false;
}

function readService(c: KubeContext, s: Service): KomposeService {
  const deployLabels = s.deploy?.labels;
  // Most services carry no Kompose label: one scan, no reader.
  if (!hasKomposeLabel(s.labels) && !hasKomposeLabel(deployLabels)) return NONE;
  const owner = `services.${s.name}`;
  const r = new LabelReader(c.diagnostics, s.labels, owner, { at: s, key: 'labels' });
  const out: KomposeService = { ingress: [], storage: {} };
  const controller = r.choice('kompose.controller.type', CONTROLLERS);
  if (controller !== undefined) out.controller = controller;
  if (r.labels['kompose.controller.type']?.trim().toLowerCase() === 'replicationcontroller') {
    r.report('kompose.controller.type', 'KOMPOSE_REPLICATION_CONTROLLER', `${owner}: a ReplicationController becomes a Deployment, which replaced it (Kompose itself no longer emits one)`);
  }
  const type = r.choice('kompose.service.type', SERVICE_TYPES);
  if (type !== undefined) out.serviceType = type;
  out.ingress = ingress(r);
  const autoscaling = hpa(r);
  if (autoscaling) out.autoscaling = autoscaling;
  const account = r.text('kompose.serviceaccount-name');
  if (account !== undefined) {
    if (isDnsSubdomain(account)) out.serviceAccount = account;
    else r.invalid('kompose.serviceaccount-name', account, 'a valid Kubernetes name (lowercase letters, digits, dashes, dots)');
  }
  const policy = r.choice('kompose.image-pull-policy', PULL_POLICIES);
  if (policy !== undefined) out.imagePullPolicy = policy;
  const secret = r.text('kompose.image-pull-secret');
  if (secret !== undefined) {
    if (isDnsSubdomain(secret)) out.imagePullSecret = secret;
    else r.invalid('kompose.image-pull-secret', secret, 'a Secret name (lowercase letters, digits, dashes, dots)');
  }
  const fsGroup = r.integer('kompose.security-context.fsgroup', 0, 2_147_483_647);
  if (fsGroup !== undefined) out.fsGroup = fsGroup;
  nodePortAndPolicy(r, out);
  cron(r, out);
  for (const kind of ['readiness', 'liveness'] as const) {
    const p = probeLabels(r, kind);
    if (p) out[kind] = p;
  }
  const init = initContainer(r);
  if (init) out.initContainer = init;
  const hostPorts = r.boolean('kompose.controller.port.expose');
  if (hostPorts !== undefined) out.hostPorts = hostPorts;
  out.storage = storageLabels(r);
  const rename = r.text('kompose.service.name_override');
  if (rename !== undefined) {
    if (rename !== s.name && c.project.services[rename] !== undefined) r.ignored('kompose.service.name_override', `names another service, ${rename}; the service keeps its name`);
    else if (isDnsLabel(rename) && /^[a-z]/.test(rename)) out.nameOverride = rename;
    else r.invalid('kompose.service.name_override', rename, 'a DNS label starting with a letter (lowercase letters, digits, dashes; at most 63)');
  }
  const storage = ephemeral(r, deployLabels === undefined ? undefined : new LabelReader(c.diagnostics, deployLabels, `${owner}.deploy`, { at: s, key: 'deploy' }));
  if (storage !== undefined) out.ephemeralStorage = storage;
  r.finish('service');
  return out;
}

function ingress(r: LabelReader): IngressSetting[] {
  const expose = r.text('kompose.service.expose');
  const tls = r.text('kompose.service.expose.tls-secret');
  const className = r.text('kompose.service.expose.ingress-class-name');
  const out: IngressSetting[] = [];
  if (expose === undefined || expose.toLowerCase() === 'false') {
    if (tls !== undefined) r.ignored('kompose.service.expose.tls-secret', 'needs kompose.service.expose; no Ingress is made, so it is left out');
    if (className !== undefined) r.ignored('kompose.service.expose.ingress-class-name', 'needs kompose.service.expose; no Ingress is made, so it is left out');
    return out;
  }
  if (className !== undefined && !isDnsSubdomain(className)) {
    r.invalid('kompose.service.expose.ingress-class-name', className, 'an IngressClass name');
    return out;
  }
  if (tls !== undefined && tls.toLowerCase() !== 'true' && !isDnsSubdomain(tls)) {
    r.invalid('kompose.service.expose.tls-secret', tls, 'a Secret name or true');
    return out;
  }
  const entries = expose.toLowerCase() === 'true' ? [''] : expose.split(',').map((e) => e.trim()).filter((e) => e !== '');
  for (const entry of entries) {
    const slash = entry.indexOf('/');
    const host = slash >= 0 ? entry.slice(0, slash) : entry;
    if (host !== '' && !HOST.test(host)) {
      r.invalid('kompose.service.expose', expose, 'true or host names (with an optional /path) separated by commas');
      return [];
    }
    const setting: IngressSetting = { path: slash >= 0 ? entry.slice(slash) : '/' };
    if (host !== '') setting.host = host;
    // `true` asks for TLS without naming a Secret (the controller's default certificate): no secretName.
    if (tls !== undefined) setting.tlsSecret = tls.toLowerCase() === 'true' ? '' : tls;
    if (className !== undefined) setting.className = className;
    out.push(setting);
  }
  return out;
}

function hpa(r: LabelReader): KomposeService['autoscaling'] {
  const read = {
    'kompose.hpa.replicas.min': r.integer('kompose.hpa.replicas.min', 1, 2_147_483_647),
    'kompose.hpa.replicas.max': r.integer('kompose.hpa.replicas.max', 1, 2_147_483_647),
    'kompose.hpa.cpu': metric(r, 'kompose.hpa.cpu', 'cpu'),
    'kompose.hpa.memory': metric(r, 'kompose.hpa.memory', 'memory'),
  };
  const names = Object.keys(read) as (keyof typeof read)[];
  if (!names.some((k) => r.labels[k] !== undefined)) return undefined;
  // A bad value (already reported) leaves the whole autoscaler out rather than scaling on a default the user did not choose.
  if (names.some((k) => r.labels[k] !== undefined && read[k] === undefined)) return undefined;
  const min = read['kompose.hpa.replicas.min'];
  const max = read['kompose.hpa.replicas.max'];
  const cpu = read['kompose.hpa.cpu'];
  const memory = read['kompose.hpa.memory'];
  const metrics: HpaMetric[] = [];
  if (cpu) metrics.push(cpu);
  if (memory) metrics.push(memory);
  // Kompose's defaults when neither target is named: 50% CPU and 70% memory.
  if (metrics.length === 0) metrics.push({ resource: 'cpu', utilization: 50 }, { resource: 'memory', utilization: 70 });
  const low = min ?? 1;
  return { min: low, max: Math.max(max ?? 3, low), metrics };
}

function metric(r: LabelReader, name: string, resource: 'cpu' | 'memory'): HpaMetric | undefined {
  const value = r.raw(name);
  if (value === undefined) return undefined;
  const text = value.trim();
  const percent = /^(\d+)%?$/.exec(text);
  if (percent && Number(percent[1]) >= 1) return { resource, utilization: Number(percent[1]) };
  if (!percent && /^[0-9.]+[a-zA-Z]+$/.test(text) && isQuantityText(text)) return { resource, averageValue: text };
  return r.invalid(name, value, `a utilization percent (${resource === 'cpu' ? '50 or 50%' : '70 or 70%'}) or an average per pod (${resource === 'cpu' ? '500m' : '512Mi'})`);
}

function isQuantityText(text: string): boolean {
  return /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[KMGTPE]i|[numkMGTPE])$/.test(text);
}

function nodePortAndPolicy(r: LabelReader, out: KomposeService): void {
  // The API server refuses a nodePort outside its range, 30000-32767 unless a cluster widens it.
  const nodePort = r.integer('kompose.service.nodeport.port', 30000, 32767);
  if (nodePort !== undefined) {
    if (out.serviceType === 'NodePort') out.nodePort = nodePort;
    else r.ignored('kompose.service.nodeport.port', 'applies to kompose.service.type: nodeport only; it is left out', 'add kompose.service.type: nodeport');
  }
  const policy = r.choice('kompose.service.external-traffic-policy', TRAFFIC_POLICIES);
  if (policy !== undefined) {
    if (out.serviceType === 'ClusterIP' || out.serviceType === 'Headless') {
      r.ignored('kompose.service.external-traffic-policy', `applies to LoadBalancer and NodePort Services, not ${out.serviceType === 'Headless' ? 'a headless' : 'a ClusterIP'} Service; it is left out`);
    } else out.externalTrafficPolicy = policy;
  }
}

function cron(r: LabelReader, out: KomposeService): void {
  const schedule = r.text('kompose.cronjob.schedule');
  const concurrency = r.choice('kompose.cronjob.concurrency_policy', CONCURRENCY);
  const backoff = r.integer('kompose.cronjob.backoff_limit', 0, 2_147_483_647);
  if (schedule !== undefined && !isCronSchedule(schedule)) {
    r.invalid('kompose.cronjob.schedule', schedule, 'a cron schedule of five fields (such as "*/5 * * * *") or a macro such as @hourly');
    // Nothing half-applied: without a schedule there is no CronJob for the other two labels to shape.
    if (concurrency !== undefined) r.ignored('kompose.cronjob.concurrency_policy', 'is left out with the invalid schedule');
    if (backoff !== undefined) r.ignored('kompose.cronjob.backoff_limit', 'is left out with the invalid schedule');
    return;
  }
  if (schedule !== undefined) out.cron = concurrency !== undefined ? { schedule, concurrencyPolicy: concurrency } : { schedule };
  else if (concurrency !== undefined) r.ignored('kompose.cronjob.concurrency_policy', 'needs kompose.cronjob.schedule; it is left out');
  if (backoff !== undefined) out.backoffLimit = backoff;
}

/** Five space-separated cron fields (an optional leading TZ=), or one of the @ macros Kubernetes accepts. */
export function isCronSchedule(text: string): boolean {
  const schedule = text.trim().replace(/^(CRON_TZ|TZ)=\S+\s+/, '');
  if (CRON_MACROS.has(schedule)) return true;
  const fields = schedule.split(/\s+/);
  return fields.length === 5 && fields.every((f) => CRON_FIELD.test(f));
}

function probeLabels(r: LabelReader, kind: 'readiness' | 'liveness'): KomposeProbe | undefined {
  const prefix = `kompose.service.healthcheck.${kind}.`;
  const names = ['test', 'http_get_path', 'http_get_port', 'tcp_port', 'disable', 'interval', 'timeout', 'retries', 'start_period'] as const;
  if (!names.some((n) => r.labels[prefix + n] !== undefined)) return undefined;
  const read = {
    test: r.text(`${prefix}test`),
    http_get_path: r.text(`${prefix}http_get_path`),
    http_get_port: r.port(`${prefix}http_get_port`),
    tcp_port: r.port(`${prefix}tcp_port`),
    disable: r.boolean(`${prefix}disable`),
    interval: r.duration(`${prefix}interval`),
    timeout: r.duration(`${prefix}timeout`),
    retries: r.integer(`${prefix}retries`, 1, 2_147_483_647),
    start_period: r.duration(`${prefix}start_period`),
  };
  // A bad value (already reported) leaves the whole probe as the healthcheck makes it: nothing half-applied.
  if (names.some((n) => r.labels[prefix + n] !== undefined && read[n] === undefined)) return undefined;
  if (read.disable === true) return { disable: true };
  const out: KomposeProbe = {};
  if (read.test !== undefined) {
    const command = probeCommand(read.test);
    if (command === 'none') return { disable: true };
    if (command === undefined) return r.invalid(`${prefix}test`, read.test, 'a command (CMD argv, CMD-SHELL or a shell command line)');
    out.exec = command;
  } else if (read.http_get_path !== undefined || read.http_get_port !== undefined) {
    if (read.http_get_port === undefined) {
      r.ignored(`${prefix}http_get_path`, `needs ${prefix}http_get_port; the probe is left as the healthcheck makes it`);
      return undefined;
    }
    out.httpGet = { path: read.http_get_path ?? '/', port: read.http_get_port };
  } else if (read.tcp_port !== undefined) out.tcpPort = read.tcp_port;
  if (read.interval !== undefined) out.periodSeconds = seconds(read.interval);
  if (read.timeout !== undefined) out.timeoutSeconds = seconds(read.timeout);
  if (read.retries !== undefined) out.failureThreshold = read.retries;
  if (read.start_period !== undefined) out.initialDelaySeconds = Math.ceil(read.start_period / 1000);
  return out;
}

/**
 * A probe test as argv: `CMD a b` (or a JSON list) runs as written; `CMD-SHELL x` and a plain command line run
 * through `/bin/sh -c`, as Compose runs a string test. `NONE` disables the probe.
 */
function probeCommand(test: string): string[] | 'none' | undefined {
  let words: string[] | undefined;
  if (test.startsWith('[')) words = jsonList(test);
  if (words === undefined) {
    const first = /^\S+/.exec(test)?.[0];
    if (first === 'NONE') return 'none';
    if (first === 'CMD-SHELL') return ['/bin/sh', '-c', test.slice('CMD-SHELL'.length).trim()];
    if (first !== 'CMD') return ['/bin/sh', '-c', test];
    const split = splitCommand(test.slice(3));
    words = split.ok ? ['CMD', ...split.value] : undefined;
  }
  if (words === undefined || words.length === 0) return undefined;
  if (words[0] === 'NONE') return 'none';
  if (words[0] === 'CMD-SHELL') return words.length > 1 ? ['/bin/sh', '-c', words.slice(1).join(' ')] : undefined;
  const argv = words[0] === 'CMD' ? words.slice(1) : words;
  return argv.length > 0 ? argv : undefined;
}

/** A JSON list of strings, or undefined. */
function jsonList(text: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}

function initContainer(r: LabelReader): KomposeService['initContainer'] {
  const image = r.text('kompose.init.containers.image');
  const name = r.text('kompose.init.containers.name');
  const commandText = r.text('kompose.init.containers.command');
  if (image === undefined) {
    if (name !== undefined) r.ignored('kompose.init.containers.name', 'needs kompose.init.containers.image; no init container is made');
    if (commandText !== undefined) r.ignored('kompose.init.containers.command', 'needs kompose.init.containers.image; no init container is made');
    return undefined;
  }
  const valid = name !== undefined && isDnsLabel(name) ? name : undefined;
  if (name !== undefined && valid === undefined) r.invalid('kompose.init.containers.name', name, 'a container name (lowercase letters, digits, dashes; at most 63)');
  const out: NonNullable<KomposeService['initContainer']> = { name: valid ?? 'init-service', image };
  if (commandText !== undefined) {
    const command = initCommand(commandText);
    if (command === undefined) return r.invalid('kompose.init.containers.command', commandText, 'a list such as ["sh", "-c", "..."] or a command line');
    out.command = command;
  }
  return out;
}

/** `["a", "b"]` (JSON), `[a, b]` (Kompose's comma list), or a command line split as Compose splits `command`. */
function initCommand(text: string): string[] | undefined {
  if (text.startsWith('[') && text.endsWith(']')) {
    const list = jsonList(text) ?? text.slice(1, -1).split(',').map((w) => w.trim().replace(/^(["'])(.*)\1$/, '$2'));
    return list.length > 0 && list.every((w) => w !== '') ? list : undefined;
  }
  const split = splitCommand(text);
  return split.ok && split.value.length > 0 ? split.value : undefined;
}

function ephemeral(r: LabelReader, deploy: LabelReader | undefined): KomposeService['ephemeralStorage'] {
  const out: NonNullable<KomposeService['ephemeralStorage']> = {};
  for (const [key, label] of [['limit', 'kompose.ephemeral-storage.limit'], ['request', 'kompose.ephemeral-storage.request']] as const) {
    // Kompose reads these from deploy.labels; service labels are read too, deploy.labels winning.
    const fromDeploy = deploy?.quantity(label);
    const fromService = r.quantity(label);
    const value = fromDeploy ?? (deploy?.labels[label] === undefined ? fromService : undefined);
    if (fromService !== undefined && deploy?.labels[label] !== undefined) r.ignored(label, 'is also under deploy.labels, which wins');
    if (value !== undefined) out[key] = value;
  }
  deploy?.finish('deploy');
  return out.limit === undefined && out.request === undefined ? undefined : out;
}

/** Reads the storage labels of a service or a top-level volume. */
export function storageLabels(r: LabelReader): StorageLabels {
  const out: StorageLabels = {};
  const size = r.quantity('kompose.volume.size');
  if (size !== undefined) out.size = size;
  const storageClass = r.text('kompose.volume.storage-class-name');
  if (storageClass !== undefined) {
    if (isDnsSubdomain(storageClass)) out.storageClass = storageClass;
    else r.invalid('kompose.volume.storage-class-name', storageClass, 'a StorageClass name (lowercase letters, digits, dashes, dots)');
  }
  const selector = r.text('kompose.volume.selector');
  if (selector !== undefined) {
    if (/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/.test(selector)) out.selector = selector;
    else r.invalid('kompose.volume.selector', selector, 'a label value (letters, digits, dashes, underscores, dots; at most 63)');
  }
  const type = r.choice('kompose.volume.type', VOLUME_KINDS);
  if (type !== undefined) out.type = type;
  const subpath = r.text('kompose.volume.subpath');
  if (subpath !== undefined) {
    if (!subpath.startsWith('/') && !subpath.split('/').includes('..')) out.subpath = subpath;
    else r.invalid('kompose.volume.subpath', subpath, 'a relative path without ..');
  }
  return out;
}

const volumeCache = new WeakMap<KubeContext, Map<string, StorageLabels>>();

/** The storage labels of a top-level volume, read (and reported about) once per conversion. */
export function komposeVolume(c: KubeContext, key: string, v: Volume | undefined): StorageLabels {
  if (v?.labels === undefined || !hasKomposeLabel(v.labels)) return {};
  let perContext = volumeCache.get(c);
  if (perContext === undefined) {
    perContext = new Map();
    volumeCache.set(c, perContext);
  }
  let settings = perContext.get(key);
  if (settings === undefined) {
    const r = new LabelReader(c.diagnostics, v.labels, `volumes.${key}`, { at: v, key: 'labels' });
    settings = storageLabels(r);
    r.finish('volume');
    perContext.set(key, settings);
  }
  return settings;
}

/**
 * Kompose reads no labels of networks, secrets and configs, and stackport passes none of them on: a `kompose.*`
 * label there is reported (with where it belongs, for a known one) instead of vanishing.
 */
export function reportOtherLabels(c: KubeContext): void {
  for (const section of ['networks', 'secrets', 'configs'] as const) {
    const entries = c.project[section] as Record<string, { labels?: Record<string, string> }>;
    for (const key of Object.keys(entries).sort()) {
      const entry = entries[key]!;
      if (entry.labels === undefined || !hasKomposeLabel(entry.labels)) continue;
      new LabelReader(c.diagnostics, entry.labels, `${section}.${key}`, { at: entry, key: 'labels' }).finish('other');
    }
  }
}
