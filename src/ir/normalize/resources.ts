/**
 * Top-level networks, volumes, secrets, configs and models: real names (`<project>_<key>`, or the key itself when
 * external), deprecated `external: {name}` rewritten, and the contents of file- and environment-sourced secrets
 * and configs read (secrets wrapped so they cannot be printed by accident) (§13, §14, §17.2).
 */
import { isPlainObject, setOwn, type PlainObject } from '../../util/objects.js';
import type { Config, Model, Network, Secret, Volume } from '../types.js';
import { Sensitive } from '../sensitive.js';
import { booleanFrom, extensionsOf, mapping, numberFrom, stringList, stringRecord, type Normalizer } from './context.js';

/** Normalizes every entry of a top-level section with `normalizeOne`. */
export function normalizeSection<T>(
  n: Normalizer,
  value: unknown,
  normalizeOne: (n: Normalizer, key: string, raw: PlainObject, section: PlainObject) => T,
): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isPlainObject(value)) return out;
  for (const key of Object.keys(value)) setOwn(out, key, normalizeOne(n, key, mapping(value[key]), value));
  return out;
}

/** The real name of a resource, and whether it is external (handling the deprecated `external: {name}`). */
function identity(n: Normalizer, key: string, raw: PlainObject, kind: string): { name: string; external?: boolean } {
  let external = booleanFrom(raw.external);
  let name = typeof raw.name === 'string' ? raw.name : undefined;
  if (isPlainObject(raw.external)) {
    external = true;
    const legacy = typeof raw.external.name === 'string' ? raw.external.name : undefined;
    n.warn('EXTERNAL_NAME_DEPRECATED', `${kind}.${key}: external.name is deprecated; use name: with external: true`, raw, 'external');
    if (legacy !== undefined && name !== undefined && legacy !== name) {
      n.error('EXTERNAL_NAME_CONFLICT', `${kind}.${key}: name "${name}" and external.name "${legacy}" differ`, raw, 'external');
    }
    name ??= legacy;
  }
  const real = name ?? (external ? key : `${n.context.projectName}_${key}`);
  return external === undefined ? { name: real } : { name: real, external };
}

/** A top-level network. */
export function normalizeNetwork(n: Normalizer, key: string, raw: PlainObject): Network {
  const network: Network = { ...identity(n, key, raw, 'networks'), extensions: extensionsOf(raw) };
  if (typeof raw.driver === 'string') network.driver = raw.driver;
  if (raw.driver_opts !== undefined) network.driver_opts = stringRecord(raw.driver_opts);
  for (const flag of ['internal', 'attachable', 'enable_ipv4', 'enable_ipv6'] as const) {
    const b = booleanFrom(raw[flag]);
    if (b !== undefined) network[flag] = b;
  }
  if (isPlainObject(raw.ipam)) {
    network.ipam = {};
    if (typeof raw.ipam.driver === 'string') network.ipam.driver = raw.ipam.driver;
    if (Array.isArray(raw.ipam.config)) network.ipam.config = raw.ipam.config.filter(isPlainObject);
    if (raw.ipam.options !== undefined) network.ipam.options = stringRecord(raw.ipam.options);
  }
  if (raw.labels !== undefined) network.labels = stringRecord(raw.labels);
  return network;
}

/** A top-level volume. An external volume takes no other settings. */
export function normalizeVolume(n: Normalizer, key: string, raw: PlainObject): Volume {
  const volume: Volume = { ...identity(n, key, raw, 'volumes'), extensions: extensionsOf(raw) };
  if (volume.external) {
    const extra = Object.keys(raw).filter((k) => k !== 'external' && k !== 'name' && !k.startsWith('x-'));
    if (extra.length > 0) n.error('EXTERNAL_CONFLICT', `volumes.${key}: conflicting parameters "external" and "${extra[0]}" specified`, raw, extra[0]!);
  }
  if (typeof raw.driver === 'string') volume.driver = raw.driver;
  if (raw.driver_opts !== undefined) volume.driver_opts = stringRecord(raw.driver_opts);
  if (raw.labels !== undefined) volume.labels = stringRecord(raw.labels);
  return volume;
}

/** A top-level secret; its value is read when it comes from a file or a variable. */
export function normalizeSecret(n: Normalizer, key: string, raw: PlainObject): Secret {
  const secret: Secret = { ...identity(n, key, raw, 'secrets'), extensions: extensionsOf(raw) };
  if (typeof raw.file === 'string') {
    secret.file = n.projectPath(raw.file);
    const read = n.context.readFile(n.absolutePath(secret.file));
    if (read.ok) secret.content = new Sensitive(read.bytes);
    else n.error('SECRET_FILE_UNREADABLE', `secrets.${key}: cannot read ${secret.file}: ${read.message}`, raw, 'file');
  }
  if (typeof raw.environment === 'string') {
    secret.environment = raw.environment;
    const value = n.context.lookup(raw.environment);
    if (value !== undefined) secret.content = new Sensitive(new TextEncoder().encode(value));
    else n.warn('SECRET_VARIABLE_UNSET', `secrets.${key}: the variable ${raw.environment} is not set`, raw, 'environment');
  }
  if (raw.labels !== undefined) secret.labels = stringRecord(raw.labels);
  if (typeof raw.driver === 'string') secret.driver = raw.driver;
  if (raw.driver_opts !== undefined) secret.driver_opts = stringRecord(raw.driver_opts);
  if (typeof raw.template_driver === 'string') secret.template_driver = raw.template_driver;
  return secret;
}

/** A top-level config; file contents, inline content and variables are all read. */
export function normalizeConfig(n: Normalizer, key: string, raw: PlainObject): Config {
  const config: Config = { ...identity(n, key, raw, 'configs'), extensions: extensionsOf(raw) };
  if (typeof raw.file === 'string') {
    config.file = n.projectPath(raw.file);
    const read = n.context.readFile(n.absolutePath(config.file));
    if (read.ok) config.file_content = read.bytes;
    else n.error('CONFIG_FILE_UNREADABLE', `configs.${key}: cannot read ${config.file}: ${read.message}`, raw, 'file');
  }
  if (typeof raw.content === 'string') config.content = raw.content;
  if (typeof raw.environment === 'string') {
    config.environment = raw.environment;
    const value = n.context.lookup(raw.environment);
    if (value !== undefined) config.content = value;
    else n.warn('CONFIG_VARIABLE_UNSET', `configs.${key}: the variable ${raw.environment} is not set`, raw, 'environment');
  }
  if (raw.labels !== undefined) config.labels = stringRecord(raw.labels);
  if (typeof raw.template_driver === 'string') config.template_driver = raw.template_driver;
  return config;
}

/** A top-level model. */
export function normalizeModel(_n: Normalizer, key: string, raw: PlainObject): Model {
  const model: Model = { model: typeof raw.model === 'string' ? raw.model : key, extensions: extensionsOf(raw) };
  if (typeof raw.name === 'string') model.name = raw.name;
  const size = numberFrom(raw.context_size);
  if (size !== undefined) model.context_size = size;
  if (raw.runtime_flags !== undefined) model.runtime_flags = stringList(raw.runtime_flags);
  return model;
}
