/**
 * `healthcheck` -> readiness and liveness probes (and a startup probe for `start_period`, so a slow starter is not
 * killed). Shell tests run through `/bin/sh -c`, exactly as Compose runs CMD-SHELL.
 */
import type { Healthcheck } from '../../ir/types.js';
import { int32, seconds } from './quantities.js';

/** The probes of a container, or none when the healthcheck is disabled or has no test. */
export function probes(h: Healthcheck | undefined): Record<string, unknown> {
  if (h === undefined || h.disable || h.test === undefined || h.test.length < 2) return {};
  const [kind, ...rest] = h.test;
  const command = kind === 'CMD-SHELL' ? ['/bin/sh', '-c', rest.join(' ')] : rest;
  const timing: Record<string, unknown> = {};
  if (h.interval !== undefined) timing.periodSeconds = int32(seconds(h.interval));
  if (h.timeout !== undefined) timing.timeoutSeconds = int32(seconds(h.timeout));
  if (h.retries !== undefined) timing.failureThreshold = int32(Math.max(1, h.retries));
  const probe = () => ({ exec: { command: [...command] }, ...timing });
  const out: Record<string, unknown> = { readinessProbe: probe(), livenessProbe: probe() };
  if (h.start_period !== undefined && h.start_period > 0) {
    // Kubernetes runs the startup probe until it first succeeds; during start_period Compose ignores failures.
    const period = int32(seconds(h.start_interval ?? h.interval ?? 5000));
    out.startupProbe = {
      exec: { command: [...command] },
      periodSeconds: period,
      failureThreshold: int32(Math.max(1, Math.ceil(seconds(h.start_period) / period)) + (h.retries ?? 3)),
      ...(h.timeout !== undefined ? { timeoutSeconds: int32(seconds(h.timeout)) } : {}),
    };
  }
  return out;
}
