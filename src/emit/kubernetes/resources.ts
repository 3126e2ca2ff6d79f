/**
 * Requests never above limits: the API server rejects a container whose request exceeds its limit, while Compose
 * runs it (the reservation is a scheduling hint). The request is lowered to the limit, with a warning.
 */
import type { Service } from '../../ir/types.js';
import type { KubeContext } from './context.js';

/** `request` lowered to `limit` when it is above it (both in the IR's units: CPUs or bytes), reported at the service's `key`. */
export function requestWithinLimit(c: KubeContext, s: Service, what: 'cpus' | 'memory', request: number | undefined, limit: number | undefined, key: 'deploy' | 'mem_reservation'): number | undefined {
  if (request === undefined || limit === undefined || limit <= 0 || request <= limit) return request;
  c.report(
    'warning',
    'K8S_REQUEST_ABOVE_LIMIT',
    `services.${s.name}: the ${what} reservation (${request}) is above the limit (${limit}); Kubernetes rejects a request above its limit, so the request is lowered to the limit`,
    s,
    key,
    'make the reservation at most the limit',
  );
  return limit;
}
