/**
 * How Kompose's volume settings reach a mount: the volume kind (`--volumes`, `kompose.volume.type` on the service
 * or the volume) and the mount's subPath (`kompose.volume.subpath`). A volume's own label wins over the service's,
 * which wins over the command line.
 */
import type { Service, ServiceVolume } from '../../../ir/types.js';
import type { KubeContext } from '../context.js';
import { komposeService, komposeVolume, type VolumeKind } from './service.js';

/** The kind a mount's volume should be, or undefined for stackport's default for its type. */
export function volumeKindFor(c: KubeContext, s: Service, v: ServiceVolume): VolumeKind | undefined {
  const own = v.type === 'volume' && v.source !== undefined ? komposeVolume(c, v.source, c.project.volumes[v.source]).type : undefined;
  return own ?? komposeService(c, s).storage.type ?? c.options.volumes;
}

/** The subPath Kompose's labels give a mount, or undefined. Compose's own `volume.subpath` is applied before this. */
export function subPathFor(c: KubeContext, s: Service, v: ServiceVolume): string | undefined {
  const own = v.type === 'volume' && v.source !== undefined ? komposeVolume(c, v.source, c.project.volumes[v.source]).subpath : undefined;
  return own ?? komposeService(c, s).storage.subpath;
}
