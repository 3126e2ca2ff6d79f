/**
 * A service's `deploy`, with the service-level keys Swarm only knows under `deploy` moved there: `scale` becomes
 * `replicas`, `restart` the restart policy (restart.ts), and `cpus`, `mem_limit`, `mem_reservation`, `pids_limit`
 * and `gpus` the resources (deploy-resources.ts). Settings newer than the target version are reported and left out.
 */
import type { Deploy, Service, UpdateConfig } from '../../ir/types.js';
import { formatDuration } from '../../ir/values/duration.js';
import type { SwarmContext } from './context.js';
import { deployResources } from './deploy-resources.js';
import { restartPolicy } from './restart.js';
import type { SwarmDeploy, SwarmPlacement, SwarmUpdateConfig } from './stack-types.js';

/** The stack file's `deploy` of a service. Never empty: every service gets a restart policy (restart.ts). */
export function deploy(c: SwarmContext, s: Service): SwarmDeploy {
  const d: Deploy = s.deploy ?? { extensions: {} };
  const out: SwarmDeploy = {};
  if (d.mode !== undefined) out.mode = d.mode;
  const replicas = d.replicas ?? s.scale;
  if (replicas !== undefined) {
    if (isGlobal(d.mode)) reportGlobalReplicas(c, s, d.mode!, replicas);
    else out.replicas = replicas;
  }
  if (d.labels !== undefined && Object.keys(d.labels).length > 0) out.labels = d.labels;
  if (d.endpoint_mode !== undefined && c.needs('endpointMode', `services.${s.name}.deploy.endpoint_mode`, s, 'deploy')) out.endpoint_mode = d.endpoint_mode;
  if (d.update_config !== undefined) out.update_config = updateConfig(c, s, d.update_config);
  if (d.rollback_config !== undefined && c.needs('rollbackConfig', `services.${s.name}.deploy.rollback_config`, s, 'deploy')) out.rollback_config = updateConfig(c, s, d.rollback_config);
  const resources = deployResources(c, s, d);
  if (Object.keys(resources).length > 0) out.resources = resources;
  out.restart_policy = restartPolicy(c, s, d);
  const p = placement(c, s, d);
  if (p !== undefined && Object.keys(p).length > 0) out.placement = p;
  c.dropExtensions(d.extensions, `services.${s.name}.deploy`, s, 'extensions');
  return out;
}

/** `global` and `global-job` run one task per node; docker stack deploy rejects `replicas` with either. */
function isGlobal(mode: string | undefined): boolean {
  return mode === 'global' || mode === 'global-job';
}

/**
 * `replicas` (or `scale`) on a global service: docker stack deploy fails with "replicas can only be used with
 * replicated or replicated-job mode", so the count is left out and Swarm runs one task on each eligible node.
 */
function reportGlobalReplicas(c: SwarmContext, s: Service, mode: string, replicas: number): void {
  // The mode is under deploy, so deploy is written; the IR fills deploy.replicas from scale, so scale tells which.
  const from = s.scale !== undefined ? 'scale' : 'deploy.replicas';
  c.report('warning', 'SWARM_GLOBAL_REPLICAS', `services.${s.name}: with deploy.mode ${mode} Swarm runs one task on every eligible node, not ${from} ${replicas}; docker stack deploy rejects replicas in this mode, so it is left out`, s, 'deploy', `to run exactly ${replicas} task${replicas === 1 ? '' : 's'}, use mode: replicated (and deploy.placement.max_replicas_per_node: 1 for at most one per node); otherwise remove ${from}`);
}

/** `update_config` or `rollback_config`: the two have the same fields. */
function updateConfig(c: SwarmContext, s: Service, u: UpdateConfig): SwarmUpdateConfig {
  const out: SwarmUpdateConfig = {};
  if (u.parallelism !== undefined) out.parallelism = u.parallelism;
  if (u.delay !== undefined) out.delay = formatDuration(u.delay);
  if (u.failure_action !== undefined) out.failure_action = u.failure_action;
  if (u.monitor !== undefined) out.monitor = formatDuration(u.monitor);
  if (u.max_failure_ratio !== undefined) out.max_failure_ratio = u.max_failure_ratio;
  if (u.order !== undefined && c.needs('updateOrder', `services.${s.name}.deploy.update_config.order`, s, 'deploy') && isUpdateOrder(u.order)) out.order = u.order;
  return out;
}

/** True for an order the stack format knows. Loading admits no other (the Compose schema has the same two). */
function isUpdateOrder(order: string): order is NonNullable<SwarmUpdateConfig['order']> {
  return order === 'start-first' || order === 'stop-first';
}

/** `deploy.placement`, or undefined when the service has none. */
function placement(c: SwarmContext, s: Service, d: Deploy): SwarmPlacement | undefined {
  if (d.placement === undefined) return undefined;
  const out: SwarmPlacement = {};
  if (d.placement.constraints !== undefined) out.constraints = d.placement.constraints;
  if (d.placement.preferences !== undefined && c.needs('placementPreferences', `services.${s.name}.deploy.placement.preferences`, s, 'deploy')) out.preferences = d.placement.preferences;
  if (d.placement.max_replicas_per_node !== undefined && c.needs('maxReplicasPerNode', `services.${s.name}.deploy.placement.max_replicas_per_node`, s, 'deploy')) out.max_replicas_per_node = d.placement.max_replicas_per_node;
  return out;
}
