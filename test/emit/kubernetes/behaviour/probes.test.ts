/**
 * Issue 15 item 11: a healthcheck becomes a readiness probe with Compose's timings for every unset field; no
 * liveness or startup probe, since Compose never restarts or kills an unhealthy container.
 */
import { describe, expect, it } from 'vitest';
import { find, firstContainer, toKubernetes } from './convert.js';

describe('probes', () => {
  it('uses Compose’s defaults (30 s interval and timeout, 3 retries) where the healthcheck sets none', () => {
    const c = firstContainer(find(toKubernetes(`
services:
  app:
    image: busybox
    healthcheck: {test: ["CMD", "true"]}
`), 'Deployment', 'app'));
    expect(c.readinessProbe).toEqual({ exec: { command: ['true'] }, failureThreshold: 3, periodSeconds: 30, timeoutSeconds: 30 });
    expect(c.livenessProbe).toBeUndefined();
    expect(c.startupProbe).toBeUndefined();
  });

  it('carries the timings that are set, shell tests through /bin/sh -c', () => {
    const c = firstContainer(find(toKubernetes(`
services:
  app:
    image: busybox
    healthcheck: {test: "wget -q localhost", interval: 5s, timeout: 2s, retries: 7, start_period: 1m}
`), 'Deployment', 'app'));
    expect(c.readinessProbe).toEqual({ exec: { command: ['/bin/sh', '-c', 'wget -q localhost'] }, failureThreshold: 7, periodSeconds: 5, timeoutSeconds: 2 });
    expect(c.startupProbe).toBeUndefined();
  });

  it('emits no probe for a disabled healthcheck', () => {
    const c = firstContainer(find(toKubernetes(`
services:
  app: {image: busybox, healthcheck: {disable: true}}
`), 'Deployment', 'app'));
    expect(c.readinessProbe).toBeUndefined();
  });
});
