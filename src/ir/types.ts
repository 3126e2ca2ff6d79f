/**
 * The IR: one normalized, typed model of a Compose project, in long syntax.
 *
 * It is what `docker compose config` prints, made typed: every short form is expanded, every default Compose
 * applies is applied, every size is a number of bytes, every duration a number of milliseconds, and every command
 * an argv list. Field names are Compose's own (snake_case), so a reader of the Compose Specification can find each
 * field here, and so that "every Compose key is carried over or reported" can be checked key by key.
 *
 * Emitters read only this model. Source positions travel beside it (see `diagnostics/locations.ts`): for any IR
 * object `o` and field `f`, `entryLocation(o, f)` is where the user wrote it.
 *
 * Paths: `projectDir` is absolute and is never printed. Every path the user wrote relative (bind sources, env
 * files, secret and config files, build contexts) is stored relative to `projectDir`, in POSIX form starting with
 * `./` or `../`, so that output is the same on every machine. Absolute paths stay absolute.
 */
import type { Sensitive } from './sensitive.js';

/** Bytes, as an integer. `512m` is 536870912. `-1` means unlimited where Compose allows it. */
export type ByteSize = number;

/** A duration in milliseconds (fractional for sub-millisecond values). `1m30s` is 90000. */
export type Duration = number;

/** Extension fields (`x-*`) as the user wrote them, after interpolation. */
export type Extensions = Record<string, unknown>;

/** The whole project after loading. */
export interface Project {
  /** The normalized project name (`[a-z0-9][a-z0-9_-]*`). */
  name: string;
  /** The absolute project directory. Used to read files; never printed. */
  projectDir: string;
  /** The compose files that were loaded, as the user named them, in order. */
  composeFiles: string[];
  /** Enabled services by name. Iterate with {@link sortedNames} for deterministic output. */
  services: Record<string, Service>;
  /** Services present in the files but disabled by profiles; kept so references can be explained. */
  disabled_services: Record<string, Service>;
  networks: Record<string, Network>;
  volumes: Record<string, Volume>;
  secrets: Record<string, Secret>;
  configs: Record<string, Config>;
  models: Record<string, Model>;
  /** The profiles that were active. */
  profiles: string[];
  /** Top-level `x-*` fields, including `x-kubernetes`. */
  extensions: Extensions;
  /**
   * What each service's bind source was on the machine that loaded the project, keyed by the source as stored in
   * {@link ServiceVolume.source}. A fact about that machine, not a Compose key: emitters use it to warn about
   * sources an orchestrator would not create. Absent when the loader was not asked (IR built in memory).
   */
  bind_sources?: Record<string, 'file' | 'directory' | 'other' | 'missing'>;
}

/** A service, in long syntax. Optional fields are absent when the user did not set them. */
export interface Service {
  name: string;
  image?: string;
  build?: Build;
  command?: string[];
  entrypoint?: string[];
  working_dir?: string;
  user?: string;
  group_add?: string[];
  /**
   * The container environment after `env_file` and `environment` are combined as Compose does. A `null` value is a
   * bare key that the project environment did not resolve: the variable is unset in the container.
   */
  environment: Record<string, string | null>;
  /** The env files that fed {@link Service.environment}, kept so emitters can reference them instead of inlining. */
  env_file: EnvFile[];
  /** Only the `environment` entries the user wrote (before env files were merged in). */
  environment_declared: Record<string, string | null>;
  labels: Record<string, string>;
  label_file?: string[];
  annotations: Record<string, string>;
  ports: Port[];
  expose: string[];
  volumes: ServiceVolume[];
  volumes_from?: string[];
  tmpfs?: string[];
  secrets: ServiceFileRef[];
  configs: ServiceFileRef[];
  /** Attached networks by name. Absent when `network_mode` is set. */
  networks: Record<string, ServiceNetwork>;
  network_mode?: string;
  depends_on: Record<string, DependsOn>;
  links?: string[];
  external_links?: string[];
  healthcheck?: Healthcheck;
  deploy?: Deploy;
  /** `scale`, already reconciled with `deploy.replicas`. */
  scale?: number;
  restart?: string;
  profiles?: string[];
  container_name?: string;
  hostname?: string;
  domainname?: string;
  mac_address?: string;
  extra_hosts?: Record<string, string[]>;
  dns?: string[];
  dns_opt?: string[];
  dns_search?: string[];
  cap_add?: string[];
  cap_drop?: string[];
  privileged?: boolean;
  read_only?: boolean;
  security_opt?: string[];
  sysctls?: Record<string, string>;
  ulimits?: Record<string, Ulimit>;
  stdin_open?: boolean;
  tty?: boolean;
  init?: boolean;
  stop_grace_period?: Duration;
  stop_signal?: string;
  pull_policy?: string;
  platform?: string;
  logging?: Logging;
  devices?: Device[];
  device_cgroup_rules?: string[];
  gpus?: DeviceRequest[];
  cpus?: number;
  cpu_count?: number;
  cpu_percent?: number;
  cpu_period?: number;
  cpu_quota?: number;
  cpu_rt_period?: Duration;
  cpu_rt_runtime?: Duration;
  cpu_shares?: number;
  cpuset?: string;
  mem_limit?: ByteSize;
  mem_reservation?: ByteSize;
  memswap_limit?: ByteSize;
  mem_swappiness?: number;
  shm_size?: ByteSize;
  oom_kill_disable?: boolean;
  oom_score_adj?: number;
  pids_limit?: number;
  blkio_config?: BlkioConfig;
  ipc?: string;
  pid?: string;
  uts?: string;
  cgroup?: string;
  cgroup_parent?: string;
  userns_mode?: string;
  isolation?: string;
  runtime?: string;
  storage_opt?: Record<string, string>;
  credential_spec?: Record<string, unknown>;
  attach?: boolean;
  use_api_socket?: boolean;
  develop?: Record<string, unknown>;
  provider?: Record<string, unknown>;
  models?: Record<string, ServiceModel | null>;
  post_start?: Hook[];
  pre_stop?: Hook[];
  pre_start?: Hook[];
  /** `x-*` fields of the service, including `x-kubernetes`. */
  extensions: Extensions;
}

/** `build`, long syntax. `context` is relative to the project dir unless it is a URL. */
export interface Build {
  context: string;
  dockerfile?: string;
  dockerfile_inline?: string;
  args?: Record<string, string>;
  ssh?: Record<string, string | null>;
  labels?: Record<string, string>;
  cache_from?: string[];
  cache_to?: string[];
  no_cache?: boolean;
  no_cache_filter?: string[];
  additional_contexts?: Record<string, string>;
  network?: string;
  provenance?: string;
  sbom?: string;
  entitlements?: string[];
  pull?: boolean;
  target?: string;
  shm_size?: ByteSize;
  extra_hosts?: Record<string, string[]>;
  isolation?: string;
  privileged?: boolean;
  secrets?: ServiceFileRef[];
  tags?: string[];
  ulimits?: Record<string, Ulimit>;
  platforms?: string[];
  extensions: Extensions;
}

/** One `env_file` entry. `path` is relative to the project dir. */
export interface EnvFile {
  path: string;
  required: boolean;
  format?: string;
}

/** A port mapping, long syntax; short-syntax ranges are already expanded into one entry per port. */
export interface Port {
  /** The container port. */
  target: number;
  /** The published host port or range (`"8080"`, `"8000-8010"`), absent when not published. */
  published?: string;
  host_ip?: string;
  protocol: 'tcp' | 'udp' | 'sctp';
  mode: 'ingress' | 'host';
  name?: string;
  app_protocol?: string;
  extensions: Extensions;
}

/** A service volume mount, long syntax. */
export interface ServiceVolume {
  type: 'volume' | 'bind' | 'tmpfs' | 'npipe' | 'cluster' | 'image';
  /** Named volume, bind path (relative to the project dir or absolute), image reference; absent for anonymous and tmpfs. */
  source?: string;
  target: string;
  read_only?: boolean;
  consistency?: string;
  bind?: {
    propagation?: string;
    create_host_path?: boolean;
    selinux?: 'z' | 'Z';
    recursive?: string;
  };
  volume?: { nocopy?: boolean; subpath?: string; labels?: Record<string, string> };
  tmpfs?: { size?: ByteSize; mode?: number };
  image?: { subpath?: string };
  /**
   * For a bind mount of a regular file inside the project: its bytes. Read only when the loader is asked to
   * (`loadBindFiles`), so an emitter can turn the mount into a ConfigMap. Never set for directories.
   */
  content?: Uint8Array;
  /** With `content`: the file has an execute bit, so the mounted copy must keep one. */
  content_executable?: boolean;
  extensions: Extensions;
}

/** A service's use of a secret or config. */
export interface ServiceFileRef {
  source: string;
  /** Defaults applied: `/run/secrets/<source>` for secrets; configs default to `/<source>` only when emitted. */
  target?: string;
  uid?: string;
  gid?: string;
  /** File mode as a number (a string in the file is octal, as in Compose). */
  mode?: number;
  extensions: Extensions;
}

/** A service's attachment to a network. */
export interface ServiceNetwork {
  aliases?: string[];
  ipv4_address?: string;
  ipv6_address?: string;
  link_local_ips?: string[];
  mac_address?: string;
  driver_opts?: Record<string, string>;
  priority?: number;
  gw_priority?: number;
  interface_name?: string;
  extensions: Extensions;
}

/** A `depends_on` entry, long syntax, defaults applied. */
export interface DependsOn {
  condition: 'service_started' | 'service_healthy' | 'service_completed_successfully';
  restart: boolean;
  required: boolean;
}

/** `healthcheck`, long syntax. A `NONE` test or `disable: true` becomes `disable: true` with no test. */
export interface Healthcheck {
  /** `['CMD', ...argv]` or `['CMD-SHELL', script]`; absent when only timings are overridden. */
  test?: string[];
  interval?: Duration;
  timeout?: Duration;
  retries?: number;
  start_period?: Duration;
  start_interval?: Duration;
  disable?: boolean;
  extensions: Extensions;
}

/** `deploy`, long syntax. */
export interface Deploy {
  mode?: string;
  replicas?: number;
  labels?: Record<string, string>;
  endpoint_mode?: string;
  update_config?: UpdateConfig;
  rollback_config?: UpdateConfig;
  resources?: {
    limits?: ResourceLimits;
    reservations?: ResourceReservations;
  };
  restart_policy?: {
    condition?: string;
    delay?: Duration;
    max_attempts?: number;
    window?: Duration;
  };
  placement?: {
    constraints?: string[];
    preferences?: { spread: string }[];
    max_replicas_per_node?: number;
  };
  extensions: Extensions;
}

/** `deploy.update_config` / `deploy.rollback_config`. */
export interface UpdateConfig {
  parallelism?: number;
  delay?: Duration;
  failure_action?: string;
  monitor?: Duration;
  max_failure_ratio?: number;
  order?: string;
}

/** `deploy.resources.limits`. */
export interface ResourceLimits {
  cpus?: number;
  memory?: ByteSize;
  pids?: number;
}

/** `deploy.resources.reservations`. */
export interface ResourceReservations {
  cpus?: number;
  memory?: ByteSize;
  generic_resources?: { discrete_resource_spec?: { kind: string; value: number } }[];
  devices?: DeviceRequest[];
}

/** A device request (`deploy.resources.reservations.devices` or `gpus`). `count: -1` means all. */
export interface DeviceRequest {
  capabilities?: string[];
  count?: number;
  device_ids?: string[];
  driver?: string;
  options?: Record<string, string>;
}

/** A ulimit: either one value for soft and hard, or both. */
export interface Ulimit {
  single?: number;
  soft?: number;
  hard?: number;
}

/** `logging`. */
export interface Logging {
  driver?: string;
  options?: Record<string, string>;
}

/** A `devices` entry, long syntax. */
export interface Device {
  source: string;
  target: string;
  permissions: string;
}

/** `blkio_config`. Rates are bytes per second or operations per second. */
export interface BlkioConfig {
  weight?: number;
  weight_device?: { path: string; weight: number }[];
  device_read_bps?: { path: string; rate: number }[];
  device_write_bps?: { path: string; rate: number }[];
  device_read_iops?: { path: string; rate: number }[];
  device_write_iops?: { path: string; rate: number }[];
}

/** A lifecycle hook (`post_start`, `pre_stop`, `pre_start`). */
export interface Hook {
  command: string[];
  user?: string;
  privileged?: boolean;
  working_dir?: string;
  environment?: Record<string, string | null>;
}

/** A service's use of a model. */
export interface ServiceModel {
  endpoint_var?: string;
  model_var?: string;
}

/** A top-level network. */
export interface Network {
  /** The network's real name: `<project>_<key>` unless set, or the key itself when external. */
  name: string;
  driver?: string;
  driver_opts?: Record<string, string>;
  external?: boolean;
  internal?: boolean;
  attachable?: boolean;
  enable_ipv4?: boolean;
  enable_ipv6?: boolean;
  ipam?: {
    driver?: string;
    config?: Record<string, unknown>[];
    options?: Record<string, string>;
  };
  labels?: Record<string, string>;
  extensions: Extensions;
}

/** A top-level named volume. */
export interface Volume {
  name: string;
  driver?: string;
  driver_opts?: Record<string, string>;
  external?: boolean;
  labels?: Record<string, string>;
  extensions: Extensions;
}

/** A top-level secret. Exactly one source among `file`, `environment`, `external`, `driver` applies. */
export interface Secret {
  name: string;
  /** Relative to the project dir. */
  file?: string;
  /** The name of the variable that holds the value. */
  environment?: string;
  /** The value, when it could be read: file contents or the variable's value. Never printed. */
  content?: Sensitive;
  external?: boolean;
  labels?: Record<string, string>;
  driver?: string;
  driver_opts?: Record<string, string>;
  template_driver?: string;
  extensions: Extensions;
}

/** A top-level config. Exactly one source among `file`, `environment`, `content`, `external` applies. */
export interface Config {
  name: string;
  /** Relative to the project dir. */
  file?: string;
  environment?: string;
  /** Inline content, or the variable's value for `environment:` configs. */
  content?: string;
  /** The file's bytes, when the file could be read (configs are not secret; they may still be binary). */
  file_content?: Uint8Array;
  external?: boolean;
  labels?: Record<string, string>;
  template_driver?: string;
  extensions: Extensions;
}

/** A top-level model (AI model runner). */
export interface Model {
  model: string;
  name?: string;
  context_size?: number;
  runtime_flags?: string[];
  extensions: Extensions;
}
