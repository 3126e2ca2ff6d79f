/**
 * A service's healthcheck. Durations are written as Go durations (`1m30s`), as the stack format reads them; the
 * timings newer than the target version are reported and left out.
 */
import type { Healthcheck, Service } from '../../ir/types.js';
import { formatDuration } from '../../ir/values/duration.js';
import type { SwarmContext } from './context.js';
import type { SwarmHealthcheck } from './stack-types.js';

/** The stack file's `healthcheck` of a service that has one. */
export function healthcheck(c: SwarmContext, s: Service, h: Healthcheck): SwarmHealthcheck {
  // docker stack deploy refuses a disabled check that has a test, and ignores the timings of one.
  if (h.disable) return { disable: true };
  const out: SwarmHealthcheck = {};
  if (h.test !== undefined) out.test = h.test;
  if (h.interval !== undefined) out.interval = formatDuration(h.interval);
  if (h.timeout !== undefined) out.timeout = formatDuration(h.timeout);
  if (h.retries !== undefined) out.retries = h.retries;
  if (h.start_period !== undefined && c.needs('startPeriod', `services.${s.name}.healthcheck.start_period`, s, 'healthcheck')) out.start_period = formatDuration(h.start_period);
  if (h.start_interval !== undefined && c.needs('startInterval', `services.${s.name}.healthcheck.start_interval`, s, 'healthcheck')) out.start_interval = formatDuration(h.start_interval);
  return out;
}
