/**
 * Service mounts as pod volumes: named volumes -> PersistentVolumeClaims, anonymous volumes -> emptyDir, tmpfs ->
 * memory-backed emptyDir, bind mounts -> hostPath (with a warning) or a ConfigMap for a project file when asked,
 * secrets and configs -> single files at the path Compose uses.
 */
import path from 'node:path';
import type { Service, ServiceFileRef, ServiceVolume } from '../../ir/types.js';
import { parseByteSize } from '../../ir/values/bytes.js';
import type { KubeContext } from './context.js';
import { volumeSettings } from './extension.js';
import { subPathFor, volumeKindFor } from './kompose/storage.js';
import { dnsLabel, isKeyCharacter, shortHash } from './names.js';
import { memoryQuantity } from './quantities.js';
import type { V1EmptyDirVolumeSource, V1KeyToPath, V1Volume, V1VolumeMount } from '@kubernetes/client-node';
import type { ConfigMap } from './types.js';

/** A pod volume and its mount into the service's container. */
export interface Mount {
  volume: V1Volume;
  mount: V1VolumeMount;
}

/** What a service's storage adds: pod volumes with mounts, claims for StatefulSets, and objects to emit. */
export interface ServiceStorage {
  mounts: Mount[];
  /** Named volumes this service claims (for volumeClaimTemplates or PVCs). */
  claims: { key: string; claimName: string; readWriteOnce: boolean }[];
  objects: ConfigMap[];
}

/** Where relative bind sources are expected on nodes: a fixed root, so output never holds this machine's paths. */
export const NODE_PROJECT_ROOT = '/srv/stackport';

/** Builds a service's mounts. */
export function serviceStorage(c: KubeContext, s: Service): ServiceStorage {
  const out: ServiceStorage = { mounts: [], claims: [], objects: [] };
  for (let i = 0; i < s.volumes.length; i++) addVolume(c, s, s.volumes[i]!, i, out);
  for (const entry of s.tmpfs ?? []) addTmpfs(c, s, entry, out);
  for (let i = 0; i < s.secrets.length; i++) out.mounts.push(fileMount(c, s, s.secrets[i]!, 'secret'));
  for (let i = 0; i < s.configs.length; i++) out.mounts.push(fileMount(c, s, s.configs[i]!, 'config'));
  if (s.volumes_from !== undefined && s.volumes_from.length > 0) {
    c.report('warning', 'K8S_UNSUPPORTED', `services.${s.name}.volumes_from has no Kubernetes equivalent; mount the same named volumes explicitly`, s, 'volumes_from');
  }
  return out;
}

/** A `tmpfs:` entry (`/path[:options]`): a memory-backed emptyDir. */
function addTmpfs(c: KubeContext, s: Service, entry: string, out: ServiceStorage): void {
  const [target, options] = entry.split(':', 2) as [string, string | undefined];
  const size = /(?:^|,)size=([^,]+)/.exec(options ?? '')?.[1];
  const mode = /(?:^|,)mode=([^,]+)/.exec(options ?? '')?.[1];
  if (mode !== undefined) reportTmpfsMode(c, s, 'tmpfs', target, mode);
  const bytes = size ? parseByteSize(size) : undefined;
  const emptyDir: V1EmptyDirVolumeSource = { medium: 'Memory' };
  if (bytes?.ok) emptyDir.sizeLimit = memoryQuantity(bytes.value);
  const name = dnsLabel(`tmpfs-${shortHash(target)}`);
  out.mounts.push({ volume: { emptyDir, name }, mount: { mountPath: target, name } });
}

/**
 * A tmpfs `mode`: an emptyDir has none (Kubernetes makes it world-writable, 0777), so a mode that narrows access
 * (such as 0700) is lost.
 */
function reportTmpfsMode(c: KubeContext, s: Service, key: 'tmpfs' | 'volumes', target: string, mode: string): void {
  c.report(
    'warning',
    'K8S_TMPFS_MODE',
    `services.${s.name}.${key}: the tmpfs at ${target} asks for mode ${mode}, and a Kubernetes emptyDir has no mode (it is created 0777), so the mode is left out`,
    s,
    key,
    `chmod ${mode} ${target} in the entrypoint or an init container if the mode matters`,
  );
}

/**
 * The mount of a volume into the container; `subPath` (a ConfigMap key) replaces the volume's own subpath when
 * given, which replaces Kompose's `kompose.volume.subpath`.
 */
function mountOf(c: KubeContext, s: Service, v: ServiceVolume, name: string, subPath?: string): V1VolumeMount {
  const mount: V1VolumeMount = { mountPath: v.target, name };
  if (v.read_only) mount.readOnly = true;
  const labelled = subPath === undefined && !v.volume?.subpath ? subPathFor(c, s, v) : undefined;
  if (subPath !== undefined) mount.subPath = subPath;
  else if (v.volume?.subpath) mount.subPath = v.volume.subpath;
  else if (labelled !== undefined) mount.subPath = labelled;
  return mount;
}

function addVolume(c: KubeContext, s: Service, v: ServiceVolume, index: number, out: ServiceStorage): void {
  switch (v.type) {
    case 'volume': {
      if (v.source === undefined) {
        const name = dnsLabel(`anon-${shortHash(`${index}:${v.target}`)}`);
        out.mounts.push({ volume: { emptyDir: {}, name }, mount: mountOf(c, s, v, name) });
        return;
      }
      const top = c.project.volumes[v.source];
      const claimName = c.dnsLabel(top?.external ? top.name : v.source);
      const kind = top?.external ? undefined : volumeKindFor(c, s, v);
      if (kind === 'emptyDir' || kind === 'hostPath') {
        out.mounts.push({ volume: { ...namedVolumeSource(c, s, v.source, kind), name: claimName }, mount: mountOf(c, s, v, claimName) });
        return;
      }
      const rwo = volumeSettings(c, v.source, top).accessModes.includes('ReadWriteOnce');
      out.claims.push({ key: v.source, claimName, readWriteOnce: rwo && !top?.external });
      out.mounts.push({ volume: { name: claimName, persistentVolumeClaim: { claimName } }, mount: mountOf(c, s, v, claimName) });
      return;
    }
    case 'tmpfs': {
      const emptyDir: V1EmptyDirVolumeSource = { medium: 'Memory' };
      if (v.tmpfs?.size !== undefined) emptyDir.sizeLimit = memoryQuantity(v.tmpfs.size);
      if (v.tmpfs?.mode !== undefined) reportTmpfsMode(c, s, 'volumes', v.target, String(v.tmpfs.mode));
      const name = dnsLabel(`tmpfs-${shortHash(v.target)}`);
      out.mounts.push({ volume: { emptyDir, name }, mount: mountOf(c, s, v, name) });
      return;
    }
    case 'bind':
      bindMount(c, s, v, out);
      return;
    default:
      c.report('warning', 'K8S_UNSUPPORTED', `services.${s.name}.volumes: a ${v.type} mount at ${v.target} has no Kubernetes equivalent; it is left out`, s, 'volumes');
  }
}

/**
 * A named volume as `--volumes emptyDir|hostPath` or `kompose.volume.type` asks: scratch space that lives as long as
 * the pod, or a directory on the node. Either way the data is no longer the volume Compose keeps, so say so.
 */
function namedVolumeSource(c: KubeContext, s: Service, key: string, kind: 'emptyDir' | 'hostPath'): Omit<V1Volume, 'name'> {
  if (kind === 'emptyDir') {
    c.report('info', 'K8S_VOLUME_EMPTYDIR', `services.${s.name}.volumes: volume ${key} becomes an emptyDir as asked; its data is lost when the pod goes`, s, 'volumes');
    return { emptyDir: {} };
  }
  const hostPath = path.posix.join(NODE_PROJECT_ROOT, c.project.name, 'volumes', key);
  c.report('warning', 'K8S_VOLUME_HOSTPATH', `services.${s.name}.volumes: volume ${key} becomes the hostPath ${hostPath} as asked; its data stays on whichever node runs the pod`, s, 'volumes');
  return { hostPath: { path: hostPath, type: 'DirectoryOrCreate' } };
}

/** The API server refuses a ConfigMap over 1 MiB (data and metadata together); this leaves room for the metadata. */
const CONFIGMAP_DATA_LIMIT = 1024 * 1024 - 16 * 1024;

/** True when a bound file fits in a ConfigMap; otherwise reports that it stays a hostPath volume. */
function fitsConfigMap(c: KubeContext, s: Service, source: string, content: Uint8Array): boolean {
  // Binary content is stored base64-encoded, a third larger.
  const size = decodesAsText(content) ? content.length : Math.ceil(content.length / 3) * 4;
  if (size <= CONFIGMAP_DATA_LIMIT) return true;
  c.report('warning', 'K8S_CONFIGMAP_TOO_LARGE', `services.${s.name}.volumes: ${source} (${content.length} bytes) is too large for a ConfigMap, which the API server limits to 1 MiB; it stays a hostPath volume`, s, 'volumes', 'ship the file in the image, or in a volume populated by an init container');
  return false;
}

function decodesAsText(bytes: Uint8Array): boolean {
  return decodeUtf8(bytes) !== undefined;
}

function bindMount(c: KubeContext, s: Service, v: ServiceVolume, out: ServiceStorage): void {
  const source = v.source ?? '';
  const name = dnsLabel(`bind-${shortHash(`${source}:${v.target}`)}`);
  const kind = volumeKindFor(c, s, v);
  if ((c.options.bindFiles === 'configmap' || kind === 'configMap') && v.content !== undefined && fitsConfigMap(c, s, source, v.content)) {
    const key = dnsKey(path.posix.basename(source));
    const base = dnsLabel(`${s.name}-${path.posix.basename(source)}`);
    // Two bound files with one base name (./prod/settings.json, ./dev/settings.json) must not share a ConfigMap.
    const taken = out.objects.some((o) => o.kind === 'ConfigMap' && o.metadata.name === base);
    const configMap = configMapOf(c, taken ? dnsLabel(`${base}-${shortHash(source)}`) : base, s.name, key, v.content);
    out.objects.push(configMap);
    // ConfigMap files are 0644 by default: a bound script would no longer run (permission denied).
    const configMapVolume = v.content_executable ? { defaultMode: 0o755, name: configMap.metadata.name } : { name: configMap.metadata.name };
    out.mounts.push({ volume: { configMap: configMapVolume, name }, mount: mountOf(c, s, v, name, key) });
    return;
  }
  if (kind === 'emptyDir') {
    c.report('warning', 'K8S_BIND_EMPTYDIR', `services.${s.name}.volumes: the bind mount ${source} becomes an empty emptyDir as asked; the files at ${source} are not in it`, s, 'volumes');
    out.mounts.push({ volume: { emptyDir: {}, name }, mount: mountOf(c, s, v, name) });
    return;
  }
  const hostPath = nodePath(c, source);
  c.report(
    'warning',
    'K8S_BIND_MOUNT',
    `services.${s.name}.volumes: the bind mount ${source} becomes a hostPath volume at ${hostPath}, which must exist on the node that runs the pod`,
    s,
    'volumes',
    v.content !== undefined ? 'use --bind-files configmap to ship this file as a ConfigMap instead' : 'use a named volume, or a config for files',
  );
  out.mounts.push({ volume: { hostPath: { path: hostPath }, name }, mount: mountOf(c, s, v, name) });
}

/** Where a bind source is found on a node: relative and `~` paths under {@link NODE_PROJECT_ROOT}. */
function nodePath(c: KubeContext, source: string): string {
  const relative = source.startsWith('./') || source.startsWith('../') || source === '.';
  if (relative) return path.posix.join(NODE_PROJECT_ROOT, c.project.name, source);
  if (source.startsWith('~')) return path.posix.join(NODE_PROJECT_ROOT, c.project.name, 'home', source.slice(1));
  return source;
}

/** A ConfigMap holding one file; binary content goes to binaryData. */
export function configMapOf(c: KubeContext, name: string, component: string | undefined, key: string, content: Uint8Array | string): ConfigMap {
  const metadata = c.metadata(name, component);
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const text = decodeUtf8(bytes);
  if (text !== undefined) return { apiVersion: 'v1', data: { [key]: text }, kind: 'ConfigMap', metadata };
  return { apiVersion: 'v1', binaryData: { [key]: Buffer.from(bytes).toString('base64') }, kind: 'ConfigMap', metadata };
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A ConfigMap or Secret key: `[-._a-zA-Z0-9]+`. */
export function dnsKey(name: string): string {
  if (isKeyText(name)) return name;
  const clean = name.replace(/[^-._a-zA-Z0-9]+/g, '-');
  return clean === '' || clean === '.' || clean === '..' ? 'file' : clean;
}

/** True for a name {@link dnsKey} returns unchanged: a valid key other than `.` and `..`. */
function isKeyText(name: string): boolean {
  if (name === '' || name === '.' || name === '..') return false;
  for (let i = 0; i < name.length; i++) if (!isKeyCharacter(name.charCodeAt(i))) return false;
  return true;
}

/** The Kubernetes object name of a Compose secret or config. */
export function fileObjectName(c: KubeContext, kind: 'secret' | 'config', key: string): string {
  const top = kind === 'secret' ? c.project.secrets[key] : c.project.configs[key];
  return c.dnsLabel(top?.external ? top.name : key);
}

function fileMount(c: KubeContext, s: Service, ref: ServiceFileRef, kind: 'secret' | 'config'): Mount {
  const objectName = fileObjectName(c, kind, ref.source);
  const target = ref.target ?? `/${ref.source}`;
  const key = dnsKey(ref.source);
  const permissionBits = ref.mode !== undefined && ref.mode >= 0 && ref.mode <= 0o777;
  // A volume carries one mode per item: two mounts of one secret with different modes need a volume each, or
  // both files get the first one's mode.
  const name = c.dnsLabel(permissionBits ? `${kind}-${ref.source}-${ref.mode!.toString(8)}` : `${kind}-${ref.source}`);
  const item: V1KeyToPath = permissionBits ? { key, mode: ref.mode, path: key } : { key, path: key };
  if (ref.mode !== undefined && !permissionBits) {
    // Kubernetes takes permission bits only (0 to 0777); setuid, sticky and larger values are refused.
    c.report('warning', 'K8S_FILE_MODE', `services.${s.name}.${kind}s: mode ${ref.mode.toString(8)} of ${ref.source} is outside 0 to 0777 and is left out (the default 0644 applies)`, s, `${kind}s`);
  }
  if (ref.uid !== undefined || ref.gid !== undefined) {
    c.report('info', 'K8S_FILE_OWNER', `services.${s.name}.${kind}s: uid/gid of ${ref.source} cannot be set per file; use the pod's fsGroup`, s, `${kind}s`);
  }
  const volume: V1Volume = kind === 'secret' ? { name, secret: { items: [item], secretName: objectName } } : { configMap: { items: [item], name: objectName }, name };
  return { volume, mount: { mountPath: target, name, readOnly: true, subPath: key } };
}
