/**
 * Issue 15 item 12: names other services use (container_name, links aliases, network aliases) stay resolvable or
 * are reported; hostnames, unsafe sysctls, network and volume options that Kubernetes cannot express are reported.
 */
import { describe, expect, it } from 'vitest';
import { find, ofKind, podSpec, toKubernetes, withCode } from './convert.js';

const compose = `
services:
  web:
    image: nginx
    hostname: web.example.com
    container_name: my-web
    links: ["db:database"]
    sysctls: {net.core.somaxconn: "1024", kernel.shm_rmid_forced: "1"}
    networks:
      front: {aliases: [api.local, plain], ipv4_address: 172.20.0.5}
    volumes: [data:/data, cache:/cache, disk:/disk]
  db:
    image: postgres
    networks: [front]
networks:
  front:
    driver: macvlan
    internal: true
    ipam: {config: [{subnet: 172.20.0.0/16}]}
volumes:
  data: {driver_opts: {type: nfs, o: "addr=10.0.0.1,rw", device: ":/export/data"}}
  cache: {driver_opts: {type: tmpfs, device: tmpfs, o: "size=100m"}}
  disk: {driver: local, driver_opts: {type: none, o: bind, device: /mnt/disk}}
`;

describe('names other services connect by', () => {
  const result = toKubernetes(compose);
  it('gives container_name and a links alias a headless Service selecting the right pods', () => {
    const names = ofKind(result, 'Service').map((s) => s.metadata.name).sort();
    expect(names).toEqual(['api-local', 'database', 'db', 'my-web', 'plain', 'web']);
    const selector = (name: string) => (find(result, 'Service', name).spec as { selector: Record<string, string> }).selector['app.kubernetes.io/name'];
    expect(selector('my-web')).toBe('web');
    expect(selector('database')).toBe('db');
  });

  it('reports an alias whose name Kubernetes changes', () => {
    expect(withCode(result, 'K8S_NAME_CHANGED').map((d) => d.message)).toEqual([expect.stringContaining('"api.local"')]);
  });

  it('keeps the first label of a dotted hostname, and says so', () => {
    expect(podSpec(find(result, 'Deployment', 'web')).hostname).toBe('web');
    expect(withCode(result, 'K8S_HOSTNAME')[0]?.location?.line).toBe(5);
  });
});

describe('settings Kubernetes cannot express', () => {
  const result = toKubernetes(compose);
  it('reports unsafe sysctls only', () => {
    const [warning] = withCode(result, 'K8S_UNSAFE_SYSCTL');
    expect(warning?.message).toContain('net.core.somaxconn');
    expect(warning?.message).not.toContain('kernel.shm_rmid_forced');
  });

  it('reports fixed addresses, network drivers, internal networks and IPAM', () => {
    expect(withCode(result, 'K8S_FIXED_ADDRESS')).toHaveLength(1);
    expect(withCode(result, 'K8S_NETWORK_DRIVER')[0]?.message).toContain('macvlan');
    expect(withCode(result, 'K8S_NETWORK_INTERNAL')).toHaveLength(1);
    expect(withCode(result, 'K8S_UNSUPPORTED').some((d) => d.message.includes('networks.front.ipam'))).toBe(true);
  });

  it('reports each volume’s driver options with what to use instead', () => {
    const messages = withCode(result, 'K8S_VOLUME_DRIVER_OPTS').map((d) => `${d.message} ${d.hint}`);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain('NFS');
    expect(messages[1]).toContain('emptyDir');
    expect(messages[2]).toContain('hostPath');
  });
});
