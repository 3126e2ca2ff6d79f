/** Issue 15 item 6: a request above its limit is rejected at apply, so it is lowered to the limit with a warning. */
import { describe, expect, it } from 'vitest';
import { find, firstContainer, toKubernetes, withCode } from './convert.js';

describe('resources', () => {
  it('lowers reservations above the limits to the limits, with a located warning each', () => {
    const result = toKubernetes(`
services:
  app:
    image: busybox
    deploy:
      resources:
        limits: {cpus: "0.5", memory: 256M}
        reservations: {cpus: "2", memory: 1G}
`);
    expect(firstContainer(find(result, 'Deployment', 'app')).resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '500m', memory: '256Mi' } });
    const warnings = withCode(result, 'K8S_REQUEST_ABOVE_LIMIT');
    expect(warnings).toHaveLength(2);
    for (const w of warnings) expect(w.location?.line).toBeGreaterThanOrEqual(5);
  });

  it('keeps requests within the limits as they are, and requests without limits', () => {
    const result = toKubernetes(`
services:
  a: {image: busybox, mem_limit: 1g, mem_reservation: 512m}
  b: {image: busybox, deploy: {resources: {reservations: {cpus: "4"}}}}
`);
    expect(firstContainer(find(result, 'Deployment', 'a')).resources).toEqual({ limits: { memory: '1Gi' }, requests: { memory: '512Mi' } });
    expect(firstContainer(find(result, 'Deployment', 'b')).resources).toEqual({ requests: { cpu: '4' } });
    expect(withCode(result, 'K8S_REQUEST_ABOVE_LIMIT')).toEqual([]);
  });
});
