/**
 * A service's network attachments. Swarm services attach to overlay networks; `network_mode: host` becomes an
 * attachment to Swarm's predefined `host` network, which the top level then declares as external (top-level.ts).
 * The per-attachment settings Swarm does not apply (fixed addresses, priorities, interface names) are reported.
 */
import type { Service } from '../../ir/types.js';
import { setOwn } from '../../util/objects.js';
import { attachedNetworks, extraAliases } from './aliases.js';
import type { SwarmContext } from './context.js';
import type { SwarmService, SwarmServiceNetwork } from './stack-types.js';

/** The attachment settings of the Compose format that a Swarm service cannot have. */
const NOT_APPLIED = ['ipv4_address', 'ipv6_address', 'link_local_ips', 'mac_address', 'priority', 'gw_priority', 'interface_name'] as const;

/** `network_mode: host`: the service joins the node's own network, which Swarm offers as the network `host`. */
export function onHostNetwork(s: Service): boolean {
  return s.network_mode === 'host';
}

/**
 * The stack file's `networks` of a service, or undefined when it is only on the default network with no settings:
 * Swarm attaches it there by itself, so the key would add nothing.
 */
export function serviceNetworks(c: SwarmContext, s: Service): SwarmService['networks'] {
  if (onHostNetwork(s)) return { [c.hostNetworkKey()]: null };
  const names = attachedNetworks(s);
  const extra = extraAliases(c, s);
  // A default attachment carries only its (empty) extensions.
  if (extra.length === 0 && names.length === 1 && names[0] === 'default' && Object.keys(s.networks.default ?? {}).length <= 1) return undefined;
  const out: Record<string, SwarmServiceNetwork | null> = {};
  for (const name of names) {
    const entry = attachment(c, s, name, extra);
    setOwn(out, name, Object.keys(entry).length > 0 ? entry : null);
  }
  return out;
}

/**
 * One attachment's settings, reporting those Swarm does not apply. `extra` are the names Compose resolved to the
 * service that Swarm only resolves as aliases (aliases.ts).
 */
function attachment(c: SwarmContext, s: Service, name: string, extra: string[]): SwarmServiceNetwork {
  const n = s.networks[name] ?? { extensions: {} };
  const entry: SwarmServiceNetwork = {};
  const aliases = [...(n.aliases ?? []), ...extra.filter((a) => !(n.aliases ?? []).includes(a))];
  if (aliases.length > 0) entry.aliases = aliases;
  if (n.driver_opts !== undefined && c.needs('networkDriverOpts', `services.${s.name}.networks.${name}.driver_opts`, s, 'networks')) entry.driver_opts = n.driver_opts;
  for (const dropped of NOT_APPLIED) {
    if (n[dropped] !== undefined) c.report('warning', 'SWARM_UNSUPPORTED', `services.${s.name}.networks.${name}.${dropped} is not applied by Swarm; it is dropped`, s, 'networks');
  }
  return entry;
}
