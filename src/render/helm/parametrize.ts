/**
 * Which fields of which objects become chart values. Each function takes one object, records its current values
 * (so the chart's defaults reproduce the plain conversion) and returns a copy with those fields replaced by slots.
 * Objects of other kinds are copied into templates as they are.
 */
import type { V1EnvVar, V1IngressRule, V1IngressTLS, V1PersistentVolumeClaimSpec, V1ResourceRequirements, V1ServicePort } from '@kubernetes/client-node';
import type { Ingress, KubernetesObject, Service, Workload } from '../../emit/kubernetes/index.js';
import { sortKeysDeep } from '../yaml.js';
import { splitImage, type ImageValues } from './image.js';
import { SlotTable } from './slots.js';

/** The values of one Compose service. */
export interface ServiceValues {
  image?: ImageValues;
  replicas?: number;
  resources: V1ResourceRequirements;
  env: V1EnvVar[];
  kubernetesServices: Record<string, { type: string; ports: V1ServicePort[] }>;
  ingress?: { enabled: boolean; className: string; rules: V1IngressRule[]; tls: V1IngressTLS[] };
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
const WORKLOADS: ReadonlySet<string> = new Set<Workload['kind']>(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

/** Records `object`'s values into `values` and returns its templated copy. */
export function parametrize(source: KubernetesObject, values: ChartValues, chart: string): TemplatedObject {
  const object = structuredClone(source);
  const table = new SlotTable();
  const service = object.metadata.labels?.[SERVICE_LABEL];
  const own = service === undefined ? undefined : serviceValues(values, service);
  if (own && isWorkload(object)) parametrizeWorkload(object, own, service!, table, chart, values);
  else if (own && object.kind === 'Service') parametrizeService(object, own, table);
  else if (own && object.kind === 'Ingress' && !own.ingress) parametrizeIngress(object, own, table);
  else if (object.kind === 'PersistentVolumeClaim') parametrizeClaim(object.spec, object.metadata.name, values, table);
  return { object, table, ...(own && table.slots.length > 0 ? { service } : {}) };
}

function isWorkload(object: KubernetesObject): object is Workload {
  return WORKLOADS.has(object.kind);
}

function serviceValues(values: ChartValues, service: string): ServiceValues {
  values.services[service] ??= { resources: {}, env: [], kubernetesServices: {} };
  return values.services[service];
}

/**
 * Puts a slot where a value was. A slot is the placeholder string the printer swaps for template text, so it
 * stands in fields of any type: the templated copy is a template, no longer an object the API would take.
 */
function putSlot<T extends object>(holder: T, key: keyof T, slot: string): void {
  (holder as Record<keyof T, unknown>)[key] = slot;
}

function parametrizeWorkload(object: Workload, own: ServiceValues, service: string, table: SlotTable, chart: string, values: ChartValues): void {
  // A CronJob's pod template sits inside its job template.
  const podSpec = object.kind === 'CronJob' ? object.spec?.jobTemplate.spec?.template.spec : object.spec?.template.spec;
  const container = podSpec?.containers.find((c) => c.name === service) ?? podSpec?.containers[0];
  if ((object.kind === 'Deployment' || object.kind === 'StatefulSet') && object.spec !== undefined) {
    // Left out when Compose set no count or an autoscaler owns it; adding the key to values sets it.
    if (object.spec.replicas !== undefined) own.replicas = object.spec.replicas;
    putSlot(object.spec, 'replicas', table.add({ kind: 'keyedScalar', map: '$svc', key: 'replicas' }));
  }
  if (container) {
    if (container.image !== undefined) {
      own.image = splitImage(container.image);
      container.image = table.add({ kind: 'scalar', expr: `include "${chart}.image" $svc.image | quote` });
    }
    own.resources = sorted(container.resources ?? {});
    putSlot(container, 'resources', table.add({ kind: 'optionalBlock', expr: '$svc.resources' }));
    own.env = sorted(container.env ?? []);
    putSlot(container, 'env', table.add({ kind: 'optionalBlock', expr: '$svc.env' }));
  }
  if (object.kind !== 'StatefulSet') return;
  for (const claim of object.spec?.volumeClaimTemplates ?? []) parametrizeClaim(claim.spec, claim.metadata?.name ?? '', values, table);
}

function parametrizeService(object: Service, own: ServiceValues, table: SlotTable): void {
  const spec = object.spec ?? {};
  const name = object.metadata.name;
  own.kubernetesServices[name] = { type: spec.type ?? '', ports: sorted(spec.ports ?? []) };
  const path = `(index $svc.kubernetesServices ${quoted(name)})`;
  spec.type = table.add({ kind: 'optionalScalar', expr: `${path}.type` });
  putSlot(spec, 'ports', table.add({ kind: 'optionalBlock', expr: `${path}.ports` }));
}

function parametrizeIngress(object: Ingress, own: ServiceValues, table: SlotTable): void {
  const spec = object.spec ?? {};
  own.ingress = { enabled: true, className: spec.ingressClassName ?? '', rules: sorted(spec.rules ?? []), tls: sorted(spec.tls ?? []) };
  spec.ingressClassName = table.add({ kind: 'optionalScalar', expr: '$svc.ingress.className' });
  putSlot(spec, 'rules', table.add({ kind: 'optionalBlock', expr: '$svc.ingress.rules' }));
  putSlot(spec, 'tls', table.add({ kind: 'optionalBlock', expr: '$svc.ingress.tls' }));
}

function parametrizeClaim(spec: V1PersistentVolumeClaimSpec | undefined, name: string, values: ChartValues, table: SlotTable): void {
  const storage = spec?.resources?.requests?.storage;
  if (spec === undefined || storage === undefined || values.persistence[name]) return;
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
