/**
 * stackport's JSON Schema of the Compose file format (draft 2020-12), built from small helpers so that each rule
 * reads as one line. `node scripts/build-schema.mjs` writes it to schemas/compose-spec.schema.json and compiles
 * the validator the loader uses. The rules follow the Compose Specification; a differential test checks that this
 * schema and the official one accept and reject the same documents.
 */

// Interpolated values arrive as strings, so most typed fields also accept a string (the loader casts them).
const str = { type: 'string' };
const bool = { type: ['boolean', 'string'] };
const int = { type: ['integer', 'string'] };
const num = { type: ['number', 'string'] };
const ref = (name) => ({ $ref: `#/$defs/${name}` });
const list = (items = str, unique = false) => (unique ? { type: 'array', items, uniqueItems: true } : { type: 'array', items });
const oneOf = (...options) => ({ oneOf: options });
const nullable = (schema) => ({ ...schema, type: [schema.type, 'null'] });
const enumOf = (...values) => ({ type: 'string', enum: values });
/** A closed mapping: only the listed keys and `x-*` extensions. */
const closed = (properties, extra = {}) => ({
  type: 'object',
  properties,
  additionalProperties: false,
  patternProperties: { '^x-': {} },
  ...extra,
});
/** A closed mapping that does not allow extensions. */
const strict = (properties, extra = {}) => ({ type: 'object', properties, additionalProperties: false, ...extra });
/** A mapping with user-chosen keys matching `pattern`. */
const keyed = (pattern, value, open = false) => ({
  type: 'object',
  patternProperties: { [pattern]: value },
  ...(open ? {} : { additionalProperties: false }),
});
const RESOURCE_NAME = '^[a-zA-Z0-9._-]+$';
const options = (value) => ({ type: 'object', patternProperties: { '^.+$': value } });
const externalFlag = { type: ['boolean', 'string', 'object'], properties: { name: str } };
const closedExternal = { ...externalFlag, additionalProperties: false, patternProperties: { '^x-': {} } };

const durations = { type: 'string' };

const updateConfig = closed({
  parallelism: int,
  delay: durations,
  failure_action: str,
  monitor: durations,
  max_failure_ratio: num,
  order: enumOf('start-first', 'stop-first'),
});

const deviceRequestProperties = {
  capabilities: ref('list_of_strings'),
  count: { type: ['string', 'integer'] },
  device_ids: ref('list_of_strings'),
  driver: str,
  options: ref('list_or_dict'),
};

const hookProperties = {
  command: ref('command'),
  user: str,
  privileged: bool,
  working_dir: str,
  environment: ref('list_or_dict'),
};

const service = closed({
  annotations: ref('list_or_dict'),
  attach: bool,
  blkio_config: strict({
    device_read_bps: list(ref('blkio_limit')),
    device_read_iops: list(ref('blkio_limit')),
    device_write_bps: list(ref('blkio_limit')),
    device_write_iops: list(ref('blkio_limit')),
    weight: int,
    weight_device: list(ref('blkio_weight')),
  }),
  build: oneOf(
    str,
    closed({
      context: str,
      dockerfile: str,
      dockerfile_inline: str,
      entitlements: list(),
      args: ref('list_or_dict'),
      ssh: ref('list_or_dict'),
      labels: ref('list_or_dict'),
      cache_from: list(),
      cache_to: list(),
      no_cache: bool,
      no_cache_filter: ref('string_or_list'),
      additional_contexts: ref('list_or_dict'),
      network: str,
      provenance: { type: ['string', 'boolean'] },
      sbom: { type: ['string', 'boolean'] },
      pull: bool,
      target: str,
      shm_size: int,
      extra_hosts: ref('extra_hosts'),
      isolation: str,
      privileged: bool,
      secrets: ref('service_config_or_secret'),
      tags: list(),
      ulimits: ref('ulimits'),
      platforms: list(),
    }),
  ),
  cap_add: list(str, true),
  cap_drop: list(str, true),
  cgroup: enumOf('host', 'private'),
  cgroup_parent: str,
  command: ref('command'),
  configs: ref('service_config_or_secret'),
  container_name: { type: 'string', pattern: '[a-zA-Z0-9][a-zA-Z0-9_.-]+' },
  cpu_count: oneOf(str, { type: 'integer', minimum: 0 }),
  cpu_percent: oneOf(str, { type: 'integer', minimum: 0, maximum: 100 }),
  cpu_period: num,
  cpu_quota: num,
  cpu_rt_period: num,
  cpu_rt_runtime: num,
  cpu_shares: num,
  cpus: num,
  cpuset: str,
  credential_spec: closed({ config: str, file: str, registry: str }),
  depends_on: oneOf(
    ref('list_of_strings'),
    keyed(RESOURCE_NAME, closed({ restart: bool, required: { type: 'boolean' }, condition: enumOf('service_started', 'service_healthy', 'service_completed_successfully') }, { required: ['condition'] })),
  ),
  deploy: ref('deployment'),
  develop: ref('development'),
  device_cgroup_rules: ref('list_of_strings'),
  devices: list(oneOf(str, closed({ source: str, target: str, permissions: str }, { required: ['source'] }))),
  dns: ref('string_or_list'),
  dns_opt: list(str, true),
  dns_search: ref('string_or_list'),
  domainname: str,
  entrypoint: ref('command'),
  env_file: ref('env_file'),
  environment: ref('list_or_dict'),
  expose: list({ type: ['string', 'number'] }, true),
  extends: oneOf(str, strict({ service: str, file: str }, { required: ['service'] })),
  external_links: list(str, true),
  extra_hosts: ref('extra_hosts'),
  gpus: ref('gpus'),
  group_add: list({ type: ['string', 'number'] }, true),
  healthcheck: ref('healthcheck'),
  hostname: str,
  image: str,
  init: bool,
  ipc: str,
  isolation: str,
  label_file: ref('label_file'),
  labels: ref('list_or_dict'),
  links: list(str, true),
  logging: closed({ driver: str, options: options({ type: ['string', 'number', 'null'] }) }),
  mac_address: str,
  mem_limit: num,
  mem_reservation: { type: ['string', 'integer'] },
  mem_swappiness: int,
  memswap_limit: num,
  models: oneOf(ref('list_of_strings'), keyed(RESOURCE_NAME, oneOf(closed({ endpoint_var: str, model_var: str }), { type: 'null' }), true)),
  network_mode: str,
  networks: oneOf(
    ref('list_of_strings'),
    keyed(
      RESOURCE_NAME,
      oneOf(
        closed({
          aliases: ref('list_of_strings'),
          interface_name: str,
          ipv4_address: str,
          ipv6_address: str,
          link_local_ips: ref('list_of_strings'),
          mac_address: str,
          driver_opts: options({ type: ['string', 'number'] }),
          priority: { type: 'number' },
          gw_priority: { type: 'number' },
        }),
        { type: 'null' },
      ),
    ),
  ),
  oom_kill_disable: bool,
  oom_score_adj: oneOf(str, { type: 'integer', minimum: -1000, maximum: 1000 }),
  pid: { type: ['string', 'null'] },
  pids_limit: num,
  platform: str,
  ports: list(
    oneOf(
      { type: 'number' },
      str,
      closed({ name: str, mode: str, host_ip: str, target: int, published: { type: ['string', 'integer'] }, protocol: str, app_protocol: str }),
    ),
    true,
  ),
  post_start: list(ref('service_hook')),
  pre_start: list(ref('pre_start_hook')),
  pre_stop: list(ref('service_hook')),
  privileged: bool,
  profiles: ref('list_of_strings'),
  provider: closed(
    { type: str, options: options(oneOf({ type: ['string', 'number', 'boolean'] }, list({ type: ['string', 'number', 'boolean'] }))) },
    { required: ['type'] },
  ),
  pull_policy: { type: 'string', pattern: 'always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+' },
  pull_refresh_after: str,
  read_only: bool,
  restart: str,
  runtime: str,
  scale: int,
  secrets: ref('service_config_or_secret'),
  security_opt: list(str, true),
  shm_size: num,
  stdin_open: bool,
  stop_grace_period: durations,
  stop_signal: str,
  storage_opt: { type: 'object' },
  sysctls: ref('list_or_dict'),
  tmpfs: ref('string_or_list'),
  tty: bool,
  ulimits: ref('ulimits'),
  use_api_socket: { type: 'boolean' },
  user: str,
  userns_mode: str,
  uts: str,
  volumes: list(
    oneOf(
      str,
      closed(
        {
          type: enumOf('bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image'),
          source: str,
          target: str,
          read_only: bool,
          consistency: str,
          bind: closed({ propagation: str, create_host_path: bool, recursive: enumOf('enabled', 'disabled', 'writable', 'readonly'), selinux: enumOf('z', 'Z') }),
          volume: closed({ labels: ref('list_or_dict'), nocopy: bool, subpath: str }),
          tmpfs: closed({ size: oneOf({ type: 'integer', minimum: 0 }, str), mode: num }),
          image: closed({ subpath: str }),
        },
        { required: ['type'] },
      ),
    ),
    true,
  ),
  volumes_from: list(str, true),
  working_dir: str,
});

const defs = {
  service,
  healthcheck: closed({
    disable: bool,
    interval: durations,
    retries: num,
    test: oneOf(str, list()),
    timeout: durations,
    start_period: durations,
    start_interval: durations,
  }),
  development: nullable(
    closed({
      watch: list(
        closed(
          {
            ignore: ref('string_or_list'),
            include: ref('string_or_list'),
            path: str,
            action: enumOf('rebuild', 'sync', 'restart', 'sync+restart', 'sync+exec'),
            target: str,
            exec: ref('service_hook'),
            initial_sync: { type: 'boolean' },
          },
          { required: ['path', 'action'] },
        ),
      ),
    }),
  ),
  deployment: nullable(
    closed({
      mode: str,
      endpoint_mode: str,
      replicas: int,
      labels: ref('list_or_dict'),
      rollback_config: updateConfig,
      update_config: updateConfig,
      resources: closed({
        limits: closed({ cpus: num, memory: str, pids: int }),
        reservations: closed({ cpus: num, memory: str, generic_resources: ref('generic_resources'), devices: ref('devices') }),
      }),
      restart_policy: closed({ condition: str, delay: durations, max_attempts: int, window: durations }),
      placement: closed({ constraints: list(), preferences: list(closed({ spread: str })), max_replicas_per_node: int }),
    }),
  ),
  generic_resources: list(closed({ discrete_resource_spec: closed({ kind: str, value: num }) })),
  devices: list(closed(deviceRequestProperties, { required: ['capabilities'] })),
  gpus: oneOf(enumOf('all'), {
    type: 'array',
    items: { type: 'object', properties: deviceRequestProperties },
    additionalProperties: false,
    patternProperties: { '^x-': {} },
  }),
  include: oneOf(str, strict({ path: ref('string_or_list'), env_file: ref('string_or_list'), project_directory: str })),
  network: nullable(
    closed({
      name: str,
      driver: str,
      driver_opts: options({ type: ['string', 'number'] }),
      ipam: closed({
        driver: str,
        config: list(closed({ subnet: str, ip_range: str, gateway: str, aux_addresses: keyed('^.+$', str) })),
        options: keyed('^.+$', str),
      }),
      external: closedExternal,
      internal: bool,
      enable_ipv4: bool,
      enable_ipv6: bool,
      attachable: bool,
      labels: ref('list_or_dict'),
    }),
  ),
  volume: nullable(
    closed({
      name: str,
      driver: str,
      driver_opts: options({ type: ['string', 'number'] }),
      external: closedExternal,
      labels: ref('list_or_dict'),
    }),
  ),
  secret: closed({
    name: str,
    environment: str,
    file: str,
    external: externalFlag,
    labels: ref('list_or_dict'),
    driver: str,
    driver_opts: options({ type: ['string', 'number'] }),
    template_driver: str,
  }),
  config: closed({
    name: str,
    content: str,
    environment: str,
    file: str,
    external: externalFlag,
    labels: ref('list_or_dict'),
    template_driver: str,
  }),
  model: closed({ name: str, model: str, context_size: { type: 'integer' }, runtime_flags: list() }, { required: ['model'] }),
  command: oneOf({ type: 'null' }, str, list()),
  service_hook: closed(hookProperties, { required: ['command'] }),
  pre_start_hook: closed({ ...hookProperties, image: str, per_replica: bool }),
  env_file: oneOf(str, list(oneOf(str, strict({ path: str, format: str, required: bool }, { required: ['path'] })))),
  label_file: oneOf(str, list()),
  string_or_list: oneOf(str, ref('list_of_strings')),
  list_of_strings: list(str, true),
  list_or_dict: oneOf(keyed('.+', { type: ['string', 'number', 'boolean', 'null'] }), list(str, true)),
  extra_hosts: oneOf(keyed('.+', oneOf(str, list())), list(str, true)),
  blkio_limit: strict({ path: str, rate: int }),
  blkio_weight: strict({ path: str, weight: int }),
  service_config_or_secret: list(oneOf(str, closed({ source: str, target: str, uid: str, gid: str, mode: num }))),
  ulimits: keyed('^[a-z]+$', oneOf(int, closed({ hard: int, soft: int }, { required: ['soft', 'hard'] })), true),
};

/** The whole schema. */
export const composeSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://stackport.dev/schemas/compose-spec.schema.json',
  title: 'Compose file (stackport)',
  type: 'object',
  properties: {
    version: str,
    name: str,
    include: list(ref('include')),
    services: keyed(RESOURCE_NAME, ref('service')),
    models: keyed(RESOURCE_NAME, ref('model'), true),
    networks: keyed(RESOURCE_NAME, ref('network'), true),
    volumes: keyed(RESOURCE_NAME, ref('volume')),
    secrets: keyed(RESOURCE_NAME, ref('secret')),
    configs: keyed(RESOURCE_NAME, ref('config')),
  },
  patternProperties: { '^x-': {} },
  additionalProperties: false,
  $defs: defs,
};
