/**
 * The `x-kubernetes` extension (per service, per top-level volume, and at the top level) and Kompose's labels,
 * read into one typed settings object so the rest of the emitter never looks at raw extension data.
 */
import { isPlainObject } from '../../util/objects.js';
import type { Service, Volume } from '../../ir/types.js';
import type { KubeContext } from './context.js';
import type { V1Toleration } from '@kubernetes/client-node';
import { komposeService, komposeVolume, type HpaMetric, type IngressSetting, type KomposeService } from './kompose/service.js';

export type { IngressSetting } from './kompose/service.js';

/** Everything a service asks of Kubernetes beyond plain Compose. */
export interface ServiceSettings {
  controller?: 'deployment' | 'statefulset' | 'daemonset' | 'job';
  serviceType?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'Headless';
  ingress: IngressSetting[];
  autoscaling?: { min: number; max: number; metrics: HpaMetric[] };
  labels: Record<string, string>;
  annotations: Record<string, string>;
  nodeSelector?: Record<string, string>;
  tolerations?: V1Toleration[];
  serviceAccount?: string;
  imagePullSecrets?: string[];
  /** What the service's Kompose labels ask for (the fields above already merge them in). */
  kompose: KomposeService;
}

/** Storage settings of a named volume. */
export interface VolumeSettings {
  /** Absent when neither x-kubernetes nor a label sets it: the claim then takes the service's or the default. */
  size?: string;
  storageClass?: string;
  accessModes: string[];
  /** Kompose's `kompose.volume.selector`. */
  selector?: string;
}

const SERVICE_TYPES: Record<string, ServiceSettings['serviceType']> = {
  clusterip: 'ClusterIP',
  nodeport: 'NodePort',
  loadbalancer: 'LoadBalancer',
  headless: 'Headless',
};

/** The settings of one service, from `x-kubernetes` first, then Kompose's labels. */
export function serviceSettings(c: KubeContext, s: Service): ServiceSettings {
  const extension = s.extensions['x-kubernetes'];
  const kompose = komposeService(c, s);
  const labelled = hasSettings(kompose);
  // Most services ask nothing: skip the lookups that would each find nothing.
  if (!isPlainObject(extension) && !labelled) return { ingress: [], labels: {}, annotations: {}, kompose };
  const x = isPlainObject(extension) ? extension : {};
  const settings: ServiceSettings = { ingress: [], labels: stringMap(x.labels), annotations: stringMap(x.annotations), kompose };
  const controller = str(x.controller) ?? kompose.controller;
  if (controller !== undefined) settings.controller = controller.toLowerCase() as ServiceSettings['controller'];
  const type = str(x.serviceType);
  const fromExtension = type === undefined ? undefined : SERVICE_TYPES[type.toLowerCase()];
  const serviceType = fromExtension ?? kompose.serviceType;
  if (serviceType !== undefined) settings.serviceType = serviceType;
  const ingress = ingressSettings(x.ingress);
  settings.ingress = ingress.length > 0 ? ingress : kompose.ingress;
  const auto = isPlainObject(x.autoscaling) ? x.autoscaling : undefined;
  if (auto) {
    const min = num(auto.min) ?? 1;
    const metrics: HpaMetric[] = [];
    const memory = num(auto.memory);
    if (num(auto.cpu) !== undefined || memory === undefined) metrics.push({ resource: 'cpu', utilization: num(auto.cpu) ?? 80 });
    if (memory !== undefined) metrics.push({ resource: 'memory', utilization: memory });
    settings.autoscaling = { min, max: Math.max(num(auto.max) ?? Math.max(min, 1), min), metrics };
  } else if (kompose.autoscaling) settings.autoscaling = kompose.autoscaling;
  if (isPlainObject(x.nodeSelector)) settings.nodeSelector = stringMap(x.nodeSelector);
  // The schema (schemas/x-kubernetes) has already checked each toleration's fields and values.
  if (Array.isArray(x.tolerations)) settings.tolerations = x.tolerations as V1Toleration[];
  const account = str(x.serviceAccount) ?? kompose.serviceAccount;
  if (account !== undefined) settings.serviceAccount = account;
  const pullSecrets = Array.isArray(x.imagePullSecrets) ? x.imagePullSecrets.map(String) : [];
  if (kompose.imagePullSecret !== undefined && !pullSecrets.includes(kompose.imagePullSecret)) pullSecrets.push(kompose.imagePullSecret);
  if (pullSecrets.length > 0) settings.imagePullSecrets = pullSecrets;
  return settings;
}

/** True when the labels asked for anything (the usual service's settings are all empty). */
function hasSettings(k: KomposeService): boolean {
  for (const value of Object.values(k) as unknown[]) {
    if (Array.isArray(value) ? value.length > 0 : isPlainObject(value) ? Object.keys(value).length > 0 : value !== undefined) return true;
  }
  return false;
}

function ingressSettings(value: unknown): IngressSetting[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const out: IngressSetting[] = [];
  for (const item of items) {
    if (!isPlainObject(item)) continue;
    const setting: IngressSetting = { path: str(item.path) ?? '/' };
    const host = str(item.host);
    if (host !== undefined) setting.host = host;
    const tls = str(item.tlsSecret);
    if (tls !== undefined) setting.tlsSecret = tls;
    const className = str(item.className);
    if (className !== undefined) setting.className = className;
    out.push(setting);
  }
  return out;
}

/**
 * Storage settings of a named volume: `x-kubernetes` on the volume, then Kompose's labels on it, then ReadWriteOnce.
 * The size falls back later (the service's label, `--pvc-request-size`, 1Gi).
 */
export function volumeSettings(c: KubeContext, key: string, v: Volume | undefined): VolumeSettings {
  const x = v && isPlainObject(v.extensions['x-kubernetes']) ? v.extensions['x-kubernetes'] : {};
  const labels = komposeVolume(c, key, v);
  const settings: VolumeSettings = { accessModes: Array.isArray(x.accessModes) ? x.accessModes.map(String) : ['ReadWriteOnce'] };
  const size = str(x.size) ?? labels.size;
  if (size !== undefined) settings.size = size;
  const storageClass = str(x.storageClass) ?? labels.storageClass;
  if (storageClass !== undefined) settings.storageClass = storageClass;
  if (labels.selector !== undefined) settings.selector = labels.selector;
  return settings;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function num(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}
