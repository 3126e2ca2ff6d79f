/**
 * Every key of an IR service is kept, translated for Swarm, or reported as left out: this table says which, so
 * nothing a user wrote disappears silently. `KEPT` keys are copied by service.ts; the translated ones are mapped by
 * the key family's file (ports.ts, volumes.ts, deploy.ts, ...); everything else is reported with `DROPPED`'s reason.
 */
import type { Service } from '../../ir/types.js';
import { isEmptyListOrMapping } from '../../util/objects.js';
import type { SwarmContext } from './context.js';
import { onHostNetwork } from './networks.js';
import type { SwarmService } from './stack-types.js';

/** Service keys the stack file has under the same name, with a type that takes the IR's value as it is. */
type Keepable = {
  [K in keyof Service & keyof SwarmService]-?: NonNullable<Service[K]> extends SwarmService[K] ? K : never;
}[keyof Service & keyof SwarmService];

/**
 * Keys copied as they are: the v3 schema has them with the same meaning. The `satisfies` makes the compiler check
 * that each one's IR type fits the stack file's, which is what lets service.ts copy them in a loop.
 */
export const KEPT = [
  'hostname', 'working_dir', 'user', 'stop_signal', 'cap_add', 'cap_drop', 'dns', 'dns_search', 'sysctls', 'labels',
  'tty', 'stdin_open', 'read_only',
] as const satisfies readonly Keepable[];

/** A key of {@link KEPT}. */
export type KeptKey = (typeof KEPT)[number];

/** Keys docker stack deploy ignores or rejects, with what the user should do instead. */
const DROPPED: Partial<Record<keyof Service, string>> = {
  build: 'Swarm nodes cannot build images; build and push the image, then set image:',
  container_name: 'Swarm names containers itself; the name is added as a network alias of the service where it has networks',
  depends_on: 'Swarm has no start order; make services retry until their dependencies answer, or use healthchecks',
  links: 'Swarm has no links; services reach each other by service name, and a link alias is added as a network alias of the linked service',
  external_links: 'use an external network instead',
  network_mode: 'Swarm services attach to overlay networks (or to the host network, for network_mode: host); use networks:',
  devices: 'Swarm services cannot map host devices',
  pull_policy: 'Swarm pulls the image when it schedules the service',
  privileged: 'Swarm services cannot run privileged; use cap_add for the capabilities you need',
  expose: 'services on an overlay network reach every port of each other already',
  security_opt: 'docker stack deploy ignores security_opt',
  shm_size: 'docker stack deploy ignores shm_size; mount a tmpfs volume at /dev/shm',
  ipc: 'docker stack deploy ignores ipc',
  pid: 'docker stack deploy ignores pid',
  userns_mode: 'docker stack deploy ignores userns_mode',
  cgroup_parent: 'docker stack deploy ignores cgroup_parent',
  domainname: 'docker stack deploy ignores domainname',
  mac_address: 'docker stack deploy ignores mac_address',
  volumes_from: 'share a named volume instead',
  annotations: 'the v3 stack format has no annotations',
  attach: 'the v3 stack format has no attach',
  blkio_config: 'the v3 stack format has no blkio_config',
  cgroup: 'the v3 stack format has no cgroup',
  cpu_count: 'use deploy.resources.limits.cpus',
  cpu_percent: 'use deploy.resources.limits.cpus',
  cpu_period: 'use deploy.resources.limits.cpus',
  cpu_quota: 'use deploy.resources.limits.cpus',
  cpu_rt_period: 'the v3 stack format has no cpu_rt_period',
  cpu_rt_runtime: 'the v3 stack format has no cpu_rt_runtime',
  cpu_shares: 'use deploy.resources.reservations.cpus',
  cpuset: 'the v3 stack format has no cpuset',
  device_cgroup_rules: 'the v3 stack format has no device_cgroup_rules',
  dns_opt: 'the v3 stack format has no dns_opt',
  label_file: 'its labels are not read for Swarm; write them under labels:',
  group_add: 'the v3 stack format has no group_add',
  mem_swappiness: 'the v3 stack format has no mem_swappiness',
  memswap_limit: 'the v3 stack format has no memswap_limit',
  oom_kill_disable: 'the v3 stack format has no oom_kill_disable',
  platform: 'use deploy.placement.constraints such as node.platform.arch==x86_64',
  post_start: 'the v3 stack format has no lifecycle hooks',
  pre_stop: 'the v3 stack format has no lifecycle hooks',
  pre_start: 'the v3 stack format has no lifecycle hooks',
  runtime: 'the v3 stack format has no runtime',
  storage_opt: 'the v3 stack format has no storage_opt',
  use_api_socket: 'mount /var/run/docker.sock as a bind volume if the service needs the API',
  uts: 'the v3 stack format has no uts',
  models: 'the v3 stack format has no models',
  develop: 'develop only applies to docker compose watch',
  provider: 'provider services are managed by docker compose only',
};

/** Fields of the IR that are not Compose keys, or that are handled together with another key. */
const INTERNAL: ReadonlySet<keyof Service> = new Set<keyof Service>(['name', 'environment_declared', 'extensions', 'env_file', 'environment', 'scale', 'restart', 'cpus', 'mem_limit', 'mem_reservation', 'pids_limit', 'gpus', 'tmpfs']);

/** Keys that did their work when the project was loaded (profiles chose the services being converted). */
const APPLIED: ReadonlySet<keyof Service> = new Set<keyof Service>(['profiles']);

/** Flags whose `false` is the engine's default, so writing it changes nothing Swarm would have to express. */
const DEFAULT_FALSE: ReadonlySet<keyof Service> = new Set<keyof Service>(['privileged', 'oom_kill_disable', 'use_api_socket']);

/** Keys mapped by service.ts and the key family files it calls. */
const CONVERTED: ReadonlySet<keyof Service> = new Set<keyof Service>([
  ...KEPT, 'image', 'command', 'entrypoint', 'stop_grace_period', 'init', 'isolation', 'oom_score_adj',
  'credential_spec', 'logging', 'extra_hosts', 'ulimits', 'ports', 'volumes', 'secrets', 'configs', 'networks',
  'healthcheck', 'deploy', 'links', 'container_name',
]);

/** Reports each key of the service that the stack file leaves out, with why and what to do instead. */
export function reportDropped(c: SwarmContext, s: Service): void {
  for (const key of Object.keys(s) as (keyof Service)[]) {
    const value: unknown = s[key];
    if (value === undefined || INTERNAL.has(key) || APPLIED.has(key)) continue;
    if (isEmptyListOrMapping(value) || (value === false && DEFAULT_FALSE.has(key))) continue;
    if (CONVERTED.has(key)) continue;
    if (key === 'network_mode' && onHostNetwork(s)) continue;
    // A build-only service was reported when its image was named.
    if (key === 'build' && s.image === undefined) continue;
    const why = DROPPED[key] ?? 'stackport does not know how to express it for Swarm';
    const severity = key === 'build' ? 'info' : 'warning';
    c.report(severity, 'SWARM_UNSUPPORTED', `services.${s.name}.${key} is not supported by docker stack deploy and is left out: ${why}`, s, key);
  }
}
