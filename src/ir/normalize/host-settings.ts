/** Fields that tune the container's host: extra_hosts, ulimits, devices, logging, blkio, gpus, hooks (§13). */
import { isPlainObject, setOwn } from '../../util/objects.js';
import type { BlkioConfig, Device, DeviceRequest, Hook, Logging, Ulimit } from '../types.js';
import { parseByteSize } from '../values/bytes.js';
import { splitCommandLine } from '../values/shellwords.js';
import { booleanFrom, keyValueRecord, numberFrom, stringList, stringRecord, text, type Normalizer } from './context.js';
import { deviceRequest } from './deploy.js';

/** `extra_hosts` as host -> addresses; `host=ip`, `host:ip`, `h=ip1,ip2` and the mapping form are accepted. */
export function normalizeExtraHosts(n: Normalizer, value: unknown, where: string, container: object): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (host: string, ips: string[]) => {
    if (host === '' || /[:=]/.test(host)) {
      n.error('EXTRA_HOST_INVALID', `${where}.extra_hosts: bad host name "${host}"`, container, 'extra_hosts');
      return;
    }
    const clean = ips.map((ip) => ip.replace(/^\[(.*)\]$/, '$1')).filter((ip) => ip !== '');
    if (clean.length === 0) {
      n.error('EXTRA_HOST_INVALID', `${where}.extra_hosts: "${host}" is missing an IP address`, container, 'extra_hosts');
      return;
    }
    setOwn(out, host, [...(Object.prototype.hasOwnProperty.call(out, host) ? out[host]! : []), ...clean]);
  };
  if (isPlainObject(value)) {
    for (const host of Object.keys(value)) add(host, stringList(value[host]).flatMap((v) => v.split(',')));
  } else {
    for (const entry of stringList(value)) {
      const eq = entry.indexOf('=');
      const sep = eq >= 0 ? eq : entry.indexOf(':');
      if (sep < 0) add(entry, []);
      else add(entry.slice(0, sep), entry.slice(sep + 1).split(','));
    }
  }
  return out;
}

/** `ulimits`: a number is one value for soft and hard; a mapping has both. */
export function normalizeUlimits(value: unknown): Record<string, Ulimit> {
  const out: Record<string, Ulimit> = {};
  if (!isPlainObject(value)) return out;
  for (const name of Object.keys(value)) {
    const v = value[name];
    const single = numberFrom(v);
    if (single !== undefined) setOwn(out, name, { single });
    else if (isPlainObject(v)) {
      const limit: Ulimit = {};
      const soft = numberFrom(v.soft);
      const hard = numberFrom(v.hard);
      if (soft !== undefined) limit.soft = soft;
      if (hard !== undefined) limit.hard = hard;
      setOwn(out, name, limit);
    }
  }
  return out;
}

/** `devices`: `src[:dst[:perms]]` or the long form; the target defaults to the source, permissions to rwm. */
export function normalizeDevices(n: Normalizer, value: unknown, service: string): Device[] {
  if (!Array.isArray(value)) return [];
  const out: Device[] = [];
  value.forEach((entry, i) => {
    if (isPlainObject(entry)) {
      const source = text(entry.source ?? '');
      out.push({ source, target: typeof entry.target === 'string' ? entry.target : source, permissions: typeof entry.permissions === 'string' ? entry.permissions : 'rwm' });
      return;
    }
    const parts = text(entry).split(':');
    if (parts.length > 3) {
      n.error('DEVICE_INVALID', `services.${service}.devices[${i}]: confusing device mapping "${text(entry)}"; use the long syntax`, value, i);
      return;
    }
    out.push({ source: parts[0]!, target: parts[1] || parts[0]!, permissions: parts[2] || 'rwm' });
  });
  return out;
}

/** `logging`, with option values as strings. */
export function normalizeLogging(value: unknown): Logging | undefined {
  if (!isPlainObject(value)) return undefined;
  const out: Logging = {};
  if (typeof value.driver === 'string') out.driver = value.driver;
  if (value.options !== undefined && value.options !== null) out.options = stringRecord(value.options);
  return out;
}

/** `gpus`: `all` or a list of device requests. */
export function normalizeGpus(value: unknown): DeviceRequest[] | undefined {
  if (value === 'all') return [{ count: -1 }];
  if (!Array.isArray(value)) return undefined;
  return value.filter(isPlainObject).map(deviceRequest);
}

/** `blkio_config`, with rates in bytes per second where written as sizes. */
export function normalizeBlkio(n: Normalizer, value: unknown, service: string): BlkioConfig | undefined {
  if (!isPlainObject(value)) return undefined;
  const out: BlkioConfig = {};
  const weight = numberFrom(value.weight);
  if (weight !== undefined) out.weight = weight;
  if (Array.isArray(value.weight_device)) {
    out.weight_device = value.weight_device.filter(isPlainObject).map((d) => ({ path: text(d.path), weight: numberFrom(d.weight) ?? 0 }));
  }
  for (const key of ['device_read_bps', 'device_write_bps', 'device_read_iops', 'device_write_iops'] as const) {
    const list = value[key];
    if (!Array.isArray(list)) continue;
    out[key] = list.filter(isPlainObject).map((d) => {
      const rate = key.endsWith('bps') ? n.parsed(parseByteSize(d.rate as string | number), 'SIZE_INVALID', `services.${service}.blkio_config.${key}`, d, 'rate') : numberFrom(d.rate);
      return { path: text(d.path), rate: rate ?? 0 };
    });
  }
  return out;
}

/** Lifecycle hooks (`post_start`, `pre_stop`, `pre_start`). */
export function normalizeHooks(n: Normalizer, value: unknown, where: string): Hook[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isPlainObject).map((hook) => {
    const out: Hook = { command: commandList(n, hook.command, `${where}.command`, hook, 'command') ?? [] };
    if (typeof hook.user === 'string') out.user = hook.user;
    const privileged = booleanFrom(hook.privileged);
    if (privileged !== undefined) out.privileged = privileged;
    if (typeof hook.working_dir === 'string') out.working_dir = hook.working_dir;
    if (hook.environment !== undefined) out.environment = keyValueRecord<null>(hook.environment, null);
    return out;
  });
}

/** `command` / `entrypoint`: a string split as Compose splits it, a list as written, null as absent. */
export function commandList(n: Normalizer, value: unknown, where: string, container: object, key: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    const argv: string[] = [];
    for (let i = 0; i < value.length; i++) argv.push(text(value[i]));
    return argv;
  }
  const split = n.parsed(splitCommandLine(text(value)), 'COMMAND_INVALID', where, container, key);
  if (split?.dropped !== undefined) {
    // Compose drops the rest without a word; the user almost always meant a shell to run it.
    n.warn('COMMAND_CUT', `${where}: Compose splits this string without a shell, so only "${split.words.join(' ')}" runs and "${split.dropped}" is ignored`, container, key, `to run shell syntax, write ${key}: ["sh", "-c", ${JSON.stringify(text(value))}]`);
  }
  return split?.words;
}
