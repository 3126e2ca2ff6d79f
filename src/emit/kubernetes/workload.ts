/**
 * The workload of a service: a Deployment by default; a DaemonSet for `deploy.mode: global`; a Job for job modes,
 * for services another waits to complete and for port-less services Compose does not restart (`restart.ts`); a
 * StatefulSet when asked. Update settings map to rolling-update
 * parameters; a service with a ReadWriteOnce claim is recreated, not rolled, so an update does not deadlock.
 */
import type { Service } from '../../ir/types.js';
import { sortedNames } from '../../util/strings.js';
import { hasOwnKeys, setOwn } from '../../util/objects.js';
import type { KubeContext } from './context.js';
import type { ServiceSettings } from './extension.js';
import { dnsLabel } from './names.js';
import { int32 } from './quantities.js';
import { neverRestarted, restartOf, runsToCompletion } from './restart.js';
import type { V1CronJobSpec, V1DeploymentSpec, V1DeploymentStrategy, V1JobSpec, V1PersistentVolumeClaim, V1PodSpec, V1PodTemplateSpec, V1StatefulSetSpec } from '@kubernetes/client-node';
import type { Workload } from './types.js';

/** The workload kinds stackport emits. */
export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';

/** Chooses the workload kind, reporting why when it is not a Deployment. */
export function workloadKind(c: KubeContext, s: Service, settings: ServiceSettings): WorkloadKind {
  const chosen = c.options.controller ?? settings.controller;
  if (settings.kompose.cron) {
    if (chosen === undefined || chosen === 'job') return 'CronJob';
    c.report('warning', 'KOMPOSE_LABEL_IGNORED', `services.${s.name}.labels: kompose.cronjob.schedule is left out because the service is made a ${chosen}`, s, 'labels', 'drop the controller choice to get a CronJob');
  }
  if (chosen) return ({ deployment: 'Deployment', statefulset: 'StatefulSet', daemonset: 'DaemonSet', job: 'Job' } as const)[chosen];
  const mode = s.deploy?.mode;
  if (mode === 'global') return 'DaemonSet';
  if (mode === 'replicated-job' || mode === 'global-job') return 'Job';
  return runsToCompletion(c, s) ? 'Job' : 'Deployment';
}

/** Builds the workload object around a pod spec. */
export function workload(
  c: KubeContext,
  s: Service,
  kind: WorkloadKind,
  settings: ServiceSettings,
  pod: V1PodSpec,
  podAnnotations: Record<string, string>,
  claimTemplates: V1PersistentVolumeClaim[],
  recreate: boolean,
): Workload {
  const labels = podLabels(c, s, settings);
  const template: V1PodTemplateSpec = {
    metadata: hasOwnKeys(podAnnotations) ? { annotations: podAnnotations, labels } : { labels },
    spec: pod,
  };
  const declared = c.options.replicas ?? s.deploy?.replicas ?? s.scale;
  const replicas = declared === undefined ? undefined : int32(declared);
  const name = dnsLabel(s.name);
  const metadata = c.metadata(name, s.name, { labels: settings.labels, annotations: settings.annotations });
  switch (kind) {
    case 'Deployment': {
      const strategy = updateStrategy(c, s, recreate);
      const spec: V1DeploymentSpec = { selector: { matchLabels: c.selectorLabels(s.name) }, template };
      if (replicas !== undefined && !settings.autoscaling) spec.replicas = replicas;
      if (strategy) spec.strategy = strategy;
      return { apiVersion: 'apps/v1', kind, metadata, spec };
    }
    case 'StatefulSet': {
      const spec: V1StatefulSetSpec = { selector: { matchLabels: c.selectorLabels(s.name) }, serviceName: dnsLabel(s.name, 63, true), template };
      if (replicas !== undefined) spec.replicas = replicas;
      if (claimTemplates.length > 0) spec.volumeClaimTemplates = claimTemplates;
      return { apiVersion: 'apps/v1', kind, metadata, spec };
    }
    case 'DaemonSet':
      if (replicas !== undefined && c.options.replicas === undefined) c.report('info', 'K8S_DAEMONSET_REPLICAS', `services.${s.name}: a global service runs one pod per node; replicas is ignored`, s, 'deploy');
      return { apiVersion: 'apps/v1', kind, metadata, spec: { selector: { matchLabels: c.selectorLabels(s.name) }, template } };
    case 'Job':
      return { apiVersion: 'batch/v1', kind, metadata, spec: jobSpec(s, settings, template, pod, replicas) };
    case 'CronJob': {
      // Kompose's kompose.cronjob.* labels: the Job runs on the schedule; a service Compose restarts is retried.
      const cron = settings.kompose.cron!;
      const spec: V1CronJobSpec = { jobTemplate: { spec: jobSpec(s, settings, template, pod, replicas) }, schedule: cron.schedule };
      if (cron.concurrencyPolicy !== undefined) spec.concurrencyPolicy = cron.concurrencyPolicy;
      return { apiVersion: 'batch/v1', kind, metadata, spec };
    }
  }
}

/** A Job's spec: retries from `on-failure:N`, `max_attempts` or `kompose.cronjob.backoff_limit`; replicas as completions. */
function jobSpec(s: Service, settings: ServiceSettings, template: V1PodTemplateSpec, pod: V1PodSpec, replicas: number | undefined): V1JobSpec {
  const spec: V1JobSpec = { template: { ...template, spec: { ...pod, restartPolicy: jobRestart(s) } } };
  const restartPolicy = spec.template.spec!.restartPolicy;
  const attempts = settings.kompose.backoffLimit ?? /^on-failure:(\d+)$/.exec(s.restart ?? '')?.[1] ?? s.deploy?.restart_policy?.max_attempts;
  // Never restarted means one attempt: Kubernetes' default would start up to six new pods after a failure.
  if (attempts !== undefined) spec.backoffLimit = int32(Number(attempts));
  else if (restartPolicy === 'Never') spec.backoffLimit = 0;
  if (replicas !== undefined && replicas > 1) spec.completions = replicas;
  if (replicas !== undefined && replicas > 1) spec.parallelism = replicas;
  return spec;
}

/**
 * The pod template's labels: the standard ones (which hold the selector's), the x-kubernetes labels, and the
 * network memberships.
 */
function podLabels(c: KubeContext, s: Service, settings: ServiceSettings): Record<string, string> {
  let labels = c.standardLabels(s.name);
  // Spread, not assignment: label keys are user input, and `__proto__` must stay a key.
  if (hasOwnKeys(settings.labels)) labels = { ...labels, ...settings.labels };
  const networks = sortedNames(networkOwner(c, s).networks);
  for (let i = 0; i < networks.length; i++) setOwn(labels, networkLabel(networks[i]!), 'true');
  return labels;
}

/**
 * The service whose networks `s` is on: itself, or for `network_mode: service:X` the service X (followed through a
 * chain of such services). Under Compose the two share one network namespace, so whoever may reach X may reach `s`
 * and `s` reaches X's peers; its pod therefore carries X's network labels, which the NetworkPolicies select.
 */
export function networkOwner(c: KubeContext, s: Service): Service {
  let current = s;
  const seen = new Set<Service>([s]);
  for (;;) {
    const mode = current.network_mode;
    if (mode === undefined || !mode.startsWith('service:')) return current;
    const next = c.project.services[mode.slice('service:'.length)];
    if (next === undefined || seen.has(next)) return current;
    seen.add(next);
    current = next;
  }
}

/**
 * A Job pod's restart policy: Never for a service Compose does not restart, which is also Compose's default
 * (`restart` unset), except for Swarm's job modes, whose default condition is on-failure.
 */
function jobRestart(s: Service): string {
  const restart = restartOf(s);
  if (restart === undefined) return s.deploy?.mode?.endsWith('-job') ? 'OnFailure' : 'Never';
  return neverRestarted(restart) ? 'Never' : 'OnFailure';
}

function updateStrategy(c: KubeContext, s: Service, recreate: boolean): V1DeploymentStrategy | undefined {
  if (recreate) {
    c.report('info', 'K8S_RECREATE', `services.${s.name} mounts a ReadWriteOnce volume, so updates recreate its pod instead of rolling (a new pod could not mount the volume)`, s, 'volumes');
    return { type: 'Recreate' };
  }
  const u = s.deploy?.update_config;
  if (u === undefined) return undefined;
  const step = int32(Math.max(1, u.parallelism ?? 1));
  const rolling = u.order === 'start-first' ? { maxSurge: step, maxUnavailable: 0 } : { maxSurge: 0, maxUnavailable: step };
  return { type: 'RollingUpdate', rollingUpdate: rolling };
}

/** The pod label key of a Compose network. */
export function networkLabel(network: string): string {
  return `stackport.dev/network-${dnsLabel(network, 40)}`;
}
