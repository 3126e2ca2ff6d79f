/**
 * Names Compose resolves that Swarm would not: a link's alias (`links: ["db:database"]`) and a `container_name`.
 * Swarm's DNS answers only service names and network aliases, so each such name becomes a network alias of the
 * service it names, on every network that service is on; code resolving it keeps working. (Swarm makes the name
 * resolvable by every service on those networks, where a link alias was the linking container's only: a superset.)
 */
import type { Service } from '../../ir/types.js';
import { sortedNames } from '../../util/strings.js';
import type { SwarmContext } from './context.js';

/** A link, split: the linked service and the name the linking service uses for it. */
interface Link {
  service: string;
  alias: string;
}

/** Each service's extra aliases, computed once per conversion: links are written on the other end. */
const cache = new WeakMap<SwarmContext, Map<string, string[]>>();

/** The networks a service is attached to as the stack file will attach it (`default` when it names none). */
export function attachedNetworks(s: Service): string[] {
  if (s.network_mode !== undefined) return [];
  const names = sortedNames(s.networks ?? {});
  return names.length > 0 ? names : ['default'];
}

/** The names other services (or the user) know this service by that Swarm would not resolve, sorted. */
export function extraAliases(c: SwarmContext, s: Service): string[] {
  let all = cache.get(c);
  if (all === undefined) {
    all = collect(c);
    cache.set(c, all);
  }
  return all.get(s.name) ?? [];
}

function collect(c: SwarmContext): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  const add = (service: string, alias: string): void => {
    if (alias === service || c.project.services[service] === undefined) return;
    const set = out.get(service) ?? new Set<string>();
    set.add(alias);
    out.set(service, set);
  };
  for (const name of sortedNames(c.project.services)) {
    const s = c.project.services[name]!;
    for (const link of links(s)) add(link.service, link.alias);
    if (s.container_name !== undefined) add(name, s.container_name);
  }
  return new Map([...out].map(([service, set]) => [service, [...set].sort()]));
}

function links(s: Service): Link[] {
  return (s.links ?? []).map((entry) => {
    const colon = entry.indexOf(':');
    return colon < 0 ? { service: entry, alias: entry } : { service: entry.slice(0, colon), alias: entry.slice(colon + 1) };
  });
}

/**
 * Reports what became of a service's own `links` and `container_name`: an info where the name is now a network
 * alias, a warning where it cannot be (the named service uses network_mode, so it has no networks to carry it).
 */
export function reportNameAliases(c: SwarmContext, s: Service): void {
  const notes: string[] = [];
  const lost: string[] = [];
  for (const link of links(s)) {
    const target = c.project.services[link.service];
    if (target === undefined) continue;
    if (link.alias === link.service) {
      notes.push(`${link.service} is reached by its service name`);
      continue;
    }
    const networks = attachedNetworks(target);
    if (networks.length === 0) lost.push(`${link.alias} (${link.service} uses network_mode ${target.network_mode})`);
    else notes.push(`${link.alias} becomes a network alias of ${link.service} on ${networks.join(', ')}`);
  }
  if (notes.length > 0) {
    c.report('info', 'SWARM_LINK_ALIAS', `services.${s.name}.links: Swarm has no links (nor the start order they imply); ${notes.join('; ')}`, s, 'links');
  }
  if (lost.length > 0) {
    c.report('warning', 'SWARM_UNSUPPORTED', `services.${s.name}.links: Swarm has no links, and these names cannot become network aliases, so they do not resolve: ${lost.join(', ')}`, s, 'links', 'connect with the service name instead');
  }
  if (s.container_name === s.name) {
    c.report('info', 'SWARM_CONTAINER_NAME', `services.${s.name}.container_name: Swarm names containers itself (<stack>_${s.name}.<slot>.<id>); other services still resolve ${s.name}, the service name`, s, 'container_name', containerHint(s));
  } else if (s.container_name !== undefined) {
    const networks = attachedNetworks(s);
    if (networks.length === 0) {
      c.report('warning', 'SWARM_UNSUPPORTED', `services.${s.name}.container_name: Swarm names containers itself, and with network_mode ${s.network_mode} the name ${s.container_name} cannot become a network alias, so it does not resolve`, s, 'container_name', `connect to ${s.name} by its service name`);
    } else {
      c.report('info', 'SWARM_CONTAINER_NAME', `services.${s.name}.container_name: Swarm names containers itself (<stack>_${s.name}.<slot>.<id>); ${s.container_name} becomes a network alias of ${s.name} on ${networks.join(', ')}, so other services still resolve it`, s, 'container_name', containerHint(s));
    }
  }
}

/** How to find the containers a docker command on a node must name instead. */
function containerHint(s: Service): string {
  return `docker commands on a node name the task's container: docker ps --filter label=com.docker.swarm.service.name=<stack>_${s.name}`;
}
