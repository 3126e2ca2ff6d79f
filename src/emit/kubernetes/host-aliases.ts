/**
 * `extra_hosts` as pod host aliases. Kubernetes takes only IP addresses there: Docker's `host-gateway` (the host's
 * address, which a pod has no fixed equivalent of) and anything else that is not an IP would make the API server
 * reject the whole workload, so such an entry is left out with a warning that says what to use instead.
 */
import type { Service } from '../../ir/types.js';
import { sortedNames, sortStrings } from '../../util/strings.js';
import type { KubeContext } from './context.js';
import type { V1HostAlias } from '@kubernetes/client-node';

/** The pod's `hostAliases`, one per IP address, or undefined when no entry is usable. */
export function hostAliases(c: KubeContext, s: Service): V1HostAlias[] | undefined {
  const hosts = s.extra_hosts;
  if (hosts === undefined) return undefined;
  const byIp = new Map<string, string[]>();
  for (const host of sortedNames(hosts)) {
    for (const ip of hosts[host]!) {
      if (!isIpAddress(ip)) {
        reportUnusable(c, s, host, ip);
        continue;
      }
      byIp.set(ip, [...(byIp.get(ip) ?? []), host]);
    }
  }
  if (byIp.size === 0) return undefined;
  return sortStrings([...byIp.keys()]).map((ip) => ({ hostnames: byIp.get(ip)!, ip }));
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * True for an IPv4 or IPv6 address. IPv6 goes through the WHATWG URL parser, which is built in: `node:net` would
 * load the network stack on the CLI's start-up path.
 */
export function isIpAddress(text: string): boolean {
  if (IPV4.test(text)) return true;
  if (!text.includes(':') || text.includes(']') || text.includes('/')) return false;
  try {
    new URL(`http://[${text}]/`);
    return true;
  } catch {
    return false;
  }
}

function reportUnusable(c: KubeContext, s: Service, host: string, ip: string): void {
  if (ip === 'host-gateway') {
    c.report(
      'warning',
      'K8S_HOST_GATEWAY',
      `services.${s.name}.extra_hosts: ${host} maps to host-gateway, the Docker host's address, which Kubernetes cannot resolve; the entry is left out, so ${host} does not resolve in the pod`,
      s,
      'extra_hosts',
      `to reach something on the node, give its IP address in extra_hosts; to reach another workload, point ${host} at its Service name instead`,
    );
    return;
  }
  c.report('warning', 'K8S_HOST_ALIAS_INVALID', `services.${s.name}.extra_hosts: ${host} maps to "${ip}", which is not an IP address; Kubernetes would reject the pod, so the entry is left out`, s, 'extra_hosts', 'give an IPv4 or IPv6 address');
}
