/**
 * One IR service as a Swarm stack service. Every key of the service is routed: kept, translated to its Swarm
 * equivalent (`restart` -> `deploy.restart_policy`, `cpus`/`mem_limit` -> `deploy.resources`, `scale` ->
 * `deploy.replicas`, GPUs -> generic resources), or dropped with a diagnostic that says why and what to do.
 */
import { formatDuration } from '../../ir/values/duration.js';
import type { Deploy, Port, Service, ServiceVolume } from '../../ir/types.js';
import { sortedNames } from '../../util/strings.js';
import { error } from '../../diagnostics/diagnostic.js';
import { keyLocation } from '../../diagnostics/locations.js';
import type { SwarmContext } from './context.js';
import { environmentFields } from './environment.js';
import { longestStackName, serviceNameProblem } from './names.js';
import { processFields } from './process.js';
import { restartPolicy } from './restart.js';
import { tmpfsMounts } from './tmpfs.js';
import { supports } from './versions.js';

type Out = Record<string, unknown>;

/** Keys copied as they are (the v3 schema has them with the same meaning). */
const KEPT = ['hostname', 'working_dir', 'user', 'stop_signal', 'cap_add', 'cap_drop', 'dns', 'dns_search', 'sysctls', 'labels'] as const;
const KEPT_FLAGS = ['tty', 'stdin_open', 'read_only'] as const;

/** Keys docker stack deploy ignores or rejects, with what the user should do instead. */
const DROPPED: Record<string, string> = {
  build: 'Swarm nodes cannot build images; build and push the image, then set image:',
  container_name: 'Swarm names containers itself',
  depends_on: 'Swarm has no start order; make services retry until their dependencies answer, or use healthchecks',
  links: 'services on the same overlay network reach each other by service name',
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
  pull_refresh_after: 'the v3 stack format has no pull_refresh_after',
};

/** Fields of the IR that are not Compose keys, or that are handled together with another key. */
const INTERNAL = new Set(['name', 'environment_declared', 'extensions', 'env_file', 'environment', 'scale', 'restart', 'cpus', 'mem_limit', 'mem_reservation', 'pids_limit', 'gpus', 'tmpfs']);

/** Keys that did their work when the project was loaded (profiles chose the services being converted). */
const APPLIED = new Set(['profiles']);

/** Flags whose `false` is the engine's default, so writing it changes nothing Swarm would have to express. */
const DEFAULT_FALSE = new Set(['privileged', 'oom_kill_disable', 'use_api_socket']);

/** Keys converted above, by this module's own code. */
const CONVERTED = new Set<string>([
  ...KEPT, ...KEPT_FLAGS, 'image', 'command', 'entrypoint', 'stop_grace_period', 'init', 'isolation', 'oom_score_adj',
  'credential_spec', 'logging', 'extra_hosts', 'ulimits', 'ports', 'volumes', 'secrets', 'configs', 'networks',
  'healthcheck', 'deploy',
]);

/** Converts one service. */
export function convertService(c: SwarmContext, s: Service): Out {
  const out: Out = {};
  const badName = serviceNameProblem(s.name);
  if (badName !== undefined) {
    // At the service's key, where the name is written.
    c.diagnostics.push(error('SWARM_SERVICE_NAME', `services.${s.name}: ${badName}`, keyLocation(s, 'name'), 'rename the service'));
  } else if (c.project.name.length > longestStackName(s.name)) {
    c.report('warning', 'SWARM_STACK_NAME', `services.${s.name}: Swarm names the service <stack>_${s.name}, at most 63 characters, so the stack cannot be deployed under the project name ${c.project.name}`, s, 'name', `deploy with a stack name of at most ${longestStackName(s.name)} characters`);
  }
  const image = imageFor(c, s);
  if (image !== undefined) out.image = image;
  for (const key of KEPT) {
    const value = s[key];
    if (value !== undefined && !(typeof value === 'object' && Object.keys(value).length === 0)) out[key] = value;
  }
  for (const key of KEPT_FLAGS) if (s[key] !== undefined) out[key] = s[key];
  Object.assign(out, processFields(c, s));
  if (s.stop_grace_period !== undefined) out.stop_grace_period = formatDuration(s.stop_grace_period);
  if (s.init !== undefined && c.needs('init', `services.${s.name}.init`, s, 'init')) out.init = s.init;
  if (s.isolation !== undefined && c.needs('isolation', `services.${s.name}.isolation`, s, 'isolation')) out.isolation = s.isolation;
  if (s.oom_score_adj !== undefined && c.needs('oomScoreAdj', `services.${s.name}.oom_score_adj`, s, 'oom_score_adj')) out.oom_score_adj = s.oom_score_adj;
  if (s.credential_spec !== undefined && c.needs('credentialSpec', `services.${s.name}.credential_spec`, s, 'credential_spec')) out.credential_spec = s.credential_spec;
  if (s.logging !== undefined) out.logging = s.logging;
  if (s.extra_hosts !== undefined) out.extra_hosts = sortedNames(s.extra_hosts).flatMap((h) => s.extra_hosts![h]!.map((ip) => `${h}:${ip}`));
  if (s.ulimits !== undefined) out.ulimits = ulimits(s);
  Object.assign(out, environmentFields(c, s));
  const ports = hostNetwork(s) ? hostNetworkPorts(c, s) : convertPorts(c, s);
  if (ports.length > 0) out.ports = ports;
  const volumes = convertVolumes(c, s);
  if (volumes.length > 0) out.volumes = volumes;
  if (s.secrets.length > 0 && c.needs('secrets', `services.${s.name}.secrets`, s, 'secrets')) out.secrets = fileRefs(s.secrets, true);
  if (s.configs.length > 0 && c.needs('configs', `services.${s.name}.configs`, s, 'configs')) out.configs = fileRefs(s.configs, false);
  const networks = hostNetwork(s) ? { [c.hostNetworkKey()]: null } : convertNetworks(c, s);
  if (networks !== undefined) out.networks = networks;
  if (s.healthcheck !== undefined) out.healthcheck = healthcheck(c, s);
  const deploy = convertDeploy(c, s);
  if (Object.keys(deploy).length > 0) out.deploy = deploy;
  Object.assign(out, c.extensions(s.extensions, `services.${s.name}`, s, 'extensions'));
  reportDropped(c, s);
  return out;
}

function imageFor(c: SwarmContext, s: Service): string | undefined {
  if (s.image !== undefined) return s.image;
  if (s.build === undefined) {
    c.report('error', 'SWARM_NO_IMAGE', `services.${s.name} has no image`, s, 'name', 'set image:');
    return undefined;
  }
  if (c.options.imagePrefix) return `${c.options.imagePrefix.replace(/\/$/, '')}/${c.project.name}-${s.name}`;
  // The name docker compose gives the image it builds, as the Kubernetes target does.
  const image = `${c.project.name}-${s.name}`;
  c.report('warning', 'SWARM_BUILD_ONLY', `services.${s.name} has no image; using ${image}, the name docker compose builds it under`, s, 'build', `build ${image} and push it to a registry every node can pull from; then set image:, or pass --image-prefix REGISTRY`);
  return image;
}

function ulimits(s: Service): Out {
  const out: Out = {};
  for (const name of sortedNames(s.ulimits!)) {
    const u = s.ulimits![name]!;
    out[name] = u.single !== undefined ? u.single : { soft: u.soft, hard: u.hard };
  }
  return out;
}

/** Ports in long syntax; a published range becomes one entry per host port, as Swarm needs. */
function convertPorts(c: SwarmContext, s: Service): unknown[] {
  const long = c.needs('longSyntax', `services.${s.name}.ports in long syntax`, s, 'ports');
  const out: unknown[] = [];
  for (const p of s.ports) {
    if (p.host_ip !== undefined) {
      c.report('warning', 'SWARM_HOST_IP', `services.${s.name}.ports: Swarm publishes on every address; host_ip ${p.host_ip} is dropped`, s, 'ports');
    }
    for (const published of publishedPorts(p)) out.push(long ? longPort(p, published) : shortPort(p, published));
  }
  // Overlapping entries ("3000" and "3000-3005") give identical ports, which the v3 schema rejects as duplicates.
  const seen = new Set<string>();
  return out.filter((port) => {
    const key = JSON.stringify(port);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function publishedPorts(p: Port): (number | undefined)[] {
  if (p.published === undefined) return [undefined];
  const [start, end] = p.published.split('-').map(Number) as [number, number | undefined];
  const out: number[] = [];
  for (let port = start; port <= (end ?? start); port++) out.push(port);
  return out;
}

function longPort(p: Port, published: number | undefined): Out {
  const out: Out = { target: p.target, protocol: p.protocol, mode: p.mode };
  if (published !== undefined) out.published = published;
  return out;
}

function shortPort(p: Port, published: number | undefined): string {
  return `${published === undefined ? '' : `${published}:`}${p.target}/${p.protocol}`;
}

function convertVolumes(c: SwarmContext, s: Service): unknown[] {
  const out: unknown[] = [];
  for (const v of s.volumes) {
    if (v.type === 'image' || v.type === 'npipe' || v.type === 'cluster') {
      c.report('warning', 'SWARM_UNSUPPORTED', `services.${s.name}.volumes: a ${v.type} mount at ${v.target} is not supported by docker stack deploy; it is dropped`, s, 'volumes');
      continue;
    }
    if (v.bind?.selinux) {
      c.report('warning', 'SWARM_SELINUX', `services.${s.name}.volumes: Swarm ignores the SELinux label option :${v.bind.selinux} on ${v.target}`, s, 'volumes');
    }
    if (v.type === 'bind' && v.source !== undefined) bindSource(c, s, v.source);
    out.push(c.needs('longSyntax', `services.${s.name}.volumes in long syntax`, s, 'volumes') ? longVolume(c, v) : shortVolume(c, v));
  }
  if (s.tmpfs !== undefined && s.tmpfs.length > 0) {
    if (supports(c.version, 'longSyntax')) out.push(...tmpfsMounts(c, s, supportsTmpfsSize(c)));
    else c.report('warning', 'SWARM_VERSION_TOO_OLD', `services.${s.name}.tmpfs needs stack file version 3.2 or later (a tmpfs mount); it is left out of version ${c.version}`, s, 'tmpfs', 'use --swarm-version 3.2 or later');
  }
  return out;
}

/**
 * What a bind source means on a Swarm node. Docker Compose creates a missing source directory; Swarm refuses to
 * start the task instead, and retries it forever. A `~` is expanded by `docker stack deploy` with the HOME of
 * whoever deploys, not by the node.
 */
function bindSource(c: SwarmContext, s: Service, source: string): void {
  const found = c.project.bind_sources?.[source];
  if (found === 'missing') {
    c.report('warning', 'SWARM_BIND_MISSING', `services.${s.name}.volumes: the bind source ${source} does not exist; Docker Compose would create it, but Swarm does not start a task whose bind source is missing`, s, 'volumes', `create it on every node that runs the service (mkdir -p ${source})`);
  } else if (source.startsWith('~')) {
    c.report('warning', 'SWARM_BIND_HOME', `services.${s.name}.volumes: docker stack deploy expands ~ in the bind source ${source} with the HOME of whoever deploys, and the path must exist on every node that runs the service`, s, 'volumes', 'write an absolute path');
  } else if (source.startsWith('.')) {
    c.report('info', 'SWARM_BIND_PATH', `services.${s.name}.volumes: the bind source ${source} must exist on every node that runs the service`, s, 'volumes');
  }
}

function longVolume(c: SwarmContext, v: ServiceVolume): Out {
  const out: Out = { type: v.type, target: v.target };
  if (v.source !== undefined) out.source = v.type === 'bind' ? c.path(v.source) : v.source;
  if (v.read_only !== undefined) out.read_only = v.read_only;
  if (v.consistency !== undefined) out.consistency = v.consistency;
  if (v.bind?.propagation !== undefined) out.bind = { propagation: v.bind.propagation };
  if (v.volume?.nocopy !== undefined) out.volume = { nocopy: v.volume.nocopy };
  if (v.tmpfs?.size !== undefined && supportsTmpfsSize(c)) out.tmpfs = { size: v.tmpfs.size };
  return out;
}

function supportsTmpfsSize(c: SwarmContext): boolean {
  return c.version !== '3.2' && c.version !== '3.3' && c.version !== '3.4' && c.version !== '3.5';
}

function shortVolume(c: SwarmContext, v: ServiceVolume): string {
  const source = v.source === undefined ? '' : `${v.type === 'bind' ? c.path(v.source) : v.source}:`;
  return `${source}${v.target}${v.read_only ? ':ro' : ''}`;
}

function fileRefs(refs: Service['secrets'], secret: boolean): unknown[] {
  return refs.map((r) => {
    const out: Out = { source: r.source };
    // Swarm mounts secrets under /run/secrets/<target>; an absolute target elsewhere is kept as written.
    const target = secret && r.target?.startsWith('/run/secrets/') ? r.target.slice('/run/secrets/'.length) : r.target;
    if (target !== undefined && target !== r.source) out.target = target;
    if (r.uid !== undefined) out.uid = r.uid;
    if (r.gid !== undefined) out.gid = r.gid;
    if (r.mode !== undefined) out.mode = r.mode;
    return out;
  });
}

function convertNetworks(c: SwarmContext, s: Service): unknown {
  const names = sortedNames(s.networks);
  if (names.length === 1 && names[0] === 'default' && Object.keys(s.networks.default!).length <= 1) return undefined;
  const out: Out = {};
  for (const name of names) {
    const n = s.networks[name]!;
    const entry: Out = {};
    if (n.aliases !== undefined) entry.aliases = n.aliases;
    if (n.driver_opts !== undefined && c.needs('networkDriverOpts', `services.${s.name}.networks.${name}.driver_opts`, s, 'networks')) entry.driver_opts = n.driver_opts;
    for (const dropped of ['ipv4_address', 'ipv6_address', 'link_local_ips', 'mac_address', 'priority', 'gw_priority', 'interface_name'] as const) {
      if (n[dropped] !== undefined) c.report('warning', 'SWARM_UNSUPPORTED', `services.${s.name}.networks.${name}.${dropped} is not applied by Swarm; it is dropped`, s, 'networks');
    }
    out[name] = Object.keys(entry).length > 0 ? entry : null;
  }
  return out;
}

function healthcheck(c: SwarmContext, s: Service): Out {
  const h = s.healthcheck!;
  const out: Out = {};
  if (h.disable) return { disable: true };
  if (h.test !== undefined) out.test = h.test;
  if (h.interval !== undefined) out.interval = formatDuration(h.interval);
  if (h.timeout !== undefined) out.timeout = formatDuration(h.timeout);
  if (h.retries !== undefined) out.retries = h.retries;
  if (h.start_period !== undefined && c.needs('startPeriod', `services.${s.name}.healthcheck.start_period`, s, 'healthcheck')) out.start_period = formatDuration(h.start_period);
  if (h.start_interval !== undefined && c.needs('startInterval', `services.${s.name}.healthcheck.start_interval`, s, 'healthcheck')) out.start_interval = formatDuration(h.start_interval);
  return out;
}

/** `deploy`, with the service-level settings Swarm only knows under deploy moved there. */
function convertDeploy(c: SwarmContext, s: Service): Out {
  const d: Deploy = s.deploy ?? { extensions: {} };
  const out: Out = {};
  if (d.mode !== undefined) out.mode = d.mode;
  const replicas = d.replicas ?? s.scale;
  if (replicas !== undefined) out.replicas = replicas;
  if (d.labels !== undefined && Object.keys(d.labels).length > 0) out.labels = d.labels;
  if (d.endpoint_mode !== undefined && c.needs('endpointMode', `services.${s.name}.deploy.endpoint_mode`, s, 'deploy')) out.endpoint_mode = d.endpoint_mode;
  if (d.update_config !== undefined) out.update_config = updateConfig(c, s, d.update_config);
  if (d.rollback_config !== undefined && c.needs('rollbackConfig', `services.${s.name}.deploy.rollback_config`, s, 'deploy')) out.rollback_config = updateConfig(c, s, d.rollback_config);
  const resources = convertResources(c, s, d);
  if (Object.keys(resources).length > 0) out.resources = resources;
  const restart = restartPolicy(c, s, d);
  if (restart !== undefined) out.restart_policy = restart;
  if (d.placement !== undefined) {
    const p: Out = {};
    if (d.placement.constraints !== undefined) p.constraints = d.placement.constraints;
    if (d.placement.preferences !== undefined && c.needs('placementPreferences', `services.${s.name}.deploy.placement.preferences`, s, 'deploy')) p.preferences = d.placement.preferences;
    if (d.placement.max_replicas_per_node !== undefined && c.needs('maxReplicasPerNode', `services.${s.name}.deploy.placement.max_replicas_per_node`, s, 'deploy')) p.max_replicas_per_node = d.placement.max_replicas_per_node;
    if (Object.keys(p).length > 0) out.placement = p;
  }
  Object.assign(out, c.extensions(d.extensions, `services.${s.name}.deploy`, s, null));
  return out;
}

function updateConfig(c: SwarmContext, s: Service, u: NonNullable<Deploy['update_config']>): Out {
  const out: Out = {};
  if (u.parallelism !== undefined) out.parallelism = u.parallelism;
  if (u.delay !== undefined) out.delay = formatDuration(u.delay);
  if (u.failure_action !== undefined) out.failure_action = u.failure_action;
  if (u.monitor !== undefined) out.monitor = formatDuration(u.monitor);
  if (u.max_failure_ratio !== undefined) out.max_failure_ratio = u.max_failure_ratio;
  if (u.order !== undefined && c.needs('updateOrder', `services.${s.name}.deploy.update_config.order`, s, 'deploy')) out.order = u.order;
  return out;
}

function convertResources(c: SwarmContext, s: Service, d: Deploy): Out {
  const limits: Out = {};
  const reservations: Out = {};
  const l = d.resources?.limits;
  const r = d.resources?.reservations;
  const cpus = l?.cpus ?? s.cpus;
  if (cpus !== undefined) limits.cpus = String(cpus);
  const memory = l?.memory ?? s.mem_limit;
  if (memory !== undefined) limits.memory = byteText(memory);
  const pids = l?.pids ?? s.pids_limit;
  if (pids !== undefined && c.needs('pidsLimit', `services.${s.name} pids limit`, s, s.pids_limit !== undefined ? 'pids_limit' : 'deploy')) limits.pids = pids;
  if (r?.cpus !== undefined) reservations.cpus = String(r.cpus);
  const reserved = r?.memory ?? s.mem_reservation;
  if (reserved !== undefined) reservations.memory = byteText(reserved);
  const generic = [...(r?.generic_resources ?? []), ...gpuResources(c, s, [...(r?.devices ?? []), ...(s.gpus ?? [])])];
  if (generic.length > 0 && c.needs('genericResources', `services.${s.name} generic resources`, s, 'deploy')) reservations.generic_resources = generic;
  const out: Out = {};
  if (Object.keys(limits).length > 0) out.limits = limits;
  if (Object.keys(reservations).length > 0) out.reservations = reservations;
  return out;
}

/** GPU requests as Swarm generic resources, which nodes must advertise (`node-generic-resources` in daemon.json). */
function gpuResources(c: SwarmContext, s: Service, requests: NonNullable<Service['gpus']>): unknown[] {
  const out: unknown[] = [];
  for (const request of requests) {
    if (request.count === undefined || request.count < 0) {
      c.report('warning', 'SWARM_GPU_ALL', `services.${s.name}: Swarm cannot reserve "all" GPUs; give a count`, s, s.gpus ? 'gpus' : 'deploy');
      continue;
    }
    const kind = request.driver === 'nvidia' || request.driver === undefined ? 'NVIDIA-GPU' : request.driver;
    out.push({ discrete_resource_spec: { kind, value: request.count } });
    c.report('info', 'SWARM_GPU', `services.${s.name}: GPUs become the generic resource ${kind}; each node must advertise it in daemon.json node-generic-resources`, s, s.gpus ? 'gpus' : 'deploy');
  }
  return out;
}

/** `network_mode: host`: the service joins the node's own network, which Swarm offers as the network `host`. */
function hostNetwork(s: Service): boolean {
  return s.network_mode === 'host';
}

/**
 * Ports of a service on the host network. Docker Compose discards them (the service listens on the host's ports
 * directly); Swarm accepts only host-mode publishing there, which would claim the same ports a second time.
 */
function hostNetworkPorts(c: SwarmContext, s: Service): unknown[] {
  if (s.ports.length > 0) {
    c.report('info', 'SWARM_HOST_NETWORK_PORTS', `services.${s.name}.ports: with network_mode: host the service listens on the node's own ports, and Docker Compose discards ports:; so does the stack file`, s, 'ports');
  }
  return [];
}

function reportDropped(c: SwarmContext, s: Service): void {
  for (const key of Object.keys(s)) {
    const value = (s as unknown as Record<string, unknown>)[key];
    if (value === undefined || INTERNAL.has(key) || APPLIED.has(key)) continue;
    if (isEmpty(value) || (value === false && DEFAULT_FALSE.has(key))) continue;
    if (CONVERTED.has(key)) continue;
    if (key === 'network_mode' && hostNetwork(s)) continue;
    // A build-only service was reported when its image was named.
    if (key === 'build' && s.image === undefined) continue;
    const why = DROPPED[key] ?? 'stackport does not know how to express it for Swarm';
    const severity = key === 'build' ? 'info' : 'warning';
    c.report(severity, 'SWARM_UNSUPPORTED', `services.${s.name}.${key} is not supported by docker stack deploy and is left out: ${why}`, s, key);
  }
}

/** An empty list or mapping: nothing the user wrote, so nothing to report. */
function isEmpty(value: unknown): boolean {
  return Array.isArray(value) ? value.length === 0 : value !== null && typeof value === 'object' && Object.keys(value).length === 0;
}

/** Bytes as docker reads sizes (`512M`), or a plain count when no binary unit divides it. */
function byteText(bytes: number): string {
  for (const [suffix, size] of [['G', 2 ** 30], ['M', 2 ** 20], ['K', 2 ** 10]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${suffix}`;
  }
  return String(bytes);
}
