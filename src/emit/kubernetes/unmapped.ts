/**
 * Every key of an IR service is either mapped to Kubernetes or reported: this table says which, so nothing a user
 * wrote disappears silently. A test enumerates the keys of a fully populated service against it.
 */
import type { Service } from '../../ir/types.js';
import { isEmptyListOrMapping } from '../../util/objects.js';
import type { KubeContext } from './context.js';

/** Keys the emitter maps (in container.ts, storage.ts, services.ts, workload.ts and index.ts). */
export const MAPPED_KEYS: ReadonlySet<string> = new Set([
  'name', 'image', 'build', 'command', 'entrypoint', 'working_dir', 'user', 'group_add', 'environment', 'env_file',
  'environment_declared', 'labels', 'annotations', 'ports', 'expose', 'volumes', 'tmpfs', 'secrets', 'configs',
  'networks', 'depends_on', 'healthcheck', 'deploy', 'scale', 'restart', 'hostname', 'domainname', 'extra_hosts',
  'dns', 'dns_opt', 'dns_search', 'cap_add', 'cap_drop', 'privileged', 'read_only', 'sysctls', 'stdin_open', 'tty',
  'stop_grace_period', 'pull_policy', 'platform', 'gpus', 'cpus', 'mem_limit', 'mem_reservation', 'extensions',
  'volumes_from', 'profiles', 'container_name', 'links', 'security_opt',
]);

/** Keys with no Kubernetes equivalent, and what the user can do instead. */
export const UNMAPPED_KEYS: Readonly<Record<string, string>> = {
  ulimits: 'Kubernetes has no per-pod ulimits; set them in the image or the container runtime',
  pids_limit: 'set the kubelet podPidsLimit on the nodes',
  blkio_config: 'Kubernetes has no block IO limits',
  oom_score_adj: 'Kubernetes sets the OOM score from the pod QoS class (set requests equal to limits for Guaranteed)',
  oom_kill_disable: 'Kubernetes cannot disable the OOM killer for a pod',
  mem_swappiness: 'Kubernetes manages swap per node',
  memswap_limit: 'Kubernetes manages swap per node',
  shm_size: 'mount an emptyDir with medium: Memory at /dev/shm',
  cpu_count: 'use deploy.resources.limits.cpus',
  cpu_percent: 'use deploy.resources.limits.cpus',
  cpu_period: 'use deploy.resources.limits.cpus',
  cpu_quota: 'use deploy.resources.limits.cpus',
  cpu_rt_period: 'Kubernetes has no real-time CPU settings',
  cpu_rt_runtime: 'Kubernetes has no real-time CPU settings',
  cpu_shares: 'use deploy.resources.reservations.cpus (requests)',
  cpuset: 'use the kubelet static CPU manager policy',
  devices: 'use a device plugin',
  device_cgroup_rules: 'use a device plugin',
  stop_signal: 'Kubernetes always sends SIGTERM; make the image handle it or use a preStop hook',
  init: 'use an init process in the image (tini), or shareProcessNamespace',
  logging: 'cluster logging is configured per cluster, not per pod',
  network_mode: 'only network_mode: host maps (hostNetwork)',
  ipc: 'only ipc: host maps (hostIPC)',
  pid: 'only pid: host maps (hostPID)',
  uts: 'Kubernetes has no UTS namespace setting',
  cgroup: 'Kubernetes has no cgroup namespace setting',
  cgroup_parent: 'Kubernetes manages cgroups itself',
  userns_mode: 'use hostUsers: false in x-kubernetes for user namespaces',
  isolation: 'Windows isolation is chosen by the RuntimeClass',
  runtime: 'use a RuntimeClass',
  storage_opt: 'Kubernetes has no per-container storage driver options',
  mac_address: 'Kubernetes assigns MAC addresses',
  external_links: 'reach outside services through a Service of type ExternalName',
  label_file: 'its labels are already merged into labels',
  credential_spec: 'use windowsOptions.gmsaCredentialSpecName',
  attach: 'attach only applies to docker compose up',
  use_api_socket: 'Kubernetes pods have no Docker API socket',
  develop: 'develop only applies to docker compose watch',
  provider: 'provider services are managed by docker compose',
  models: 'models are run by Docker Model Runner, not Kubernetes',
  post_start: 'use a postStart lifecycle hook in x-kubernetes',
  pre_stop: 'use a preStop lifecycle hook in x-kubernetes',
  pre_start: 'use an init container',
};

/** Reports every key of the service the emitter does not map. */
export function reportUnmapped(c: KubeContext, s: Service): void {
  const keys = Object.keys(s);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (MAPPED_KEYS.has(key)) continue;
    const value: unknown = s[key as keyof Service];
    if (value === undefined || isEmptyListOrMapping(value)) continue;
    if (key === 'network_mode' && value === 'host') continue;
    if ((key === 'ipc' || key === 'pid') && value === 'host') continue;
    // Sharing another service's network namespace (Kompose merges the two into one pod) is a decision left to the
    // user: the services stay separate pods, which behaves the same for everything but localhost.
    const why = key === 'network_mode' && String(value).startsWith('service:')
      ? `each service stays its own pod, so ${s.name} reaches ${String(value).slice(8)} by its Service name, not localhost (its pod is on ${String(value).slice(8)}'s networks, so the same peers reach it)`
      : (UNMAPPED_KEYS[key] ?? 'stackport does not know a Kubernetes equivalent');
    c.report('warning', 'K8S_UNSUPPORTED', `services.${s.name}.${key} has no Kubernetes equivalent and is left out: ${why}`, s, key);
  }
}
