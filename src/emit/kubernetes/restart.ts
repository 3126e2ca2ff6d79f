/**
 * Compose's restart policies as workload kinds. Kubernetes restarts a Deployment's pods after every exit, so a
 * service Compose does not restart becomes a Job, which runs to completion; but a Job's pod template cannot be
 * changed once applied, so a service that serves ports stays a Deployment (with a warning) unless another service
 * waits for it to complete. The table is in README's Kubernetes section.
 */
import type { Project, Service } from '../../ir/types.js';
import { sortedNames } from '../../util/strings.js';
import type { KubeContext } from './context.js';

/** The restart condition a service asks for: `restart`, else `deploy.restart_policy.condition`, else undefined. */
export function restartOf(s: Service): string | undefined {
  return s.restart ?? s.deploy?.restart_policy?.condition;
}

/** True for a condition under which an exited container is never restarted. */
export function neverRestarted(restart: string | undefined): boolean {
  return restart === 'no' || restart === 'none';
}

const completionTargets = new WeakMap<Project, Map<string, string>>();

/**
 * The service that waits for `s` to complete successfully (`depends_on: {condition: service_completed_successfully}`),
 * or undefined. Worked out once per project.
 */
export function completionWaiter(project: Project, s: Service): string | undefined {
  let targets = completionTargets.get(project);
  if (targets === undefined) {
    targets = new Map();
    for (const name of sortedNames(project.services)) {
      const deps = project.services[name]!.depends_on;
      for (const dep in deps) if (deps[dep]!.condition === 'service_completed_successfully' && !targets.has(dep)) targets.set(dep, name);
    }
    completionTargets.set(project, targets);
  }
  return targets.get(s.name);
}

/**
 * Whether a service that is not a job by its deploy mode becomes a Job: when another service waits for it to
 * complete, or when Compose would not restart it and it serves no port. Reports the choice either way.
 */
export function runsToCompletion(c: KubeContext, s: Service): boolean {
  const waiter = completionWaiter(c.project, s);
  const restart = restartOf(s);
  const key = s.restart !== undefined ? 'restart' : 'deploy';
  if (waiter !== undefined) {
    c.report('info', 'K8S_JOB', `services.${s.name} becomes a Job because ${waiter} waits for it to complete successfully`, s, 'name', 'set x-kubernetes.controller: deployment to keep it running');
    return true;
  }
  const once = neverRestarted(restart);
  if (!once && !restart?.startsWith('on-failure')) return false;
  if (c.containerPorts(s).length > 0) {
    c.report(
      'warning',
      'K8S_RESTART_ALWAYS',
      `services.${s.name} serves ports with restart: ${restart}; it stays a Deployment (a Job could not be updated once applied), and Kubernetes restarts its pod after every exit, where Compose ${once ? 'leaves it stopped' : 'restarts it only after a failure'}`,
      s,
      key,
      'set x-kubernetes.controller: job to run it once instead',
    );
    return false;
  }
  c.report('info', 'K8S_JOB', `services.${s.name} becomes a Job because it is not restarted after it exits (restart: ${restart})`, s, key, 'set x-kubernetes.controller: deployment to keep it running');
  return true;
}
