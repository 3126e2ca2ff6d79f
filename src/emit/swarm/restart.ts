/**
 * The restart policy of a stack service. Swarm restarts every task that stops (`condition: any`) unless told
 * otherwise; Docker Compose restarts nothing unless `restart:` says so. Restarting nothing is not a choice for a
 * Swarm service (a crashed server would stay down, and a node failure would not reschedule it), so a service with
 * no `restart:` gets `on-failure`: a one-shot task that exits 0 runs once, as under Compose, and a server that
 * crashes is restarted. The mapping (also in the README's Swarm section):
 *
 * | Compose | Swarm `deploy.restart_policy` |
 * |---|---|
 * | no `restart:` | `condition: on-failure` |
 * | `restart: "no"` | `condition: none` |
 * | `restart: always` / `unless-stopped` | `condition: any` |
 * | `restart: on-failure[:N]` | `condition: on-failure` (`max_attempts: N`) |
 * | `deploy.restart_policy` | kept as written |
 */
import type { Deploy, Service } from '../../ir/types.js';
import { formatDuration } from '../../ir/values/duration.js';
import type { SwarmContext } from './context.js';
import type { SwarmRestartPolicy } from './stack-types.js';

/** `deploy.restart_policy`: the one written, or the Compose `restart` key (or its absence) translated. */
export function restartPolicy(c: SwarmContext, s: Service, d: Deploy): SwarmRestartPolicy {
  const p = d.restart_policy;
  if (p !== undefined) {
    const out: SwarmRestartPolicy = {};
    if (p.condition !== undefined) out.condition = p.condition;
    if (p.delay !== undefined) out.delay = formatDuration(p.delay);
    if (p.max_attempts !== undefined) out.max_attempts = p.max_attempts;
    if (p.window !== undefined) out.window = formatDuration(p.window);
    return out;
  }
  if (s.restart === undefined) return { condition: 'on-failure' };
  const [policy, attempts] = s.restart.split(':');
  if (policy === 'no') return { condition: 'none' };
  if (policy === 'always' || policy === 'unless-stopped') return { condition: 'any' };
  if (policy === 'on-failure') return attempts ? { condition: 'on-failure', max_attempts: Number(attempts) } : { condition: 'on-failure' };
  c.report('warning', 'SWARM_RESTART', `services.${s.name}.restart "${s.restart}" has no Swarm equivalent; the service is restarted when it fails`, s, 'restart');
  return { condition: 'on-failure' };
}
