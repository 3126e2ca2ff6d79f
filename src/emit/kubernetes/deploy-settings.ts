/**
 * Settings under `deploy` and `healthcheck` that shape how Docker runs, updates or restarts a service and that
 * Kubernetes has no field for. Each is reported (with what to do instead), never dropped in silence. The IR keeps
 * no positions inside `deploy` and `healthcheck`, so each is reported at that key of the service.
 */
import type { Service } from '../../ir/types.js';
import type { KubeContext } from './context.js';
import type { WorkloadKind } from './workload.js';

/** What Kubernetes does instead of each unmapped `update_config` field, and how to get close. */
const UPDATE_FIELDS = {
  delay: 'a rollout starts the next batch as soon as the last is ready; set minReadySeconds with a Kustomize patch to hold each new pod back',
  failure_action: 'a failed rollout just stops progressing (after progressDeadlineSeconds); it is neither paused nor rolled back: watch kubectl rollout status and run kubectl rollout undo',
  monitor: 'set minReadySeconds (and progressDeadlineSeconds) with a Kustomize patch to watch new pods before going on',
  max_failure_ratio: 'a rollout has no failure ratio; it stops at the first pod that does not become ready',
} as const;

/**
 * Reports the `deploy` and `healthcheck` settings the workload of kind `kind` does not carry. `probed` is true when
 * the container has a probe anyway (Kompose's healthcheck labels give a handler the timings apply to).
 */
export function reportDeploySettings(c: KubeContext, s: Service, kind: WorkloadKind, recreate: boolean, probed: boolean): void {
  const h = s.healthcheck;
  if (h !== undefined && !h.disable && h.test === undefined && !probed) {
    c.report(
      'warning',
      'K8S_HEALTHCHECK_NO_TEST',
      `services.${s.name}.healthcheck sets only timings, which under Compose apply to the image's own HEALTHCHECK; Kubernetes ignores image healthchecks, so no probe is made and the service is ready as soon as it starts`,
      s,
      'healthcheck',
      "add test: with the image's HEALTHCHECK command to get a readiness probe with these timings",
    );
  }
  const d = s.deploy;
  if (d === undefined) return;
  const at = `services.${s.name}.deploy`;
  if (d.resources?.limits?.pids !== undefined) {
    c.report('warning', 'K8S_UNSUPPORTED', `${at}.resources.limits.pids (${d.resources.limits.pids}) has no per-container Kubernetes equivalent and is left out`, s, 'deploy', 'set the kubelet podPidsLimit on the nodes');
  }
  if (d.rollback_config !== undefined) {
    c.report('warning', 'K8S_UNSUPPORTED', `${at}.rollback_config has no Kubernetes equivalent and is left out: Kubernetes never rolls back a failed update by itself`, s, 'deploy', `roll back with kubectl rollout undo ${kind.toLowerCase()}/${s.name}`);
  }
  const u = d.update_config;
  if (u !== undefined) {
    if (kind !== 'Deployment' || recreate) {
      // Only a Deployment's rolling update takes parallelism and order; a recreated one (K8S_RECREATE) takes nothing.
      const why = recreate ? 'its pod is recreated on update (it mounts a ReadWriteOnce volume)' : `a ${kind} uses its own update strategy`;
      c.report('warning', 'K8S_UNSUPPORTED', `${at}.update_config is left out: ${why}`, s, 'deploy', 'set the update strategy with a Kustomize patch');
    } else {
      for (const field of Object.keys(UPDATE_FIELDS) as (keyof typeof UPDATE_FIELDS)[]) {
        if (u[field] === undefined) continue;
        c.report('warning', 'K8S_UNSUPPORTED', `${at}.update_config.${field} has no Kubernetes equivalent and is left out: ${UPDATE_FIELDS[field]}`, s, 'deploy');
      }
    }
  }
  const r = d.restart_policy;
  if (r?.delay !== undefined || r?.window !== undefined) {
    const fields = [r.delay !== undefined ? 'delay' : undefined, r.window !== undefined ? 'window' : undefined].filter((f) => f !== undefined).join(' and ');
    c.report(
      'warning',
      'K8S_UNSUPPORTED',
      `${at}.restart_policy.${fields} ${fields.includes(' and ') ? 'have' : 'has'} no Kubernetes equivalent and ${fields.includes(' and ') ? 'are' : 'is'} left out: the kubelet restarts a container after its own back-off (10 s, doubling up to 5 min) and counts every restart`,
      s,
      'deploy',
      'rely on the back-off, or sleep in the entrypoint before starting if a fixed delay matters',
    );
  }
}
