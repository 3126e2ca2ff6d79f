/**
 * What every bind source is on this machine (a file, a directory, nothing), so emitters, which see only the IR,
 * can warn about sources an orchestrator would not create. Existence is not content: no file is read, and the
 * project-directory policy does not apply.
 */
import path from 'node:path';
import type { Project } from '../ir/types.js';
import type { Host } from './host.js';

/** The kind of each distinct bind source of the enabled services, keyed as the IR stores the source. */
export function statBindSources(project: Project, host: Host): NonNullable<Project['bind_sources']> {
  const out: NonNullable<Project['bind_sources']> = {};
  for (const service of Object.values(project.services)) {
    for (const v of service.volumes) {
      if (v.type !== 'bind' || v.source === undefined || Object.hasOwn(out, v.source)) continue;
      const absolute = absoluteSource(project.projectDir, v.source, host.homeDir());
      if (absolute !== undefined) Object.defineProperty(out, v.source, { value: host.stat(absolute), enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}

/** The absolute path of a stored bind source, or undefined for `~` without a known home directory. */
function absoluteSource(projectDir: string, source: string, home: string | undefined): string | undefined {
  if (source === '~' || source.startsWith('~/')) return home === undefined ? undefined : path.join(home, source.slice(1));
  if (source.startsWith('~')) return undefined;
  return path.resolve(projectDir, source);
}
