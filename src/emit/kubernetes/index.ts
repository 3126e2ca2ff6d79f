/**
 * The Kubernetes emitter: every Compose service becomes a workload, its Services, storage, and the objects they
 * need, in install order. Reads only the IR; returns plain objects and diagnostics for everything approximated or
 * left out.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { sortedNames, type Project, type Service } from '../../ir/types.js';
import { container, envFileData, podSettings } from './container.js';
import { standardLabels, KubeContext } from './context.js';
import { dependencyInitContainers } from './dependencies.js';
import { serviceSettings, volumeSettings } from './extension.js';
import { autoscalerFor, ingressFor, networkPolicies } from './extras.js';
import { secretAndConfigObjects } from './files.js';
import { dnsLabel, isDnsSubdomain } from './names.js';
import { isQuantity } from './quantities.js';
import { installOrder } from './order.js';
import { servicesFor } from './services.js';
import { serviceStorage } from './storage.js';
import type { KubernetesObject, KubernetesOptions, SecretSource } from './types.js';
import { reportUnmapped } from './unmapped.js';
import { noServicesWarning } from '../no-services.js';
import { workload, workloadKind } from './workload.js';

export type { KubernetesObject, KubernetesOptions, SecretSource } from './types.js';

/** What the Kubernetes emitter returns. */
export interface KubernetesResult {
  objects: KubernetesObject[];
  /** Secrets the objects reference without containing them, with where each value comes from. */
  secretSources: SecretSource[];
  diagnostics: Diagnostic[];
}

/** Converts a project to Kubernetes objects. Pure. */
export function emitKubernetes(project: Project, options: KubernetesOptions = {}): KubernetesResult {
  const c = new KubeContext(project, options);
  const empty = noServicesWarning(project);
  if (empty) c.diagnostics.push(empty);
  const objects: KubernetesObject[] = [];
  if (options.createNamespace && options.namespace) {
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: options.namespace, labels: standardLabels(project.name, undefined) } });
  }
  objects.push(...secretAndConfigObjects(c));
  const claims = new Map<string, { users: string[]; readWriteOnce: boolean }>();
  for (const name of sortedNames(project.services)) objects.push(...serviceObjects(c, project.services[name]!, claims));
  objects.push(...claimObjects(c, claims));
  objects.push(...networkPolicies(c));
  return { objects: dedupe(c, installOrder(objects)), secretSources: c.secretSources, diagnostics: c.diagnostics };
}

function serviceObjects(c: KubeContext, s: Service, claims: Map<string, { users: string[]; readWriteOnce: boolean }>): KubernetesObject[] {
  const settings = serviceSettings(c, s);
  const kind = workloadKind(c, s, settings);
  const storage = serviceStorage(c, s);
  const objects: KubernetesObject[] = [...storage.objects];
  const envData = s.env_file.length > 0 ? envFileData(s) : undefined;
  const envConfigMap = envData !== undefined ? dnsLabel(`${s.name}-env`) : undefined;
  if (envData !== undefined) objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: c.metadata(envConfigMap!, s.name), data: envData });
  const claimTemplates: Record<string, unknown>[] = [];
  const mounts = storage.mounts.filter((m) => {
    const claim = (m.volume.persistentVolumeClaim as { claimName?: string } | undefined)?.claimName;
    const named = storage.claims.find((cl) => cl.claimName === claim);
    if (kind === 'StatefulSet' && named && !c.project.volumes[named.key]?.external) {
      claimTemplates.push(claimSpec(c, named.key, named.claimName, s.name));
      return false;
    }
    return true;
  });
  if (kind !== 'StatefulSet') {
    for (const cl of storage.claims) {
      if (c.project.volumes[cl.key]?.external) continue;
      const entry = claims.get(cl.key) ?? { users: [], readWriteOnce: cl.readWriteOnce };
      if (!entry.users.includes(s.name)) entry.users.push(s.name);
      claims.set(cl.key, entry);
    }
  }
  const pod: Record<string, unknown> = { ...podSettings(c, s) };
  const initContainers = dependencyInitContainers(c, s);
  if (initContainers.length > 0) pod.initContainers = initContainers;
  // Claim-template mounts stay on the container: the StatefulSet provides their volumes.
  pod.containers = [container(c, s, storage.mounts, envConfigMap)];
  const volumes = mounts.map((m) => m.volume);
  if (volumes.length > 0) pod.volumes = dedupeVolumes(volumes);
  if (settings.nodeSelector) pod.nodeSelector = { ...((pod.nodeSelector as object) ?? {}), ...settings.nodeSelector };
  if (settings.tolerations) pod.tolerations = settings.tolerations;
  if (settings.serviceAccount) pod.serviceAccountName = settings.serviceAccount;
  const recreate = kind === 'Deployment' && storage.claims.some((cl) => cl.readWriteOnce);
  const annotations = podAnnotations(s);
  objects.push(workload(c, s, kind, settings, pod, annotations, claimTemplates, recreate));
  objects.push(...servicesFor(c, s, settings, kind === 'StatefulSet'));
  const ingress = ingressFor(c, s, settings);
  if (ingress) objects.push(ingress);
  const hasCpuRequest = s.deploy?.resources?.reservations?.cpus !== undefined || s.deploy?.resources?.limits?.cpus !== undefined || s.cpus !== undefined;
  const hpa = autoscalerFor(c, s, settings, kind, hasCpuRequest);
  if (hpa) objects.push(hpa);
  reportUnmapped(c, s);
  return objects;
}

/** Compose labels become annotations: their values are often not valid Kubernetes label values. */
function podAnnotations(s: Service): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of sortedNames(s.labels)) out[key] = s.labels[key]!;
  for (const key of sortedNames(s.annotations)) out[key] = s.annotations[key]!;
  for (const key of sortedNames(s.deploy?.labels ?? {})) out[key] = s.deploy!.labels![key]!;
  return out;
}

function claimSpec(c: KubeContext, key: string, name: string, component: string | undefined): Record<string, unknown> {
  const volume = c.project.volumes[key];
  const settings = volumeSettings(volume);
  // Kompose's labels are free text (x-kubernetes is schema-checked): an unusable value falls back, with a warning.
  let size = settings.size;
  if (!isQuantity(size)) {
    c.report('warning', 'K8S_VOLUME_SETTING_INVALID', `volumes.${key}: size "${size}" is not a Kubernetes quantity (such as 10Gi); the claim asks for 1Gi`, volume ?? {}, 'labels');
    size = '1Gi';
  }
  const spec: Record<string, unknown> = { accessModes: settings.accessModes, resources: { requests: { storage: size } } };
  if (settings.storageClass !== undefined && isDnsSubdomain(settings.storageClass)) spec.storageClassName = settings.storageClass;
  else if (settings.storageClass !== undefined) {
    c.report('warning', 'K8S_VOLUME_SETTING_INVALID', `volumes.${key}: storage class "${settings.storageClass}" is not a valid name; the cluster's default class is used`, volume ?? {}, 'labels');
  }
  return { metadata: { name, labels: standardLabels(c.project.name, component) }, spec };
}

function claimObjects(c: KubeContext, claims: Map<string, { users: string[]; readWriteOnce: boolean }>): KubernetesObject[] {
  const out: KubernetesObject[] = [];
  for (const key of [...claims.keys()].sort()) {
    const entry = claims.get(key)!;
    const volume = c.project.volumes[key];
    if (entry.users.length > 1 && entry.readWriteOnce && volume) {
      c.report('warning', 'K8S_SHARED_VOLUME', `volume ${key} is used by ${entry.users.join(', ')}, but a ReadWriteOnce claim mounts on one node only`, volume, 'name', 'set x-kubernetes.accessModes: [ReadWriteMany] on the volume, with a storage class that supports it');
    }
    const spec = claimSpec(c, key, dnsLabel(key), undefined);
    out.push({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: c.metadata(dnsLabel(key), undefined), spec: spec.spec });
  }
  return out;
}

function dedupeVolumes(volumes: Record<string, unknown>[]): Record<string, unknown>[] {
  const seen = new Set<string>();
  return volumes.filter((v) => {
    const name = String(v.name);
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

/** Two objects of one kind with one name would overwrite each other: keep the first and report the rest. */
function dedupe(c: KubeContext, objects: KubernetesObject[]): KubernetesObject[] {
  const seen = new Set<string>();
  return objects.filter((o) => {
    const id = `${o.kind}/${o.metadata.name}`;
    if (!seen.has(id)) {
      seen.add(id);
      return true;
    }
    c.diagnostics.push({ severity: 'warning', code: 'K8S_NAME_COLLISION', message: `two objects would both be ${o.kind} ${o.metadata.name}; only the first is kept`, hint: 'rename one of the services, aliases or volumes' });
    return false;
  });
}
