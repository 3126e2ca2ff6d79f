/**
 * `healthcheck` -> readiness and liveness probes (and a startup probe for `start_period`, so a slow starter is not
 * killed). Shell tests run through `/bin/sh -c`, exactly as Compose runs CMD-SHELL.
 */
import type { Healthcheck } from '../../ir/types.js';
import { int32, seconds } from './quantities.js';

/** A container's probes, each a fresh object. */
export interface Probes {
  livenessProbe?: Record<string, unknown>;
  readinessProbe?: Record<string, unknown>;
  startupProbe?: Record<string, unknown>;
}

/**
 * The probes of a container, or none when the healthcheck is disabled or has no test. Keys are added in
 * code-point order, the order they print in.
 */
export function probes(h: Healthcheck | undefined): Probes {
  if (h === undefined || h.disable || h.test === undefined || h.test.length < 2) return {};
  const kind = h.test[0];
  const command = kind === 'CMD-SHELL' ? ['/bin/sh', '-c', h.test.slice(1).join(' ')] : h.test.slice(1);
  const period = h.interval !== undefined ? int32(seconds(h.interval)) : undefined;
  const timeout = h.timeout !== undefined ? int32(seconds(h.timeout)) : undefined;
  const failures = h.retries !== undefined ? int32(Math.max(1, h.retries)) : undefined;
  const out: Probes = { livenessProbe: probe(command, failures, period, timeout), readinessProbe: probe(command, failures, period, timeout) };
  if (h.start_period !== undefined && h.start_period > 0) {
    // Kubernetes runs the startup probe until it first succeeds; during start_period Compose ignores failures.
    const startPeriod = int32(seconds(h.start_interval ?? h.interval ?? 5000));
    const startFailures = int32(Math.max(1, Math.ceil(seconds(h.start_period) / startPeriod)) + (h.retries ?? 3));
    out.startupProbe = probe(command, startFailures, startPeriod, timeout);
  }
  return out;
}

/** One exec probe with the timings that are set. */
function probe(command: string[], failureThreshold: number | undefined, periodSeconds: number | undefined, timeoutSeconds: number | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { exec: { command: command.slice() } };
  if (failureThreshold !== undefined) out.failureThreshold = failureThreshold;
  if (periodSeconds !== undefined) out.periodSeconds = periodSeconds;
  if (timeoutSeconds !== undefined) out.timeoutSeconds = timeoutSeconds;
  return out;
}
