/**
 * `healthcheck` -> a readiness probe with Compose's timings. Shell tests run through `/bin/sh -c`, exactly as
 * Compose runs CMD-SHELL.
 *
 * Only readiness: under `docker compose up` an unhealthy container keeps running (its health gates `depends_on`
 * and nothing else), which is what readiness does (the pod leaves its Service's endpoints). A liveness probe would
 * restart it, and a startup probe that never succeeds kills it; neither happens under Compose. A liveness probe is
 * still emitted when asked for with `kompose.service.healthcheck.liveness.*`.
 */
import type { Healthcheck } from '../../ir/types.js';
import { int32, seconds } from './quantities.js';
import type { V1Probe } from '@kubernetes/client-node';

/** A container's probes, each a fresh object. */
export interface Probes {
  livenessProbe?: V1Probe;
  readinessProbe?: V1Probe;
  startupProbe?: V1Probe;
}

/** Compose's healthcheck defaults, in milliseconds and attempts; Kubernetes' own (10 s, 1 s, 3) differ. */
const COMPOSE_INTERVAL_MS = 30_000;
const COMPOSE_TIMEOUT_MS = 30_000;
const COMPOSE_RETRIES = 3;

/**
 * The probes of a container, or none when the healthcheck is disabled or has no test. Every timing is set, so
 * Kubernetes' defaults never stand in for Compose's.
 */
export function probes(h: Healthcheck | undefined): Probes {
  if (h === undefined || h.disable || h.test === undefined || h.test.length < 2) return {};
  const kind = h.test[0];
  const command = kind === 'CMD-SHELL' ? ['/bin/sh', '-c', h.test.slice(1).join(' ')] : h.test.slice(1);
  const readinessProbe: V1Probe = {
    exec: { command: command.slice() },
    failureThreshold: int32(Math.max(1, h.retries ?? COMPOSE_RETRIES)),
    periodSeconds: int32(seconds(h.interval ?? COMPOSE_INTERVAL_MS)),
    timeoutSeconds: int32(seconds(h.timeout ?? COMPOSE_TIMEOUT_MS)),
  };
  return { readinessProbe };
}
