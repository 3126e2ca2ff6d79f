/**
 * The options of Compose networks and volumes that Kubernetes has no field for: drivers, driver options, IPAM,
 * `internal`, fixed addresses. Each is reported where it was written, with what to do instead, so none is passed
 * over in silence.
 */
import type { Service } from '../../ir/types.js';
import { sortedNames } from '../../util/strings.js';
import type { KubeContext } from './context.js';

/** Reports the top-level networks' and volumes' options and the services' per-network address settings. */
export function reportNetworkAndVolumeOptions(c: KubeContext): void {
  for (const key of sortedNames(c.project.networks)) reportNetwork(c, key);
  for (const key of sortedNames(c.project.volumes)) reportVolume(c, key);
  for (const name of c.serviceNames) reportAttachments(c, c.project.services[name]!);
}

function reportNetwork(c: KubeContext, key: string): void {
  const n = c.project.networks[key]!;
  if (n.external) return;
  if (n.driver !== undefined && n.driver !== 'bridge' && n.driver !== 'overlay') {
    c.report('warning', 'K8S_NETWORK_DRIVER', `networks.${key}: the ${n.driver} driver has no Kubernetes equivalent; pods get addresses from the cluster's network plugin`, n, 'driver', n.driver === 'macvlan' || n.driver === 'ipvlan' ? 'attach the pods to that network with Multus and a NetworkAttachmentDefinition' : undefined);
  }
  if (n.driver_opts !== undefined && Object.keys(n.driver_opts).length > 0) {
    c.report('warning', 'K8S_UNSUPPORTED', `networks.${key}.driver_opts has no Kubernetes equivalent and is left out`, n, 'driver_opts');
  }
  if (n.internal) {
    c.report('warning', 'K8S_NETWORK_INTERNAL', `networks.${key} is internal: under Compose its members cannot reach outside it; the NetworkPolicies restrict only incoming traffic, so they still can`, n, 'internal', 'add an egress NetworkPolicy allowing DNS and the network\'s own pods');
  }
  if (n.ipam !== undefined && ((n.ipam.config?.length ?? 0) > 0 || n.ipam.driver !== undefined)) {
    c.report('warning', 'K8S_UNSUPPORTED', `networks.${key}.ipam has no Kubernetes equivalent: pod addresses come from the cluster's network plugin`, n, 'ipam', 'reach pods by Service name, never by address');
  }
}

function reportVolume(c: KubeContext, key: string): void {
  const v = c.project.volumes[key]!;
  if (v.external) return;
  const opts = v.driver_opts ?? {};
  const type = opts.type;
  if (v.driver !== undefined && v.driver !== 'local') {
    c.report('warning', 'K8S_VOLUME_DRIVER', `volumes.${key}: the ${v.driver} volume driver has no Kubernetes equivalent; the volume is a PersistentVolumeClaim of the cluster's default storage class`, v, 'driver', 'pick a storage class backed by that storage (kompose.volume.storage-class-name)');
  }
  if (Object.keys(opts).length === 0) return;
  const why = type === 'nfs'
    ? `it mounts ${opts.device !== undefined ? `the NFS export ${opts.device}` : 'an NFS export'} under Compose; the claim gets whatever storage the cluster's default class gives`
    : type === 'tmpfs'
      ? 'it is a tmpfs under Compose (memory, empty at every start); the claim is persistent disk'
      : opts.o !== undefined && /(^|,)bind(,|$)/.test(opts.o)
        ? `it binds the host directory ${opts.device ?? ''} under Compose; the claim is new, empty storage`
        : 'the claim does not carry them';
  const hint = type === 'nfs'
    ? 'create an NFS PersistentVolume for that export and bind the claim to it (kompose.volume.selector), or use an NFS storage class'
    : type === 'tmpfs'
      ? 'mount an emptyDir with medium: Memory instead (a Kustomize patch)'
      : opts.o !== undefined && /(^|,)bind(,|$)/.test(opts.o)
        ? 'use a hostPath volume or a local PersistentVolume for that directory'
        : undefined;
  c.report('warning', 'K8S_VOLUME_DRIVER_OPTS', `volumes.${key}.driver_opts: ${why}`, v, 'driver_opts', hint);
}

function reportAttachments(c: KubeContext, s: Service): void {
  for (const net of sortedNames(s.networks)) {
    const a = s.networks[net]!;
    const fixed = [a.ipv4_address && 'ipv4_address', a.ipv6_address && 'ipv6_address', a.mac_address && 'mac_address', a.link_local_ips?.length && 'link_local_ips'].filter((k): k is string => typeof k === 'string');
    if (fixed.length > 0) {
      c.report('warning', 'K8S_FIXED_ADDRESS', `services.${s.name}.networks.${net}: ${fixed.join(', ')} cannot be fixed in Kubernetes; the pod gets an address from the network plugin`, s, 'networks', `reach ${s.name} by its Service name instead of the address`);
    }
  }
}
