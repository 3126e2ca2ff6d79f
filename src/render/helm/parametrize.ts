/**
 * Which fields of which objects become chart values. Each function takes one object, records its current values
 * (so the chart's defaults reproduce the plain conversion) and returns a copy with those fields replaced by slots.
 * Objects of other kinds are copied into templates as they are.
 */
import type { KubernetesObject } from '../../emit/kubernetes/index.js';
import { sortKeysDeep } from '../yaml.js';
import { splitImage, type ImageValues } from './image.js';
import { SlotTable } from './slots.js';

/** The values of one Compose service. */
export interface ServiceValues {
  image?: ImageValues;
  replicas?: number;
  resources: Record<string, unknown>;
  env: unknown[];
  kubernetesServices: Record<string, { type: string; ports: unknown[] }>;
  ingress?: { enabled: boolean; className: string; rules: unknown[]; tls: unknown[] };
}

/** The values of one persistent volume claim. */
export interface PersistenceValues {
  size: string;
  storageClass: string;
}

/** Everything values.yaml holds. */
export interface ChartValues {
  services: Record<string, ServiceValues>;
  persistence: Record<string, PersistenceValues>;
}

/** An object ready to print as a template. */
export interface TemplatedObject {
  object: KubernetesObject;
  table: SlotTable;
  /** The Compose service whose values the template reads, if any. */
  service?: string;
}

const SERVICE_LABEL = 'app.kubernetes.io/name';
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);
const SCALABLE = new Set(['Deployment', 'StatefulSet']);

/** Records `object`'s values into `values` and returns its templated copy. */
export function parametrize(source: KubernetesObject, values: ChartValues, chart: string): TemplatedObject {
  const object = structuredClone(source);
  const table = new SlotTable();
  const service = object.metadata.labels?.[SERVICE_LABEL];
  const own = service === undefined ? undefined : serviceValues(values, service);
  if (own && WORKLOADS.has(object.kind)) parametrizeWorkload(object, own, service!, table, chart, values);
  else if (own && object.kind === 'Service') parametrizeService(object, own, table);
  else if (own && object.kind === 'Ingress' && !own.ingress) parametrizeIngress(object, own, table);
  else if (object.kind === 'PersistentVolumeClaim') parametrizeClaim(object, object.metadata.name, values, table);
  return { object, table, ...(own && table.slots.length > 0 ? { service } : {}) };
}

function serviceValues(values: ChartValues, service: string): ServiceValues {
  values.services[service] ??= { resources: {}, env: [], kubernetesServices: {} };
  return values.services[service];
}

interface Container {
  name: string;
  image?: string;
  resources?: Record<string, unknown>;
  env?: unknown[];
  [field: string]: unknown;
}

function parametrizeWorkload(
  object: KubernetesObject,
  own: ServiceValues,
  service: string,
  table: SlotTable,
  chart: string,
  values: ChartValues,
): void {
  const spec = object.spec as Record<string, unknown>;
  // A CronJob's pod template sits inside its job template.
  const holder = object.kind === 'CronJob' ? (spec.jobTemplate as { spec: Record<string, unknown> }).spec : spec;
  const podSpec = (holder.template as { spec: { containers: Container[] } }).spec;
  const container = podSpec.containers.find((c) => c.name === service) ?? podSpec.containers[0];
  if (SCALABLE.has(object.kind)) {
    // Left out when Compose set no count or an autoscaler owns it; adding the key to values sets it.
    if (typeof spec.replicas === 'number') own.replicas = spec.replicas;
    spec.replicas = table.add({ kind: 'keyedScalar', map: '$svc', key: 'replicas' });
  }
  if (container) {
    if (container.image !== undefined) {
      own.image = splitImage(container.image);
      container.image = table.add({ kind: 'scalar', expr: `include "${chart}.image" $svc.image | quote` });
    }
    own.resources = sorted(container.resources ?? {});
    container.resources = table.add({ kind: 'optionalBlock', expr: '$svc.resources' }) as never;
    own.env = sorted(container.env ?? []);
    container.env = table.add({ kind: 'optionalBlock', expr: '$svc.env' }) as never;
  }
  const claims = spec.volumeClaimTemplates as KubernetesObject[] | undefined;
  for (const claim of claims ?? []) parametrizeClaim(claim, claim.metadata.name, values, table);
}

function parametrizeService(object: KubernetesObject, own: ServiceValues, table: SlotTable): void {
  const spec = object.spec as { type?: string; ports?: unknown[] };
  const name = object.metadata.name;
  own.kubernetesServices[name] = { type: spec.type ?? '', ports: sorted(spec.ports ?? []) };
  const path = `(index $svc.kubernetesServices ${quoted(name)})`;
  spec.type = table.add({ kind: 'optionalScalar', expr: `${path}.type` });
  spec.ports = table.add({ kind: 'optionalBlock', expr: `${path}.ports` }) as never;
}

function parametrizeIngress(object: KubernetesObject, own: ServiceValues, table: SlotTable): void {
  const spec = object.spec as { ingressClassName?: string; rules?: unknown[]; tls?: unknown[] };
  own.ingress = { enabled: true, className: spec.ingressClassName ?? '', rules: sorted(spec.rules ?? []), tls: sorted(spec.tls ?? []) };
  spec.ingressClassName = table.add({ kind: 'optionalScalar', expr: '$svc.ingress.className' });
  spec.rules = table.add({ kind: 'optionalBlock', expr: '$svc.ingress.rules' }) as never;
  spec.tls = table.add({ kind: 'optionalBlock', expr: '$svc.ingress.tls' }) as never;
}

function parametrizeClaim(claim: KubernetesObject, name: string, values: ChartValues, table: SlotTable): void {
  const spec = claim.spec as { storageClassName?: string; resources?: { requests?: { storage?: string } } };
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined || values.persistence[name]) return;
  values.persistence[name] = { size: storage, storageClass: spec.storageClassName ?? '' };
  const path = `(index $.Values.persistence ${quoted(name)})`;
  spec.resources!.requests!.storage = table.add({ kind: 'scalar', expr: `${path}.size | quote` });
  spec.storageClassName = table.add({ kind: 'optionalScalar', expr: `${path}.storageClass` });
}

/** Nested data in code-point key order, as the manifests print it. */
function sorted<T>(value: T): T {
  return sortKeysDeep(value) as T;
}

/** A Go template string literal. */
export function quoted(text: string): string {
  return JSON.stringify(text);
}
