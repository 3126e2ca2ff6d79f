/**
 * Top-level networks, volumes, secrets and configs for Swarm. Names stay Swarm's own (`<stack>_<key>`) unless the
 * user chose one; networks default to the overlay driver; secrets from variables become external secrets created
 * by a printed command (the value is never written); configs from content or variables become files beside the
 * stack file.
 */
import type { Project } from '../../ir/types.js';
import { sortedNames } from '../../util/strings.js';
import type { SwarmContext } from './context.js';

type Out = Record<string, unknown>;

/** True when the IR name is the default Compose gave the resource, so Swarm's own naming should apply. */
function defaultName(project: Project, key: string, name: string, external: boolean | undefined): boolean {
  return external ? name === key : name === `${project.name}_${key}`;
}

function named(c: SwarmContext, key: string, name: string, external: boolean | undefined, at: object, out: Out): void {
  if (defaultName(c.project, key, name, external)) return;
  const feature = at === c.project.volumes[key] ? 'volumeName' : 'resourceName';
  if (c.needs(feature, `name of ${key}`, at, 'name')) out.name = name;
}

/** Top-level networks. */
export function convertNetworks(c: SwarmContext): Record<string, Out> {
  const out: Record<string, Out> = {};
  for (const key of sortedNames(c.project.networks)) {
    const n = c.project.networks[key]!;
    const entry: Out = {};
    named(c, key, n.name, n.external, n, entry);
    if (n.external) entry.external = true;
    else entry.driver = n.driver ?? 'overlay';
    if (n.driver_opts !== undefined) entry.driver_opts = n.driver_opts;
    if (n.internal !== undefined) entry.internal = n.internal;
    if (n.attachable !== undefined && c.needs('attachable', `networks.${key}.attachable`, n, 'attachable')) entry.attachable = n.attachable;
    if (n.labels !== undefined) entry.labels = n.labels;
    if (n.ipam !== undefined) entry.ipam = ipam(c, key, n);
    for (const flag of ['enable_ipv4', 'enable_ipv6'] as const) {
      if (n[flag] !== undefined) c.report('warning', 'SWARM_UNSUPPORTED', `networks.${key}.${flag} is not supported by the v3 stack format; it is left out`, n, flag);
    }
    Object.assign(entry, c.extensions(n.extensions, `networks.${key}`, n, 'extensions'));
    out[key] = entry;
  }
  return out;
}

function ipam(c: SwarmContext, key: string, n: Project['networks'][string]): Out {
  const out: Out = {};
  if (n.ipam!.driver !== undefined) out.driver = n.ipam!.driver;
  if (n.ipam!.config !== undefined) {
    out.config = n.ipam!.config.map((entry) => {
      if (Object.keys(entry).some((k) => k !== 'subnet')) {
        c.report('warning', 'SWARM_IPAM', `networks.${key}.ipam.config: Swarm only applies subnet; the other settings are left out`, n, 'ipam');
      }
      return entry.subnet === undefined ? {} : { subnet: entry.subnet };
    });
  }
  return out;
}

/** Top-level volumes. */
export function convertVolumes(c: SwarmContext): Record<string, Out> {
  const out: Record<string, Out> = {};
  for (const key of sortedNames(c.project.volumes)) {
    const v = c.project.volumes[key]!;
    const entry: Out = {};
    named(c, key, v.name, v.external, v, entry);
    if (v.external) entry.external = true;
    if (v.driver !== undefined) entry.driver = v.driver;
    if (v.driver_opts !== undefined) entry.driver_opts = v.driver_opts;
    if (v.labels !== undefined) entry.labels = v.labels;
    Object.assign(entry, c.extensions(v.extensions, `volumes.${key}`, v, 'extensions'));
    out[key] = entry;
  }
  return out;
}

/** Top-level secrets. */
export function convertSecrets(c: SwarmContext): Record<string, Out> {
  const out: Record<string, Out> = {};
  const keys = sortedNames(c.project.secrets);
  if (keys.length > 0 && !c.needs('secrets', 'secrets', c.project, 'secrets')) return out;
  for (const key of keys) {
    const s = c.project.secrets[key]!;
    const entry: Out = {};
    if (s.environment !== undefined) {
      // A file would put the value on disk; an external secret created from the variable never does.
      entry.external = true;
      entry.name = s.name;
      c.commands.push(`printf '%s' "$${s.environment}" | docker secret create ${s.name} -`);
      c.report('info', 'SWARM_SECRET_FROM_ENV', `secrets.${key} comes from the variable ${s.environment}: create it once with the printed docker secret create command`, s, 'environment');
      out[key] = entry;
      continue;
    }
    named(c, key, s.name, s.external, s, entry);
    if (s.external) entry.external = true;
    if (s.file !== undefined) entry.file = c.path(s.file);
    if (s.driver !== undefined && c.needs('secretDriver', `secrets.${key}.driver`, s, 'driver')) {
      entry.driver = s.driver;
      if (s.driver_opts !== undefined) entry.driver_opts = s.driver_opts;
    }
    if (s.template_driver !== undefined && c.needs('templateDriver', `secrets.${key}.template_driver`, s, 'template_driver')) entry.template_driver = s.template_driver;
    if (s.labels !== undefined) entry.labels = s.labels;
    Object.assign(entry, c.extensions(s.extensions, `secrets.${key}`, s, 'extensions'));
    out[key] = entry;
  }
  return out;
}

/** Top-level configs. */
export function convertConfigs(c: SwarmContext): Record<string, Out> {
  const out: Record<string, Out> = {};
  const keys = sortedNames(c.project.configs);
  if (keys.length > 0 && !c.needs('configs', 'configs', c.project, 'configs')) return out;
  for (const key of keys) {
    const cfg = c.project.configs[key]!;
    const entry: Out = {};
    named(c, key, cfg.name, cfg.external, cfg, entry);
    if (cfg.external) entry.external = true;
    if (cfg.file !== undefined) entry.file = c.path(cfg.file);
    else if (cfg.content === undefined && !cfg.external) {
      c.report('error', 'SWARM_CONFIG_EMPTY', `configs.${key} has no content${cfg.environment !== undefined ? `: the variable ${cfg.environment} is not set` : ''}`, cfg, cfg.environment !== undefined ? 'environment' : 'name', cfg.environment !== undefined ? `set ${cfg.environment} when you run stackport` : undefined);
    } else if (cfg.content !== undefined) {
      if (c.options.toDirectory) {
        const file = `configs/${key}`;
        c.files[file] = cfg.content;
        entry.file = `./${file}`;
      } else {
        c.report('error', 'SWARM_CONFIG_NEEDS_DIRECTORY', `configs.${key} has inline content, which docker stack deploy cannot read; it must be written to a file`, cfg, cfg.environment !== undefined ? 'environment' : 'content', 'write the stack to a directory with -o DIR, and stackport writes the file beside it');
      }
    }
    if (cfg.template_driver !== undefined && c.needs('templateDriver', `configs.${key}.template_driver`, cfg, 'template_driver')) entry.template_driver = cfg.template_driver;
    if (cfg.labels !== undefined) entry.labels = cfg.labels;
    Object.assign(entry, c.extensions(cfg.extensions, `configs.${key}`, cfg, 'extensions'));
    out[key] = entry;
  }
  return out;
}
