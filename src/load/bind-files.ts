/**
 * For `--bind-files configmap`: the bytes of every bind-mounted regular file inside the project, read through the
 * project-directory policy so the Kubernetes emitter (which sees only the IR) can put them into ConfigMaps.
 * Directories, missing files and paths outside the project are left alone: the emitter reports them.
 */
import path from 'node:path';
import type { Project, Service } from '../ir/types.js';
import type { FileAccess } from './file-access.js';
import { copyLocations } from '../diagnostics/locations.js';

/** A shallow copy that keeps the source positions recorded for the original. */
function copyWith<T extends object>(original: T, changes: Partial<T>): T {
  const copy = { ...original, ...changes };
  copyLocations(original, copy);
  return copy;
}

/**
 * True for a service (or a project with a service) labelled `kompose.volume.type: configMap`: Kompose's way to ask
 * for bind-mounted files as ConfigMaps, so those files are read even without `--bind-files configmap`.
 */
export function hasConfigMapVolumeLabel(of: Project | Service): boolean {
  if ('services' in of) return Object.values(of.services).some(hasConfigMapVolumeLabel);
  return of.labels['kompose.volume.type']?.trim().toLowerCase() === 'configmap';
}

/** Returns a copy of the project whose bind-mounted project files (of the services `only` picks) carry their content. */
export function loadBindFileContents(project: Project, access: FileAccess, only?: (s: Service) => boolean): Project {
  const entries = Object.entries(project.services).map(([name, service]): [string, Service] => {
    if (only !== undefined && !only(service)) return [name, service];
    const volumes = service.volumes.map((v) => {
      if (v.type !== 'bind' || !v.source || !v.source.startsWith('.')) return v;
      const absolute = path.resolve(project.projectDir, v.source);
      if (!access.exists(absolute)) return v;
      const read = access.read(absolute);
      if (!read.ok) return v;
      return copyWith(v, access.executable(absolute) ? { content: read.bytes, content_executable: true } : { content: read.bytes });
    });
    if (!volumes.some((v, i) => v !== service.volumes[i])) return [name, service];
    copyLocations(service.volumes, volumes);
    return [name, copyWith(service, { volumes })];
  });
  const services = Object.fromEntries(entries);
  copyLocations(project.services, services);
  return copyWith(project, { services });
}
