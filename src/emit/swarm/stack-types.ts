/**
 * The stack file `docker stack deploy` reads, as types: docker/cli's `config_schema_v3.13.json`, the newest v3
 * schema, which holds every field of the earlier versions (the fields each version lacks are `versions.ts`'s
 * business, not the types'). Field names, optionality and value types are the schema's: where it allows a string or
 * a number, so does the type. Only the places where the schema takes keys of the user's choosing (labels, driver and
 * logging options, sysctls, `x-` extension fields) have an index signature, so the compiler rejects a field the
 * schema does not know, or a misspelt one. Types only: nothing here exists at run time.
 */
import type { SwarmVersion } from './versions.js';

/** `x-*` fields, allowed with any value at the top level and in services, networks, volumes, secrets and configs. */
export type SwarmExtensions = { [field: `x-${string}`]: unknown };

/** The schema's `list_or_dict`: `KEY=value` strings, or a mapping whose values may be numbers or null. */
export type SwarmListOrDict = string[] | Record<string, string | number | null>;

/** Driver options (`driver_opts` of networks, volumes, secrets and service network attachments). */
export type SwarmDriverOpts = Record<string, string | number>;

/** A stack file. */
export interface SwarmStack extends SwarmExtensions {
  /** Required by the schemas up to 3.9, so always written. */
  version: SwarmVersion;
  services?: Record<string, SwarmService>;
  networks?: Record<string, SwarmNetwork | null>;
  volumes?: Record<string, SwarmVolume | null>;
  secrets?: Record<string, SwarmSecret>;
  configs?: Record<string, SwarmConfig>;
}

/** A service of a stack file. */
export interface SwarmService extends SwarmExtensions {
  deploy?: SwarmDeploy | null;
  build?: string | SwarmBuild;
  cap_add?: string[];
  cap_drop?: string[];
  cgroupns_mode?: string;
  cgroup_parent?: string;
  command?: string | string[];
  configs?: (string | SwarmFileRef)[];
  container_name?: string;
  credential_spec?: SwarmCredentialSpec;
  depends_on?: string[];
  devices?: string[];
  dns?: string | string[];
  dns_search?: string | string[];
  domainname?: string;
  entrypoint?: string | string[];
  env_file?: string | string[];
  environment?: SwarmListOrDict;
  expose?: (string | number)[];
  external_links?: string[];
  /** `host:ip` strings, or a mapping of host to address. */
  extra_hosts?: SwarmListOrDict;
  healthcheck?: SwarmHealthcheck;
  hostname?: string;
  image?: string;
  init?: boolean;
  ipc?: string;
  isolation?: string;
  labels?: SwarmListOrDict;
  links?: string[];
  logging?: SwarmLogging;
  mac_address?: string;
  network_mode?: string;
  /** Network keys, or a mapping of network key to the attachment's settings (null for none). */
  networks?: string[] | Record<string, SwarmServiceNetwork | null>;
  pid?: string | null;
  /** Short syntax (`8080:80/tcp`, or a bare number) or long syntax (since 3.2). */
  ports?: (number | string | SwarmPort)[];
  privileged?: boolean;
  read_only?: boolean;
  restart?: string;
  security_opt?: string[];
  shm_size?: number | string;
  secrets?: (string | SwarmFileRef)[];
  sysctls?: SwarmListOrDict;
  stdin_open?: boolean;
  /** A duration (`1m30s`). */
  stop_grace_period?: string;
  stop_signal?: string;
  tmpfs?: string | string[];
  tty?: boolean;
  /** One number for both limits, or both limits. */
  ulimits?: Record<string, number | SwarmUlimit>;
  oom_score_adj?: number;
  user?: string;
  userns_mode?: string;
  /** Short syntax (`source:target:ro`) or long syntax (since 3.2). */
  volumes?: (string | SwarmServiceVolume)[];
  working_dir?: string;
}

/** `build` in long syntax. The schema lets it hold fields of any name. */
export interface SwarmBuild {
  context?: string;
  dockerfile?: string;
  args?: SwarmListOrDict;
  labels?: SwarmListOrDict;
  cache_from?: string[];
  network?: string;
  target?: string;
  shm_size?: number | string;
  extra_hosts?: SwarmListOrDict;
  [field: string]: unknown;
}

/** A service's use of a secret or config, long syntax. */
export interface SwarmFileRef {
  source?: string;
  /** For secrets, a file name under `/run/secrets/`, or an absolute path. */
  target?: string;
  uid?: string;
  gid?: string;
  mode?: number;
}

/** `credential_spec` (Windows gMSA): one of a config, a file or a registry value. */
export interface SwarmCredentialSpec {
  config?: string;
  file?: string;
  registry?: string;
}

/** `healthcheck`. Durations are strings such as `30s`. */
export interface SwarmHealthcheck {
  disable?: boolean;
  interval?: string;
  retries?: number;
  test?: string | string[];
  timeout?: string;
  start_period?: string;
  start_interval?: string;
}

/** `logging`. */
export interface SwarmLogging {
  driver?: string;
  options?: Record<string, string | number | null>;
}

/** A service's attachment to a network, long syntax. */
export interface SwarmServiceNetwork {
  aliases?: string[];
  driver_opts?: SwarmDriverOpts;
  ipv4_address?: string;
  ipv6_address?: string;
}

/** A published port, long syntax. */
export interface SwarmPort {
  /** `ingress` (the routing mesh) or `host`. */
  mode?: string;
  target?: number;
  published?: number;
  protocol?: string;
}

/** A ulimit with separate soft and hard limits. */
export interface SwarmUlimit {
  soft: number;
  hard: number;
}

/** A service mount, long syntax. */
export interface SwarmServiceVolume {
  /** `volume`, `bind`, `tmpfs` or `npipe`. */
  type: string;
  source?: string;
  target?: string;
  read_only?: boolean;
  consistency?: string;
  bind?: { propagation?: string };
  volume?: { nocopy?: boolean };
  /** Since 3.6. `size` in bytes. */
  tmpfs?: { size?: number };
}

/** `deploy`. The schema allows no `x-` fields here. */
export interface SwarmDeploy {
  mode?: string;
  endpoint_mode?: string;
  replicas?: number;
  labels?: SwarmListOrDict;
  rollback_config?: SwarmUpdateConfig;
  update_config?: SwarmUpdateConfig;
  resources?: SwarmResources;
  restart_policy?: SwarmRestartPolicy;
  placement?: SwarmPlacement;
}

/** `deploy.update_config` and `deploy.rollback_config`. Durations are strings. */
export interface SwarmUpdateConfig {
  parallelism?: number;
  delay?: string;
  failure_action?: string;
  monitor?: string;
  max_failure_ratio?: number;
  order?: 'start-first' | 'stop-first';
}

/** `deploy.resources`. */
export interface SwarmResources {
  limits?: SwarmResourceLimits;
  reservations?: SwarmResourceReservations;
}

/** `deploy.resources.limits`. CPUs and memory are strings (`0.5`, `512M`). */
export interface SwarmResourceLimits {
  cpus?: string;
  memory?: string;
  pids?: number;
}

/** `deploy.resources.reservations`. */
export interface SwarmResourceReservations {
  cpus?: string;
  memory?: string;
  generic_resources?: SwarmGenericResource[];
}

/** A generic resource a node advertises (a GPU, say) and a task reserves. */
export interface SwarmGenericResource {
  discrete_resource_spec?: { kind?: string; value?: number };
}

/** `deploy.restart_policy`. Durations are strings. */
export interface SwarmRestartPolicy {
  /** `none`, `on-failure` or `any`. */
  condition?: string;
  delay?: string;
  max_attempts?: number;
  window?: string;
}

/** `deploy.placement`. */
export interface SwarmPlacement {
  constraints?: string[];
  preferences?: { spread?: string }[];
  max_replicas_per_node?: number;
}

/** A top-level network. */
export interface SwarmNetwork extends SwarmExtensions {
  name?: string;
  driver?: string;
  driver_opts?: SwarmDriverOpts;
  ipam?: {
    driver?: string;
    config?: { subnet?: string }[];
  };
  external?: boolean | { name?: string };
  internal?: boolean;
  attachable?: boolean;
  labels?: SwarmListOrDict;
}

/** A top-level volume. */
export interface SwarmVolume extends SwarmExtensions {
  name?: string;
  driver?: string;
  driver_opts?: SwarmDriverOpts;
  external?: boolean | { name?: string };
  labels?: SwarmListOrDict;
  /** Since 3.10: a cluster (CSI) volume's settings. */
  'x-cluster-spec'?: SwarmClusterSpec;
}

/** `x-cluster-spec` of a top-level volume. */
export interface SwarmClusterSpec {
  group?: string;
  access_mode?: {
    scope?: string;
    sharing?: string;
    /** The schema gives it no fields. */
    block_volume?: Record<string, unknown>;
    mount_volume?: { fs_type?: string; mount_flags?: string[] };
  };
  accessibility_requirements?: {
    requisite?: { segments?: SwarmListOrDict }[];
    preferred?: { segments?: SwarmListOrDict }[];
  };
  capacity_range?: { required_bytes?: string; limit_bytes?: string };
  availability?: string;
}

/** A top-level secret. */
export interface SwarmSecret extends SwarmExtensions {
  name?: string;
  file?: string;
  external?: boolean | { name?: string };
  labels?: SwarmListOrDict;
  driver?: string;
  driver_opts?: SwarmDriverOpts;
  template_driver?: string;
}

/** A top-level config. */
export interface SwarmConfig extends SwarmExtensions {
  name?: string;
  file?: string;
  external?: boolean | { name?: string };
  labels?: SwarmListOrDict;
  template_driver?: string;
}
