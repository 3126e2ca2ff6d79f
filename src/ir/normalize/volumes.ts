/** Service `volumes`, `tmpfs` and `volumes_from`, in long syntax with project-relative bind sources (§13, §15). */
import { isPlainObject } from '../../util/objects.js';
import type { ServiceVolume } from '../types.js';
import { cleanTarget, parseVolumeSpec } from '../values/volumes.js';
import { booleanFrom, extensionsOf, mapping, numberFrom, stringRecord, text, type Normalizer } from './context.js';

const TYPES = new Set(['volume', 'bind', 'tmpfs', 'npipe', 'cluster', 'image']);

/** Normalizes a service's `volumes`. */
export function normalizeServiceVolumes(n: Normalizer, value: unknown, service: string): ServiceVolume[] {
  if (!Array.isArray(value)) return [];
  const out: ServiceVolume[] = [];
  for (let i = 0; i < value.length; i++) {
    const entry: unknown = value[i];
    let volume: ServiceVolume | undefined;
    if (typeof entry === 'string') {
      const parsed = parseVolumeSpec(entry);
      if (parsed.ok) volume = parsed.value;
      else n.invalid('VOLUME_INVALID', volumeWhere(service, i), parsed.message, value, i);
    } else if (isPlainObject(entry)) volume = longVolume(n, entry, volumeWhere(service, i), value, i);
    if (!volume) continue;
    if (volume.type === 'bind' && volume.source !== undefined) volume.source = n.projectPath(volume.source);
    out.push(volume);
  }
  return out;
}

function volumeWhere(service: string, i: number): string {
  return `services.${service}.volumes[${i}]`;
}

function longVolume(n: Normalizer, entry: Record<string, unknown>, where: string, list: unknown[], i: number): ServiceVolume | undefined {
  const type = typeof entry.type === 'string' ? entry.type : 'volume';
  if (!TYPES.has(type)) {
    n.error('VOLUME_INVALID', `${where}: unknown volume type "${type}"`, entry, 'type');
    return undefined;
  }
  if (typeof entry.target !== 'string' || entry.target === '') {
    n.error('VOLUME_INVALID', `${where}: a target is required`, list, i);
    return undefined;
  }
  const volume: ServiceVolume = { type: type as ServiceVolume['type'], target: cleanTarget(entry.target), extensions: extensionsOf(entry) };
  if (typeof entry.source === 'string' && entry.source !== '') volume.source = entry.source;
  else if (type === 'bind') {
    n.error('VOLUME_INVALID', `${where}: a bind mount needs a source`, list, i);
    return undefined;
  }
  const readOnly = booleanFrom(entry.read_only);
  if (readOnly !== undefined) volume.read_only = readOnly;
  if (typeof entry.consistency === 'string') volume.consistency = entry.consistency;
  if (isPlainObject(entry.bind)) {
    const bind = entry.bind;
    volume.bind = { create_host_path: booleanFrom(bind.create_host_path) ?? true };
    if (typeof bind.propagation === 'string') volume.bind.propagation = bind.propagation;
    if (bind.selinux === 'z' || bind.selinux === 'Z') volume.bind.selinux = bind.selinux;
    if (typeof bind.recursive === 'string') volume.bind.recursive = bind.recursive;
  }
  if (isPlainObject(entry.volume)) {
    const v = entry.volume;
    volume.volume = {};
    const nocopy = booleanFrom(v.nocopy);
    if (nocopy !== undefined) volume.volume.nocopy = nocopy;
    if (typeof v.subpath === 'string') volume.volume.subpath = v.subpath;
    if (v.labels !== undefined) volume.volume.labels = stringRecord(v.labels);
  }
  if (isPlainObject(entry.tmpfs)) {
    const t = mapping(entry.tmpfs);
    volume.tmpfs = {};
    if (t.size !== undefined) {
      const size = n.parsed(n.byteSize(t.size as string | number), 'SIZE_INVALID', `${where}.tmpfs.size`, t, 'size');
      if (size !== undefined) volume.tmpfs.size = size;
    }
    const mode = numberFrom(t.mode);
    if (mode !== undefined) volume.tmpfs.mode = mode;
  }
  if (isPlainObject(entry.image) && typeof entry.image.subpath === 'string') volume.image = { subpath: entry.image.subpath };
  return volume;
}

/** `tmpfs`: a string or a list of strings, kept verbatim. */
export function normalizeTmpfs(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return (Array.isArray(value) ? value : [value]).map(text);
}
