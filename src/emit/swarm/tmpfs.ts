/**
 * Service-level `tmpfs:` for Swarm. `docker stack deploy` ignores the key, but a volume of type tmpfs is the same
 * mount, so each entry becomes one (its `size=` option carried where the stack file version has it).
 */
import type { Service } from '../../ir/types.js';
import type { SwarmContext } from './context.js';

type Out = Record<string, unknown>;

/** The tmpfs volumes for a service's `tmpfs` entries (`/path` or `/path:size=64m,mode=1777`). */
export function tmpfsVolumes(c: SwarmContext, s: Service, sizeSupported: boolean): Out[] {
  const out: Out[] = [];
  const entries = s.tmpfs ?? [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const colon = entry.indexOf(':');
    const target = colon < 0 ? entry : entry.slice(0, colon);
    const options = colon < 0 ? [] : entry.slice(colon + 1).split(',');
    const volume: Out = { type: 'tmpfs', target };
    const left: string[] = [];
    for (const option of options) {
      const size = /^size=(\d+)([kmg]?)$/i.exec(option);
      if (size && sizeSupported) volume.tmpfs = { size: Number(size[1]) * unit(size[2]!) };
      else if (option !== '') left.push(option);
    }
    if (left.length > 0) {
      c.report('warning', 'SWARM_TMPFS_OPTIONS', `services.${s.name}.tmpfs: the options ${left.join(',')} of ${target} have no place in a stack file's tmpfs volume and are left out`, s, 'tmpfs');
    }
    out.push(volume);
  }
  return out;
}

function unit(suffix: string): number {
  const lower = suffix.toLowerCase();
  return lower === 'k' ? 1024 : lower === 'm' ? 1024 ** 2 : lower === 'g' ? 1024 ** 3 : 1;
}
