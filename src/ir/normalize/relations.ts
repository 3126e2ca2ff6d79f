/** Service `networks` and `depends_on`, with Compose's defaults and implicit entries (§13, §14). */
import { emptyRecord, isPlainObject, setOwn } from '../../util/objects.js';
import type { DependsOn, ServiceNetwork } from '../types.js';
import { booleanFrom, extensionsOf, numberFrom, stringList, stringRecord, text } from './context.js';

/** Normalizes service `networks` (a list or a mapping). */
export function normalizeServiceNetworks(value: unknown): Record<string, ServiceNetwork> {
  const out: Record<string, ServiceNetwork> = {};
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) setOwn(out, text(value[i]), { extensions: {} });
  } else if (isPlainObject(value)) {
    const names = Object.keys(value);
    for (let i = 0; i < names.length; i++) setOwn(out, names[i]!, serviceNetwork(value[names[i]!]));
  }
  return out;
}

function serviceNetwork(value: unknown): ServiceNetwork {
  const network: ServiceNetwork = { extensions: extensionsOf(value) };
  if (!isPlainObject(value)) return network;
  if (value.aliases !== undefined) network.aliases = stringList(value.aliases);
  if (typeof value.ipv4_address === 'string') network.ipv4_address = value.ipv4_address;
  if (typeof value.ipv6_address === 'string') network.ipv6_address = value.ipv6_address;
  if (value.link_local_ips !== undefined) network.link_local_ips = stringList(value.link_local_ips);
  if (typeof value.mac_address === 'string') network.mac_address = value.mac_address;
  if (value.driver_opts !== undefined) network.driver_opts = stringRecord(value.driver_opts);
  const priority = numberFrom(value.priority);
  if (priority !== undefined) network.priority = priority;
  const gwPriority = numberFrom(value.gw_priority);
  if (gwPriority !== undefined) network.gw_priority = gwPriority;
  if (typeof value.interface_name === 'string') network.interface_name = value.interface_name;
  return network;
}

/** Keys whose `service:<name>` value makes an implicit dependency on that service. */
const SERVICE_MODES = ['network_mode', 'ipc', 'pid', 'uts', 'cgroup'] as const;

const CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);

/** Normalizes `depends_on`, then adds the implicit dependencies of links, `service:` modes and volumes_from. */
export function normalizeDependsOn(raw: Record<string, unknown>): Record<string, DependsOn> {
  // Keyed by other services' names: see emptyRecord.
  const out = emptyRecord<DependsOn>();
  const value = raw.depends_on;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) setOwn(out, text(value[i]), { condition: 'service_started', restart: false, required: true });
  } else if (isPlainObject(value)) {
    const names = Object.keys(value);
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const entry = isPlainObject(value[name]) ? value[name] : {};
      const condition = typeof entry.condition === 'string' && CONDITIONS.has(entry.condition) ? entry.condition : 'service_started';
      setOwn(out, name, {
        condition: condition as DependsOn['condition'],
        restart: booleanFrom(entry.restart) ?? false,
        required: booleanFrom(entry.required) ?? true,
      });
    }
  }
  if (raw.links !== undefined) for (const link of stringList(raw.links)) implicit(out, link.split(':')[0]!, true);
  for (let i = 0; i < SERVICE_MODES.length; i++) {
    const mode = raw[SERVICE_MODES[i]!];
    if (typeof mode === 'string' && mode.startsWith('service:')) implicit(out, mode.slice('service:'.length), true);
  }
  if (raw.volumes_from !== undefined) {
    for (const from of stringList(raw.volumes_from)) if (!from.startsWith('container:')) implicit(out, from.split(':')[0]!, false);
  }
  return out;
}

/** Adds an implicit dependency unless one on that service is declared. */
function implicit(out: Record<string, DependsOn>, name: string, restart: boolean): void {
  if (name !== '' && !Object.prototype.hasOwnProperty.call(out, name)) {
    setOwn(out, name, { condition: 'service_started', restart, required: true });
  }
}
