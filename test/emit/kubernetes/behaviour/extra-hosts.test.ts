/**
 * Issue 15 item 4: `host-gateway` (and anything else that is not an IP) is never written as a host alias IP, which
 * the API server would reject; the entry is left out with a located warning.
 */
import { describe, expect, it } from 'vitest';
import { find, podSpec, toKubernetes, withCode } from './convert.js';

describe('extra_hosts', () => {
  it('drops host-gateway with a warning and keeps the real addresses', () => {
    const result = toKubernetes(`
services:
  app:
    image: busybox
    extra_hosts:
      - "host.docker.internal:host-gateway"
      - "db.local=10.0.0.5"
`);
    expect(podSpec(find(result, 'Deployment', 'app')).hostAliases).toEqual([{ hostnames: ['db.local'], ip: '10.0.0.5' }]);
    const [warning] = withCode(result, 'K8S_HOST_GATEWAY');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('host.docker.internal');
    expect(warning?.location?.line).toBe(6);
    expect(JSON.stringify(result.objects)).not.toContain('host-gateway');
  });

  it('writes no hostAliases when no entry is usable', () => {
    const result = toKubernetes(`
services:
  app: {image: busybox, extra_hosts: ["host.docker.internal:host-gateway"]}
`);
    expect(podSpec(find(result, 'Deployment', 'app')).hostAliases).toBeUndefined();
  });
});
