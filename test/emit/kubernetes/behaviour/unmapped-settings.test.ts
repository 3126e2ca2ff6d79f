/**
 * Settings Kubernetes has no field for are reported where they were written, with what to do, never dropped in
 * silence: a healthcheck with only timings, pids limits, rollback and update settings beyond parallelism and
 * order, restart delays and windows, tmpfs modes. A port's own name becomes the port's name when Kubernetes takes
 * it, and is reported when it does not.
 */
import { describe, expect, it } from 'vitest';
import { find, firstContainer, toKubernetes, withCode } from './convert.js';

function messages(result: ReturnType<typeof toKubernetes>, code: string): string[] {
  return withCode(result, code).map((d) => d.message);
}

describe('settings without a Kubernetes field', () => {
  const result = toKubernetes(`
services:
  app:
    image: nginx
    expose: ["80"]
    healthcheck:
      interval: 5s
      retries: 2
    deploy:
      resources: {limits: {pids: 100}}
      rollback_config: {parallelism: 1}
      update_config: {parallelism: 2, order: start-first, delay: 10s, failure_action: rollback, monitor: 5s, max_failure_ratio: 0.2}
      restart_policy: {condition: on-failure, delay: 5s, window: 30s}
    tmpfs: ["/run:size=10m,mode=0700"]
    volumes:
      - type: tmpfs
        target: /cache
        tmpfs: {mode: 1777}
`);

  it('a healthcheck with only timings makes no probe and says so, at healthcheck', () => {
    expect(firstContainer(find(result, 'Deployment', 'app')).readinessProbe).toBeUndefined();
    const [d] = withCode(result, 'K8S_HEALTHCHECK_NO_TEST');
    expect(d?.severity).toBe('warning');
    expect(d?.location?.line).toBe(7);
    expect(d?.hint).toMatch(/add test:/);
  });

  it('says nothing of a timings-only healthcheck when Kompose labels give the probe its handler', () => {
    const labelled = toKubernetes(`
services:
  db:
    image: postgres
    healthcheck: {interval: 10s, retries: 5}
    labels:
      kompose.service.healthcheck.readiness.tcp_port: "5432"
`);
    expect(firstContainer(find(labelled, 'Deployment', 'db')).readinessProbe).toMatchObject({ tcpSocket: { port: 5432 }, periodSeconds: 10 });
    expect(withCode(labelled, 'K8S_HEALTHCHECK_NO_TEST')).toEqual([]);
  });

  it('reports pids, rollback_config, the unmapped update_config fields and restart delay/window at deploy', () => {
    const found = withCode(result, 'K8S_UNSUPPORTED').filter((d) => d.message.startsWith('services.app.deploy'));
    const text = found.map((d) => d.message).join('\n');
    for (const field of ['resources.limits.pids', 'rollback_config', 'update_config.delay', 'update_config.failure_action', 'update_config.monitor', 'update_config.max_failure_ratio', 'restart_policy.delay and window']) {
      expect(text, field).toContain(`services.app.deploy.${field} `);
    }
    expect(text).not.toContain('update_config.parallelism');
    expect(text).not.toContain('update_config.order');
    for (const d of found) {
      expect(d.severity).toBe('warning');
      expect(d.location?.line).toBe(10);
    }
    // parallelism and order still map.
    expect(find(result, 'Deployment', 'app').spec!.strategy).toEqual({ rollingUpdate: { maxSurge: 2, maxUnavailable: 0 }, type: 'RollingUpdate' });
  });

  it('reports a tmpfs mode in either syntax: emptyDir has none', () => {
    const found = withCode(result, 'K8S_TMPFS_MODE');
    expect(found.map((d) => [d.severity, d.location?.line])).toEqual([
      ['warning', 14],
      ['warning', 16],
    ]);
    expect(found.map((d) => d.message).join('\n')).toMatch(/\/run asks for mode 0700[\s\S]*\/cache asks for mode 1777/);
  });

  it('reports update_config on a workload that does not roll', () => {
    const global = toKubernetes(`
services:
  agent:
    image: nginx
    deploy: {mode: global, update_config: {parallelism: 2}}
`);
    expect(messages(global, 'K8S_UNSUPPORTED')).toContainEqual(expect.stringContaining('services.agent.deploy.update_config is left out: a DaemonSet'));
  });
});

describe('ports[].name', () => {
  const result = toKubernetes(`
services:
  web:
    image: nginx
    ports:
      - {target: 80, published: "8080", name: web}
      - {target: 9090, name: metrics}
      - {target: 7000, name: Bad_Name}
      - {target: 7001, name: metrics}
      - {target: 7002, name: tcp-7003}
    expose: ["7003"]
`);

  it('names the container port and the Service ports after a valid, unique name', () => {
    const names = firstContainer(find(result, 'Deployment', 'web')).ports!.map((p) => [p.containerPort, p.name]);
    expect(names).toEqual([
      [80, 'web'],
      [9090, 'metrics'],
      [7000, 'tcp-7000'],
      [7001, 'tcp-7001'],
      [7002, 'tcp-7003'],
      [7003, 'tcp-7003-2'],
    ]);
    expect(find(result, 'Service', 'web').spec!.ports!.map((p) => p.name)).toEqual(names.map(([, n]) => n));
    expect(find(result, 'Service', 'web-published').spec!.ports!.map((p) => [p.port, p.name])).toEqual([[8080, 'web']]);
  });

  it('reports an invalid or repeated name, at ports', () => {
    const found = withCode(result, 'K8S_PORT_NAME');
    expect(found.map((d) => d.message)).toEqual([
      expect.stringContaining('"Bad_Name" of port 7000/tcp is not a name Kubernetes accepts'),
      expect.stringContaining('"metrics" of port 7001/tcp is already the name of another port'),
    ]);
    expect(found.every((d) => d.severity === 'warning' && d.location?.line === 6)).toBe(true);
  });
});
