/**
 * Service-level `tmpfs:` as tmpfs mounts. `docker stack deploy` ignores the `tmpfs` key, but a mount of type tmpfs
 * gives the same filesystem: both are mounted `rw,nosuid,nodev,noexec` with mode 1777 unless told otherwise
 * (measured on a Swarm manager). Of the options, the stack format keeps only the size; read-only maps to
 * `read_only`; the options that are already the defaults need nothing.
 */
import type { Service } from '../../ir/types.js';
import type { SwarmContext } from './context.js';
import type { SwarmServiceVolume } from './stack-types.js';

/** Options Swarm's tmpfs mounts already have. */
const DEFAULT_OPTIONS = new Set(['rw', 'nosuid', 'nodev', 'noexec', 'mode=1777']);

/** Units of tmpfs's own `size=` option (mount(8)): bytes, or k, m, g multiples of 1024. */
const SIZE = /^size=(\d+)([kmg]?)$/i;
const UNIT: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** One long-syntax tmpfs volume for each `tmpfs:` entry. */
export function tmpfsMounts(c: SwarmContext, s: Service, sizeAllowed: boolean): SwarmServiceVolume[] {
  const out: SwarmServiceVolume[] = [];
  for (const entry of s.tmpfs ?? []) {
    const colon = entry.indexOf(':');
    const target = colon < 0 ? entry : entry.slice(0, colon);
    const mount: SwarmServiceVolume = { type: 'tmpfs', target };
    const lost: string[] = [];
    for (const option of colon < 0 ? [] : entry.slice(colon + 1).split(',').filter((o) => o !== '')) {
      const size = SIZE.exec(option);
      if (size && sizeAllowed) mount.tmpfs = { size: Number(size[1]) * UNIT[size[2]!.toLowerCase()]! };
      else if (option === 'ro') mount.read_only = true;
      else if (!DEFAULT_OPTIONS.has(option)) lost.push(option);
    }
    if (lost.length > 0) {
      c.report('warning', 'SWARM_TMPFS_OPTIONS', `services.${s.name}.tmpfs: Swarm mounts ${target} without the options ${lost.join(', ')}; the stack format only sets the size and read-only`, s, 'tmpfs', 'mount a volume of type tmpfs if the defaults (rw,nosuid,nodev,noexec, mode 1777) are enough');
    }
    out.push(mount);
  }
  return out;
}
