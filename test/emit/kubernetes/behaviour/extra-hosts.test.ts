/**
 * Issue 15 item 4: `host-gateway` (and anything else that is not an IP) is never written as a host alias IP, which
 * the API server would reject; the entry is left out with a located warning.
 */
import { describe, expect, it } from 'vitest';
import { isIpAddress } from '../../../../src/emit/kubernetes/host-aliases.js';
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

describe('isIpAddress', () => {
  it('accepts IPv4 and IPv6 addresses and nothing else', () => {
    for (const ip of ['10.0.0.5', '0.0.0.0', '255.255.255.255', '::1', 'fe80::1', 'ff02::1', '2001:db8::8a2e:370:7334', '::ffff:10.0.0.1']) expect(isIpAddress(ip), ip).toBe(true);
    for (const ip of ['host-gateway', '', '256.0.0.1', '1.2.3', '01.2.3.4', 'example.com', ':::1', '1::2::3', '::1]', 'fe80::1%eth0/x', '[::1]']) expect(isIpAddress(ip), ip).toBe(false);
  });
});
