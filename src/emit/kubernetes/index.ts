/**
 * The Kubernetes emitter: every Compose service becomes a workload, its Services, storage, and the objects they
 * need, in install order. Reads only the IR; returns plain objects and diagnostics for everything approximated or
 * left out.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Project, Service } from '../../ir/types.js';
import { sortedNames } from '../../util/strings.js';
import { container, envFileData, podSettings } from './container.js';
import { reportNameCollisions } from './collisions.js';
import { KubeContext } from './context.js';
import { dependencyInitContainers } from './dependencies.js';
import { reportDeploySettings } from './deploy-settings.js';
import { serviceSettings, volumeSettings } from './extension.js';
import { autoscalerFor } from './autoscaler.js';
import { ingressFor, networkPolicies } from './extras.js';
import { isKomposeLabel } from './kompose/catalogue.js';
import { applyKomposeContainer, applyKomposePod } from './kompose/pod.js';
import { applyNameOverrides } from './kompose/rename.js';
import { komposeService, komposeVolume, reportOtherLabels, type StorageLabels } from './kompose/service.js';
import { placement } from './placement.js';
import { secretAndConfigObjects } from './files.js';
import { dnsLabel, isDnsSubdomain, isQualifiedName } from './names.js';
import { reportNetworkAndVolumeOptions } from './network-volume-options.js';
import { isQuantity } from './quantities.js';
import { installOrder } from './order.js';
import { servicesFor } from './services.js';
import { keepsSharedClaim, reportReplicatedClaims } from './shared-volumes.js';
import { serviceStorage, type ServiceStorage } from './storage.js';
import type { V1PersistentVolumeClaim, V1PersistentVolumeClaimSpec, V1PodSpec, V1Volume } from '@kubernetes/client-node';
import type { KubernetesObject, KubernetesOptions, PersistentVolumeClaim, SecretSource } from './types.js';
import { reportUnmapped } from './unmapped.js';
import { noServicesWarning } from '../no-services.js';
import { workload, workloadKind, type WorkloadKind } from './workload.js';
import { setOwn } from '../../util/objects.js';

export type * from './types.js';

/** What the Kubernetes emitter returns. */
export interface KubernetesResult {
  objects: KubernetesObject[];
  /** Secrets the objects reference without containing them, with where each value comes from. */
  secretSources: SecretSource[];
  diagnostics: Diagnostic[];
}

/** A named volume's claim, collected over the services that mount it. */
interface ClaimUse {
  users: string[];
  readWriteOnce: boolean;
  /** The first user's Kompose storage labels (size, class, selector), for what the volume itself leaves open. */
  fromService?: StorageLabels;
}

/** Converts a project to Kubernetes objects. Pure. */
export function emitKubernetes(input: Project, options: KubernetesOptions = {}): KubernetesResult {
  const project = applyNameOverrides(input);
  const c = new KubeContext(project, options);
  const empty = noServicesWarning(project);
  if (empty) c.diagnostics.push(empty);
  const objects: KubernetesObject[] = [];
  if (options.createNamespace && options.namespace) {
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { labels: c.standardLabels(undefined), name: options.namespace } });
  }
  const collided = reportNameCollisions(c);
  pushAll(objects, secretAndConfigObjects(c));
  const claims = new Map<string, ClaimUse>();
  for (const name of c.serviceNames) serviceObjects(c, project.services[name]!, claims, objects);
  pushAll(objects, claimObjects(c, claims));
  pushAll(objects, networkPolicies(c));
  reportNetworkAndVolumeOptions(c);
  // Kompose labels on volumes no service mounts are still read, so none is passed over in silence.
  for (const key of sortedNames(project.volumes)) komposeVolume(c, key, project.volumes[key]);
  reportOtherLabels(c);
  return { objects: dedupe(c, installOrder(objects), collided), secretSources: c.secretSources, diagnostics: c.diagnostics };
}

/** `target.push(...items)` without spreading a list of arbitrary length into arguments. */
function pushAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
}

/** Appends one service's objects: env ConfigMap, workload, Services, Ingress, autoscaler. */
function serviceObjects(c: KubeContext, s: Service, claims: Map<string, ClaimUse>, objects: KubernetesObject[]): void {
  const settings = serviceSettings(c, s);
  const kind = workloadKind(c, s, settings);
  if (settings.kompose.backoffLimit !== undefined && kind !== 'Job' && kind !== 'CronJob') {
    c.report('warning', 'KOMPOSE_LABEL_IGNORED', `services.${s.name}.labels: kompose.cronjob.backoff_limit applies to Jobs and CronJobs, not a ${kind}; it is left out`, s, 'labels');
  }
  const storage = serviceStorage(c, s);
  pushAll(objects, storage.objects);
  if (storage.claims.length === 0 && komposeStorage(c, s) !== undefined) {
    c.report('warning', 'KOMPOSE_LABEL_IGNORED', `services.${s.name}.labels: the kompose.volume.* size, storage class and selector apply to PersistentVolumeClaims, and this service mounts no named volume (anonymous volumes become emptyDir, bind mounts hostPath); they are left out`, s, 'labels', 'mount a named volume to keep the data in a claim');
  }
  const envData = s.env_file.length > 0 ? envFileData(s) : undefined;
  const envConfigMap = envData !== undefined ? dnsLabel(`${s.name}-env`) : undefined;
  if (envData !== undefined) {
    reportSecretLookingKeys(c, s, envData);
    objects.push({ apiVersion: 'v1', data: envData, kind: 'ConfigMap', metadata: c.metadata(envConfigMap!, s.name) });
  }
  const claimTemplates: V1PersistentVolumeClaim[] = [];
  const templated = new Set<string>();
  const volumes = podVolumes(c, s, kind, storage, claimTemplates, templated);
  collectClaims(c, s, storage, claims, templated);
  reportReplicatedClaims(c, s, storage, templated);
  const settingsOfPod = podSettings(c, s);
  const initContainers = dependencyInitContainers(c, s);
  const main = container(c, s, storage.mounts, envConfigMap);
  applyKomposeContainer(c, s, settings.kompose, main);
  // Claim-template mounts stay on the container: the StatefulSet provides their volumes.
  const pod: V1PodSpec = { containers: [main], ...settingsOfPod };
  if (initContainers.length > 0) pod.initContainers = initContainers;
  if (volumes.length > 0) pod.volumes = volumes;
  if (settings.nodeSelector) pod.nodeSelector = { ...pod.nodeSelector, ...settings.nodeSelector };
  const scheduling = placement(c, s, kind === 'DaemonSet');
  if (scheduling.affinity) pod.affinity = scheduling.affinity;
  if (scheduling.topologySpreadConstraints) pod.topologySpreadConstraints = scheduling.topologySpreadConstraints;
  const tolerations = [...(scheduling.tolerations ?? []), ...(settings.tolerations ?? [])];
  if (tolerations.length > 0) pod.tolerations = tolerations;
  if (settings.serviceAccount) pod.serviceAccountName = settings.serviceAccount;
  if (settings.imagePullSecrets) pod.imagePullSecrets = settings.imagePullSecrets.map((name) => ({ name }));
  applyKomposePod(settings.kompose, pod);
  const recreate = kind === 'Deployment' && storage.claims.some((cl) => cl.readWriteOnce);
  objects.push(workload(c, s, kind, settings, pod, podAnnotations(c, s), claimTemplates, recreate));
  reportDeploySettings(c, s, kind, recreate, main.readinessProbe !== undefined || main.livenessProbe !== undefined);
  pushAll(objects, servicesFor(c, s, settings));
  const ingress = ingressFor(c, s, settings);
  if (ingress) objects.push(ingress);
  const resources = main.resources;
  const requested = (r: 'cpu' | 'memory') => resources?.requests?.[r] !== undefined || resources?.limits?.[r] !== undefined;
  const hpa = autoscalerFor(c, s, settings, kind, { cpu: requested('cpu'), memory: requested('memory') });
  if (hpa) objects.push(hpa);
  reportUnmapped(c, s);
}

/**
 * The pod's volumes, each name once. A StatefulSet's own named volumes (mounted by no other service) become claim
 * templates (appended to `claimTemplates`, their keys added to `templated`) instead.
 */
function podVolumes(c: KubeContext, s: Service, kind: WorkloadKind, storage: ServiceStorage, claimTemplates: V1PersistentVolumeClaim[], templated: Set<string>): V1Volume[] {
  const volumes: V1Volume[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < storage.mounts.length; i++) {
    const m = storage.mounts[i]!;
    if (kind === 'StatefulSet') {
      const claim = m.volume.persistentVolumeClaim?.claimName;
      const named = storage.claims.find((cl) => cl.claimName === claim);
      if (named && !c.project.volumes[named.key]?.external && (templated.has(named.key) || !keepsSharedClaim(c, s, named.key))) {
        // Two mounts of one volume share its template.
        if (!templated.has(named.key)) claimTemplates.push(claimTemplate(c, named.key, named.claimName, s.name, komposeStorage(c, s)));
        templated.add(named.key);
        continue;
      }
    }
    // Two mounts of one volume (at two paths) share the pod volume.
    const name = m.volume.name;
    if (seen.has(name)) continue;
    seen.add(name);
    volumes.push(m.volume);
  }
  return volumes;
}

/**
 * Records which services use each non-external named volume, for the shared PersistentVolumeClaims; a StatefulSet's
 * claim templates (`templated`) are its own.
 */
function collectClaims(c: KubeContext, s: Service, storage: ServiceStorage, claims: Map<string, ClaimUse>, templated: ReadonlySet<string>): void {
  for (let i = 0; i < storage.claims.length; i++) {
    const cl = storage.claims[i]!;
    if (c.project.volumes[cl.key]?.external || templated.has(cl.key)) continue;
    let entry = claims.get(cl.key);
    if (entry === undefined) {
      entry = { users: [], readWriteOnce: cl.readWriteOnce };
      claims.set(cl.key, entry);
    }
    const labelled = komposeStorage(c, s);
    if (labelled !== undefined && entry.fromService === undefined) entry.fromService = labelled;
    else if (labelled !== undefined && !sameClaimLabels(labelled, entry.fromService!)) {
      c.report('warning', 'KOMPOSE_LABEL_IGNORED', `services.${s.name}.labels: the kompose.volume.* labels differ from those of ${entry.users[0]}, which also mounts ${cl.key}; one claim is made, sized by ${entry.users[0]}'s`, s, 'labels', `put the labels on volumes.${cl.key} instead`);
    }
    // A service's claims are collected together, so a repeat (two mounts of one volume) can only be the last user;
    // searching the whole list would be quadratic when every service shares one volume.
    if (entry.users[entry.users.length - 1] !== s.name) entry.users.push(s.name);
  }
}

/**
 * Compose labels become annotations: their values are often not valid Kubernetes label values. Kompose's labels
 * are instructions to the converter, read (or reported) by kompose/, not metadata: they are left out.
 */
/** Variable names that usually hold credentials. */
const SECRET_NAME = /PASSW(OR)?D|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL/i;

/**
 * An env file's variables go into a ConfigMap, which anyone allowed to read ConfigMaps can read: a variable named
 * like a credential is reported (by name only, never its value).
 */
function reportSecretLookingKeys(c: KubeContext, s: Service, data: Record<string, string>): void {
  const names = Object.keys(data).filter((key) => SECRET_NAME.test(key));
  if (names.length === 0) return;
  c.report('warning', 'K8S_ENV_FILE_SECRET', `services.${s.name}.env_file: ${names.join(', ')} look${names.length === 1 ? 's' : ''} like ${names.length === 1 ? 'a credential' : 'credentials'}, and env files become a ConfigMap, which is not secret`, s, 'env_file', 'move them to Compose secrets (files under /run/secrets), or turn the ConfigMap into a Secret with a Kustomize patch');
}

/**
 * The pod's annotations: the service's labels and annotations (and deploy.labels), less Kompose's, which are read
 * as settings. A key Kubernetes would refuse (not a qualified name) is reported and left out.
 */
function podAnnotations(c: KubeContext, s: Service): Record<string, string> {
  const out: Record<string, string> = {};
  copySorted(c, s, s.labels, out, 'labels');
  copySorted(c, s, s.annotations, out, 'annotations');
  if (s.deploy?.labels !== undefined) copySorted(c, s, s.deploy.labels, out, 'deploy');
  return out;
}

function copySorted(c: KubeContext, s: Service, from: Record<string, string>, to: Record<string, string>, field: 'labels' | 'annotations' | 'deploy'): void {
  const keys = sortedNames(from);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (isKomposeLabel(key)) continue;
    if (!isQualifiedName(key)) {
      c.report('warning', 'K8S_ANNOTATION_KEY', `services.${s.name}.${field === 'deploy' ? 'deploy.labels' : field}: "${key}" is not a key Kubernetes accepts for an annotation, so it is left out`, s, field, 'use letters, digits, -, _ and . (starting and ending alphanumeric), optionally after a DNS prefix and /');
      continue;
    }
    setOwn(to, key, from[key]!);
  }
}

function sameClaimLabels(a: StorageLabels, b: StorageLabels): boolean {
  return a.size === b.size && a.storageClass === b.storageClass && a.selector === b.selector;
}

/** A service's Kompose storage labels that shape claims (size, class, selector), or undefined for none. */
function komposeStorage(c: KubeContext, s: Service): StorageLabels | undefined {
  const storage = komposeService(c, s).storage;
  return storage.size !== undefined || storage.storageClass !== undefined || storage.selector !== undefined ? storage : undefined;
}

function claimTemplate(c: KubeContext, key: string, name: string, component: string | undefined, fromService?: StorageLabels): V1PersistentVolumeClaim & { spec: V1PersistentVolumeClaimSpec } {
  const volume = c.project.volumes[key];
  const settings = volumeSettings(c, key, volume);
  // The volume's own settings win, then the service's labels, then --pvc-request-size, then 1Gi.
  let size = settings.size ?? fromService?.size ?? c.options.claimSize ?? '1Gi';
  if (!isQuantity(size)) {
    c.report('warning', 'K8S_VOLUME_SETTING_INVALID', `volumes.${key}: size "${size}" is not a Kubernetes quantity (such as 10Gi); the claim asks for 1Gi`, volume ?? {}, 'labels');
    size = '1Gi';
  }
  const spec: V1PersistentVolumeClaimSpec = { accessModes: settings.accessModes, resources: { requests: { storage: size } } };
  const storageClass = settings.storageClass ?? fromService?.storageClass;
  const selector = settings.selector ?? fromService?.selector;
  // Kompose's selector: the claim binds to a PersistentVolume labelled io.kompose.service=<value>.
  if (selector !== undefined) spec.selector = { matchLabels: { 'io.kompose.service': selector } };
  if (storageClass !== undefined && isDnsSubdomain(storageClass)) spec.storageClassName = storageClass;
  else if (storageClass !== undefined) {
    c.report('warning', 'K8S_VOLUME_SETTING_INVALID', `volumes.${key}: storage class "${storageClass}" is not a valid name; the cluster's default class is used`, volume ?? {}, 'labels');
  }
  return { metadata: { labels: c.standardLabels(component), name }, spec };
}

function claimObjects(c: KubeContext, claims: Map<string, ClaimUse>): PersistentVolumeClaim[] {
  const out: PersistentVolumeClaim[] = [];
  for (const key of [...claims.keys()].sort()) {
    const entry = claims.get(key)!;
    const volume = c.project.volumes[key];
    if (entry.users.length > 1 && entry.readWriteOnce && volume) {
      c.report('warning', 'K8S_SHARED_VOLUME', `volume ${key} is used by ${entry.users.join(', ')}, but a ReadWriteOnce claim mounts on one node only`, volume, 'name', 'set x-kubernetes.accessModes: [ReadWriteMany] on the volume, with a storage class that supports it');
    }
    const { spec } = claimTemplate(c, key, dnsLabel(key), undefined, entry.fromService);
    out.push({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: c.metadata(dnsLabel(key), undefined), spec });
  }
  return out;
}

/**
 * Two objects of one kind with one name would overwrite each other: keep the first and report the rest. The
 * objects are in install order (by kind, then name), so such objects sit in one run of equal names, and only the
 * objects kept from that run need comparing. A safety net behind {@link reportNameCollisions}, which reports
 * colliding Compose keys at the user's key: names it reported (`collided`) are not reported again here. Dropping a
 * workload loses a service, so that is an error.
 */
function dedupe(c: KubeContext, objects: KubernetesObject[], collided: ReadonlySet<string>): KubernetesObject[] {
  const out: KubernetesObject[] = [];
  let runStart = 0;
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i]!;
    if (out.length > 0 && out[out.length - 1]!.metadata.name !== o.metadata.name) runStart = out.length;
    if (hasKind(out, runStart, o.kind)) {
      if (!collided.has(o.metadata.name)) {
        const severity = WORKLOAD_KINDS.has(o.kind) ? 'error' : 'warning';
        c.diagnostics.push({ severity, code: 'K8S_NAME_COLLISION', message: `two objects would both be ${o.kind} ${o.metadata.name}; only the first is kept`, hint: 'rename one of the services, aliases or volumes' });
      }
      continue;
    }
    out.push(o);
  }
  return out;
}

const WORKLOAD_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

function hasKind(objects: readonly KubernetesObject[], from: number, kind: KubernetesObject['kind']): boolean {
  for (let i = from; i < objects.length; i++) if (objects[i]!.kind === kind) return true;
  return false;
}
