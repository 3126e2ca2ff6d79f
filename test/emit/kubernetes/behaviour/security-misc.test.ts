/**
 * Issue 15 item 13: security_opt's Kubernetes equivalents, app_protocol, and CPU amounts below 1m.
 */
import { describe, expect, it } from 'vitest';
import { find, firstContainer, toKubernetes, withCode } from './convert.js';

describe('security_opt', () => {
  it('maps no-new-privileges and unconfined profiles, and reports the rest at the key', () => {
    const result = toKubernetes(`
services:
  app:
    image: busybox
    security_opt:
      - no-new-privileges:true
      - seccomp=unconfined
      - apparmor:unconfined
      - label:type:svirt_apache_t
`);
    expect(firstContainer(find(result, 'Deployment', 'app')).securityContext).toEqual({
      allowPrivilegeEscalation: false,
      appArmorProfile: { type: 'Unconfined' },
      seccompProfile: { type: 'Unconfined' },
    });
    const reported = withCode(result, 'K8S_UNSUPPORTED').filter((d) => d.message.includes('security_opt'));
    expect(reported).toHaveLength(1);
    expect(reported[0]!.message).toContain('label:type:svirt_apache_t');
    expect(reported[0]!.location?.line).toBe(6);
  });

  it('treats no-new-privileges:false as the default', () => {
    const result = toKubernetes(`
services:
  app: {image: busybox, security_opt: ["no-new-privileges:false"]}
`);
    expect(firstContainer(find(result, 'Deployment', 'app')).securityContext).toBeUndefined();
    expect(withCode(result, 'K8S_UNSUPPORTED')).toEqual([]);
  });
});

describe('app_protocol', () => {
  it('becomes appProtocol on both Services; a name Kubernetes refuses is reported', () => {
    const result = toKubernetes(`
services:
  web:
    image: nginx
    ports:
      - {target: 80, published: "8080", app_protocol: http}
      - {target: 9000, app_protocol: "not valid!"}
`);
    const cluster = find(result, 'Service', 'web').spec!.ports!;
    expect(cluster.find((p) => p.port === 80)?.appProtocol).toBe('http');
    expect(cluster.find((p) => p.port === 9000)?.appProtocol).toBeUndefined();
    const published = find(result, 'Service', 'web-published').spec!.ports!;
    expect(published[0]!.appProtocol).toBe('http');
    expect(withCode(result, 'K8S_APP_PROTOCOL')).toHaveLength(1);
  });
});

describe('tiny cpus', () => {
  it('never rounds a CPU limit or request to 0', () => {
    const result = toKubernetes(`
services:
  app:
    image: busybox
    deploy: {resources: {limits: {cpus: "0.0001"}, reservations: {cpus: "0.0001"}}}
`);
    expect(firstContainer(find(result, 'Deployment', 'app')).resources).toEqual({ limits: { cpu: '1m' }, requests: { cpu: '1m' } });
    expect(withCode(result, 'K8S_CPU_TOO_SMALL')).toHaveLength(2);
  });
});

describe('annotation keys', () => {
  it('leaves out, with a warning, label and annotation keys Kubernetes would refuse as annotations', () => {
    const result = toKubernetes(`
services:
  app:
    image: busybox
    labels: {"__proto__": x, "com.example/ok": y, "-bad": z}
    annotations: {"good.key": v}
`);
    const annotations = (find(result, 'Deployment', 'app').spec as { template: { metadata: { annotations: Record<string, string> } } }).template.metadata.annotations;
    expect(Object.keys(annotations)).toEqual(['com.example/ok', 'good.key']);
    expect(withCode(result, 'K8S_ANNOTATION_KEY').map((d) => d.message)).toEqual([
      expect.stringContaining('"-bad"'),
      expect.stringContaining('"__proto__"'),
    ]);
  });
});
