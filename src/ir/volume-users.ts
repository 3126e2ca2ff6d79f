/**
 * Which services mount each named volume: both targets ask (a Kubernetes claim shared by several services, a
 * Swarm local volume copied per node). Worked out once per project, since asking every service about every volume
 * would be quadratic in a project with a volume per service.
 */
import { sortedNames } from '../util/strings.js';
import type { Project } from './types.js';

const usersByProject = new WeakMap<Project, Map<string, string[]>>();

/** The names of the services (in code-point order, each once) that mount the named volume `key`. */
export function volumeUsers(project: Project, key: string): readonly string[] {
  let users = usersByProject.get(project);
  if (users === undefined) {
    users = new Map();
    for (const name of sortedNames(project.services)) {
      const volumes = project.services[name]!.volumes;
      for (let i = 0; i < volumes.length; i++) {
        const v = volumes[i]!;
        if (v.type !== 'volume' || v.source === undefined) continue;
        let list = users.get(v.source);
        if (list === undefined) users.set(v.source, (list = []));
        if (list[list.length - 1] !== name) list.push(name);
      }
    }
    usersByProject.set(project, users);
  }
  return users.get(key) ?? [];
}
