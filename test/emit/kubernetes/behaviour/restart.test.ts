/**
 * Issue 15 item 8: restart policies as workloads. A service another waits to complete runs to completion; a
 * service Compose never restarts makes one attempt; a server with ports stays an updatable Deployment.
 */
import { describe, expect, it } from 'vitest';
import { find, ofKind, toKubernetes, withCode } from './convert.js';

describe('restart policies', () => {
  const result = toKubernetes(`
services:
  migrate: {image: app, command: [migrate]}
  api:
    image: app
    ports: ["8080:8080"]
    restart: on-failure
    depends_on: {migrate: {condition: service_completed_successfully}}
  seed: {image: app, restart: "no"}
  retry: {image: app, restart: "on-failure:3"}
  web: {image: nginx, restart: always}
`);

  it('makes the target of service_completed_successfully a Job that runs once, not a Deployment', () => {
    const job = find(result, 'Job', 'migrate').spec as { backoffLimit?: number; template: { spec: { restartPolicy: string } } };
    expect(job.template.spec.restartPolicy).toBe('Never');
    expect(job.backoffLimit).toBe(0);
    expect(withCode(result, 'K8S_JOB').some((d) => d.message.includes('api waits for it'))).toBe(true);
  });

  it('gives a restart: "no" Job one attempt', () => {
    expect((find(result, 'Job', 'seed').spec as { backoffLimit?: number }).backoffLimit).toBe(0);
  });

  it('keeps the attempts of on-failure:N', () => {
    const job = find(result, 'Job', 'retry').spec as { backoffLimit?: number; template: { spec: { restartPolicy: string } } };
    expect(job.backoffLimit).toBe(3);
    expect(job.template.spec.restartPolicy).toBe('OnFailure');
  });

  it('keeps a server with ports and restart: on-failure a Deployment, with a located warning', () => {
    find(result, 'Deployment', 'api');
    const [warning] = withCode(result, 'K8S_RESTART_ALWAYS');
    expect(warning?.message).toContain('services.api');
    expect(warning?.location?.line).toBe(7);
  });

  it('keeps restart: always a Deployment', () => {
    find(result, 'Deployment', 'web');
    expect(ofKind(result, 'Job').map((j) => j.metadata.name)).toEqual(['migrate', 'retry', 'seed']);
  });
});
