/**
 * Profiles (compose-semantics §11): a service without profiles is always enabled; one with profiles is enabled
 * when one of them is active (`*` activates all). Naming a service enables its profiles and its dependencies.
 */
import { setOwn } from '../../util/objects.js';
import type { Service } from '../types.js';

/** Enabled and disabled services, and the profiles that ended up active (sorted). */
export function selectServices(
  services: Record<string, Service>,
  activeProfiles: readonly string[],
  named: readonly string[],
): { enabled: Record<string, Service>; disabled: Record<string, Service>; profiles: string[] } {
  const active = new Set(activeProfiles);
  const wanted = new Set<string>();
  const queue = [...named];
  while (queue.length > 0) {
    const name = queue.pop()!;
    const service = services[name];
    if (!service || wanted.has(name) || !Object.prototype.hasOwnProperty.call(services, name)) continue;
    wanted.add(name);
    for (const p of service.profiles ?? []) active.add(p);
    queue.push(...Object.keys(service.depends_on));
  }
  const isEnabled = (s: Service) =>
    wanted.has(s.name) || !s.profiles || s.profiles.length === 0 || active.has('*') || s.profiles.some((p) => active.has(p));
  const enabled: Record<string, Service> = {};
  const disabled: Record<string, Service> = {};
  for (const name of Object.keys(services)) setOwn(isEnabled(services[name]!) ? enabled : disabled, name, services[name]!);
  return { enabled, disabled, profiles: [...active].sort() };
}
