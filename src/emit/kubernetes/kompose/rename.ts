/**
 * `kompose.service.name_override`: the service's objects take the new name. Other services still reach it by its
 * Compose name (environment variables and configs use that name), so the old name becomes a network alias, which
 * the emitter turns into a Service of that name. `depends_on` entries follow the rename.
 */
import { copyLocations } from '../../../diagnostics/locations.js';
import type { Project, Service } from '../../../ir/types.js';
import { sortedNames } from '../../../util/strings.js';
import { isDnsLabel } from '../names.js';

const LABEL = 'kompose.service.name_override';

/** The project with renamed services, or the same project when no service asks for a new name. */
export function applyNameOverrides(project: Project): Project {
  const renames = new Map<string, string>();
  const taken = new Set(Object.keys(project.services));
  for (const name of sortedNames(project.services)) {
    const wanted = project.services[name]!.labels[LABEL]?.trim();
    // Invalid values are reported by the label reader; a name another service has would merge two services' objects.
    if (wanted === undefined || wanted === name || !isDnsLabel(wanted) || !/^[a-z]/.test(wanted) || taken.has(wanted)) continue;
    renames.set(name, wanted);
    taken.add(wanted);
  }
  if (renames.size === 0) return project;
  const services: Record<string, Service> = {};
  for (const name of sortedNames(project.services)) {
    const s = project.services[name]!;
    const newName = renames.get(name) ?? name;
    const copy: Service = { ...s, name: newName };
    copyLocations(s, copy);
    if (renames.has(name)) copy.networks = withAlias(s, name);
    if (Object.keys(s.depends_on).some((d) => renames.has(d))) {
      const deps: Service['depends_on'] = {};
      for (const dep of Object.keys(s.depends_on)) deps[renames.get(dep) ?? dep] = s.depends_on[dep]!;
      copyLocations(s.depends_on, deps);
      copy.depends_on = deps;
    }
    services[newName] = copy;
  }
  const out: Project = { ...project, services };
  copyLocations(project, out);
  return out;
}

/** The service's networks with its Compose name added as an alias on each. */
function withAlias(s: Service, alias: string): Service['networks'] {
  const networks: Service['networks'] = {};
  for (const net of Object.keys(s.networks)) {
    const attachment = s.networks[net]!;
    networks[net] = { ...attachment, aliases: [...(attachment.aliases ?? []), alias] };
  }
  copyLocations(s.networks, networks);
  return networks;
}
