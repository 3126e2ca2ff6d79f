/**
 * Top-level networks, volumes, secrets and configs for Swarm. Networks and volumes keep Swarm's own names
 * (`<stack>_<key>`) unless the user chose one, and networks default to the overlay driver. Configs and secrets whose
 * content stackport read are named by it (`<project>_<key>_<hash>`), so a redeploy after an edit works; secrets from
 * variables become external secrets created by a printed command (the value is never written); configs from
 * content or variables become files beside the stack file.
 */
import type { Network, Project, Secret } from '../../ir/types.js';
import { setOwn } from '../../util/objects.js';
import { sortedNames } from '../../util/strings.js';
import type { SwarmContext } from './context.js';
import { contentHash, contentName } from './names.js';
import { reportNodeLocalSharing } from './volume-sharing.js';
import type { SwarmConfig, SwarmNetwork, SwarmSecret, SwarmVolume } from './stack-types.js';
import { supports } from './versions.js';

/** True when the IR name is the default Compose gave the resource, so Swarm's own naming should apply. */
function defaultName(project: Project, key: string, name: string, external: boolean | undefined): boolean {
  return external ? name === key : name === `${project.name}_${key}`;
}

/** Sets `name` on an entry whose name is not the one Swarm would give it anyway. */
function named(c: SwarmContext, key: string, name: string, external: boolean | undefined, at: object, out: { name?: string }): void {
  if (defaultName(c.project, key, name, external)) return;
  const feature = at === c.project.volumes[key] ? 'volumeName' : 'resourceName';
  if (c.needs(feature, `name of ${key}`, at, 'name')) out.name = name;
}

/** Top-level networks. */
export function convertNetworks(c: SwarmContext): Record<string, SwarmNetwork> {
  const out: Record<string, SwarmNetwork> = {};
  for (const key of sortedNames(c.project.networks)) {
    const n = c.project.networks[key]!;
    const entry: SwarmNetwork = {};
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
    setOwn(out, key, entry);
  }
  const host = c.hostNetwork;
  if (host !== undefined && !Object.prototype.hasOwnProperty.call(out, host)) {
    // Swarm lets services join its predefined host network when the stack declares it external.
    setOwn(out, host, host === 'host' || !c.needs('resourceName', 'the host network under another key', c.project, 'networks') ? { external: true } : { external: true, name: 'host' });
  }
  return out;
}

/** A network's IPAM settings; Swarm applies only the driver and each pool's subnet. */
function ipam(c: SwarmContext, key: string, n: Network): NonNullable<SwarmNetwork['ipam']> {
  const out: NonNullable<SwarmNetwork['ipam']> = {};
  if (n.ipam!.driver !== undefined) out.driver = n.ipam!.driver;
  if (n.ipam!.options !== undefined && Object.keys(n.ipam!.options).length > 0) {
    c.report('warning', 'SWARM_IPAM', `networks.${key}.ipam.options: the v3 stack format has no IPAM driver options; they are left out`, n, 'ipam', 'create the network yourself with docker network create --ipam-opt, and mark it external');
  }
  if (n.ipam!.config !== undefined) {
    out.config = n.ipam!.config.map((entry) => {
      if (Object.keys(entry).some((k) => k !== 'subnet')) {
        c.report('warning', 'SWARM_IPAM', `networks.${key}.ipam.config: Swarm only applies subnet; the other settings are left out`, n, 'ipam');
      }
      // Loading checked that a subnet is a string.
      return typeof entry.subnet === 'string' ? { subnet: entry.subnet } : {};
    });
  }
  return out;
}

/** Top-level volumes. */
export function convertVolumes(c: SwarmContext): Record<string, SwarmVolume> {
  const out: Record<string, SwarmVolume> = {};
  for (const key of sortedNames(c.project.volumes)) {
    const v = c.project.volumes[key]!;
    const entry: SwarmVolume = {};
    named(c, key, v.name, v.external, v, entry);
    if (v.external) entry.external = true;
    if (v.driver !== undefined) entry.driver = v.driver;
    if (v.driver_opts !== undefined) entry.driver_opts = v.driver_opts;
    if (v.labels !== undefined) entry.labels = v.labels;
    Object.assign(entry, c.extensions(v.extensions, `volumes.${key}`, v, 'extensions'));
    reportNodeLocalSharing(c, key, v);
    setOwn(out, key, entry);
  }
  return out;
}

/**
 * The name of a config or secret whose content stackport knows: the name Compose gives it (`<project>_<key>`, or
 * the user's `name:`) with a short hash of the content, so that new content is a new Swarm object (see names.ts).
 * Reports an error at the entry when Swarm would reject the name, and a warning when the target version cannot
 * name objects at all.
 */
function nameByContent(c: SwarmContext, kind: 'configs' | 'secrets', key: string, entry: { name: string }, content: Uint8Array | string, out: { name?: string }): void {
  if (!supports(c.version, 'resourceName')) {
    c.report('warning', 'SWARM_VERSION_TOO_OLD', `${kind}.${key}: naming it by its content needs stack file version 3.5 or later; with version ${c.version}, a redeploy after its content changes fails (Swarm cannot update the data of an existing ${kind === 'configs' ? 'config' : 'secret'})`, entry, 'name', 'use --swarm-version 3.5 or later');
    return;
  }
  const name = contentName(entry.name, contentHash(content));
  if (name === undefined) {
    c.report('error', 'SWARM_RESOURCE_NAME', `${kind}.${key}: Swarm rejects the name ${entry.name}: it may only hold letters, digits, "-", "_" and ".", and must start and end with a letter or digit`, entry, 'name', 'set name: to a name Swarm accepts');
    return;
  }
  out.name = name;
}

/** Top-level secrets. */
export function convertSecrets(c: SwarmContext): Record<string, SwarmSecret> {
  const out: Record<string, SwarmSecret> = {};
  const keys = sortedNames(c.project.secrets);
  if (keys.length > 0 && !c.needs('secrets', 'secrets', c.project, 'secrets')) return out;
  for (const key of keys) {
    const s = c.project.secrets[key]!;
    const entry: SwarmSecret = {};
    if (s.environment !== undefined) {
      setOwn(out, key, environmentSecret(c, key, s));
      continue;
    }
    if (s.file !== undefined && s.content !== undefined && !s.external) nameByContent(c, 'secrets', key, s, s.content.reveal(), entry);
    else named(c, key, s.name, s.external, s, entry);
    if (s.external) entry.external = true;
    if (s.file !== undefined) entry.file = c.path(s.file);
    if (s.driver !== undefined && c.needs('secretDriver', `secrets.${key}.driver`, s, 'driver')) {
      entry.driver = s.driver;
      if (s.driver_opts !== undefined) entry.driver_opts = s.driver_opts;
    }
    if (s.template_driver !== undefined && c.needs('templateDriver', `secrets.${key}.template_driver`, s, 'template_driver')) entry.template_driver = s.template_driver;
    if (s.labels !== undefined) entry.labels = s.labels;
    Object.assign(entry, c.extensions(s.extensions, `secrets.${key}`, s, 'extensions'));
    setOwn(out, key, entry);
  }
  return out;
}

/**
 * A secret read from a variable. Its value must not be written to disk, and `docker stack deploy` cannot read it
 * from a variable, so it becomes an external secret the user creates first. The printed command has stackport
 * read the value the way Compose did (the shell, then `.env` and `--env-file`) and pipe it to `docker secret
 * create`: it works when the variable is only in `.env`, and the value never reaches the terminal.
 */
function environmentSecret(c: SwarmContext, key: string, s: Secret): SwarmSecret {
  if (s.content === undefined) {
    c.report('error', 'SWARM_SECRET_VARIABLE_UNSET', `secrets.${key} comes from the variable ${s.environment}, which is not set, so the secret would be empty (docker secret create refuses empty data)`, s, 'environment', `set ${s.environment} in the environment or in .env when you run stackport`);
    return { external: true };
  }
  const entry: SwarmSecret = { external: true };
  nameByContent(c, 'secrets', key, s, s.content.reveal(), entry);
  const name = entry.name ?? s.name;
  entry.name = name;
  const args = (c.options.loadingArgs ?? []).map(shellQuote);
  c.commands.push(['stackport', 'secret', shellQuote(key), ...args].join(' ') + ` | docker secret create ${name} -`);
  c.report('info', 'SWARM_SECRET_FROM_ENV', `secrets.${key} comes from the variable ${s.environment}: create the secret ${name} once with the printed command before docker stack deploy`, s, 'environment');
  return entry;
}

/** Quotes an argument for a POSIX shell only when it needs it. */
function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Top-level configs. */
export function convertConfigs(c: SwarmContext): Record<string, SwarmConfig> {
  const out: Record<string, SwarmConfig> = {};
  const keys = sortedNames(c.project.configs);
  if (keys.length > 0 && !c.needs('configs', 'configs', c.project, 'configs')) return out;
  for (const key of keys) {
    const cfg = c.project.configs[key]!;
    const entry: SwarmConfig = {};
    const content = cfg.file !== undefined ? cfg.file_content : cfg.content;
    if (content !== undefined && !cfg.external) nameByContent(c, 'configs', key, cfg, content, entry);
    else named(c, key, cfg.name, cfg.external, cfg, entry);
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
    setOwn(out, key, entry);
  }
  return out;
}
