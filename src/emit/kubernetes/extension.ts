/**
 * The `x-kubernetes` extension (per service, per top-level volume, and at the top level) and Kompose's labels,
 * read into one typed settings object so the rest of the emitter never looks at raw extension data.
 */
import { isPlainObject } from '../../util/objects.js';
import type { Service, Volume } from '../../ir/types.js';
import type { KubeContext } from './context.js';

/** An Ingress rule for a service. */
export interface IngressSetting {
  host?: string;
  path: string;
  tlsSecret?: string;
  className?: string;
}

/** Everything a service asks of Kubernetes beyond plain Compose. */
export interface ServiceSettings {
  controller?: 'deployment' | 'statefulset' | 'daemonset' | 'job';
  serviceType?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'Headless';
  ingress: IngressSetting[];
  autoscaling?: { min: number; max: number; cpu: number };
  labels: Record<string, string>;
  annotations: Record<string, string>;
  nodeSelector?: Record<string, string>;
  tolerations?: unknown[];
  serviceAccount?: string;
}

/** Storage settings of a named volume. */
export interface VolumeSettings {
  size: string;
  storageClass?: string;
  accessModes: string[];
}

const CONTROLLERS = new Set(['deployment', 'statefulset', 'daemonset', 'job']);
const SERVICE_TYPES: Record<string, ServiceSettings['serviceType']> = {
  clusterip: 'ClusterIP',
  nodeport: 'NodePort',
  loadbalancer: 'LoadBalancer',
  headless: 'Headless',
};

/** The settings of one service, from `x-kubernetes` first, then Kompose's labels. */
export function serviceSettings(c: KubeContext, s: Service): ServiceSettings {
  const extension = s.extensions['x-kubernetes'];
  const labels = s.labels;
  // Most services ask nothing: skip the dozen lookups that would each find nothing.
  if (!isPlainObject(extension) && !hasKomposeLabel(labels)) return { ingress: [], labels: {}, annotations: {} };
  const x = isPlainObject(extension) ? extension : {};
  const settings: ServiceSettings = { ingress: [], labels: stringMap(x.labels), annotations: stringMap(x.annotations) };
  const controller = str(x.controller) ?? labels['kompose.controller.type'];
  if (controller !== undefined) {
    if (CONTROLLERS.has(controller.toLowerCase())) settings.controller = controller.toLowerCase() as ServiceSettings['controller'];
    else c.report('warning', 'K8S_EXTENSION_INVALID', `services.${s.name}: unknown controller "${controller}" (use deployment, statefulset, daemonset or job)`, s, 'extensions');
  }
  const type = str(x.serviceType) ?? labels['kompose.service.type'];
  if (type !== undefined) {
    const known = SERVICE_TYPES[type.toLowerCase()];
    if (known) settings.serviceType = known;
    else c.report('warning', 'K8S_EXTENSION_INVALID', `services.${s.name}: unknown service type "${type}"`, s, 'extensions');
  }
  settings.ingress = ingressSettings(x.ingress, labels);
  const auto = isPlainObject(x.autoscaling) ? x.autoscaling : undefined;
  const min = num(auto?.min) ?? num(labels['kompose.hpa.replicas.min']);
  const max = num(auto?.max) ?? num(labels['kompose.hpa.replicas.max']);
  const cpu = num(auto?.cpu) ?? num(labels['kompose.hpa.cpu']);
  if (min !== undefined || max !== undefined || cpu !== undefined) {
    settings.autoscaling = { min: min ?? 1, max: max ?? Math.max(min ?? 1, 1), cpu: cpu ?? 80 };
  }
  if (isPlainObject(x.nodeSelector)) settings.nodeSelector = stringMap(x.nodeSelector);
  if (Array.isArray(x.tolerations)) settings.tolerations = x.tolerations;
  const account = str(x.serviceAccount) ?? labels['kompose.serviceaccount-name'];
  if (account !== undefined) settings.serviceAccount = account;
  return settings;
}

function hasKomposeLabel(labels: Record<string, string>): boolean {
  for (const key in labels) if (key.startsWith('kompose.')) return true;
  return false;
}

function ingressSettings(value: unknown, labels: Record<string, string>): IngressSetting[] {
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
  const expose = labels['kompose.service.expose'];
  if (out.length === 0 && expose !== undefined && expose !== 'false' && expose !== '') {
    const tls = labels['kompose.service.expose.tls-secret'];
    const className = labels['kompose.service.expose.ingress-class-name'];
    for (const entry of expose === 'true' ? [''] : expose.split(',').map((e) => e.trim())) {
      const slash = entry.indexOf('/');
      const setting: IngressSetting = { path: slash >= 0 ? entry.slice(slash) : '/' };
      const host = slash >= 0 ? entry.slice(0, slash) : entry;
      if (host !== '') setting.host = host;
      if (tls) setting.tlsSecret = tls;
      if (className) setting.className = className;
      out.push(setting);
    }
  }
  return out;
}

/** Storage settings of a named volume: `x-kubernetes` on the volume, then Kompose's labels, then 1Gi RWO. */
export function volumeSettings(v: Volume | undefined): VolumeSettings {
  const x = v && isPlainObject(v.extensions['x-kubernetes']) ? v.extensions['x-kubernetes'] : {};
  const labels = v?.labels ?? {};
  const settings: VolumeSettings = {
    size: str(x.size) ?? labels['kompose.volume.size'] ?? '1Gi',
    accessModes: Array.isArray(x.accessModes) ? x.accessModes.map(String) : ['ReadWriteOnce'],
  };
  const storageClass = str(x.storageClass) ?? labels['kompose.volume.storage-class-name'];
  if (storageClass !== undefined) settings.storageClass = storageClass;
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
