/**
 * Named volumes mounted by more than one service. Under Compose they share one volume, so under Kubernetes they
 * must share one claim: a StatefulSet's claim template would give each service (and each replica) a copy of its
 * own, splitting the data. Also the warning for several replicas on one ReadWriteOnce claim.
 */
import type { Service } from '../../ir/types.js';
import { volumeUsers } from '../../ir/volume-users.js';
import type { KubeContext } from './context.js';
import type { ServiceStorage } from './storage.js';

/**
 * True when a StatefulSet's named volume must stay the project's shared claim instead of becoming a claim
 * template, because another service mounts it too. Reports the choice.
 */
export function keepsSharedClaim(c: KubeContext, s: Service, key: string): boolean {
  const users = volumeUsers(c.project, key);
  if (users.length < 2) return false;
  const others = users.filter((u) => u !== s.name).join(', ');
  c.report('info', 'K8S_SHARED_CLAIM', `services.${s.name}: volume ${key} is also mounted by ${others}, so the StatefulSet mounts the shared claim ${key} instead of a claim per replica (which would split the data)`, s, 'volumes');
  return true;
}

/**
 * Warns when a service runs several pods on its ReadWriteOnce claims: a shared claim mounts on one node only, and a
 * StatefulSet's claim templates give each replica its own copy, where Compose's replicas share one volume.
 */
export function reportReplicatedClaims(c: KubeContext, s: Service, storage: ServiceStorage, templated: ReadonlySet<string>): void {
  const replicas = s.deploy?.replicas ?? s.scale;
  if (replicas === undefined || replicas < 2) return;
  for (let i = 0; i < storage.claims.length; i++) {
    const cl = storage.claims[i]!;
    if (templated.has(cl.key)) {
      c.report('warning', 'K8S_REPLICA_CLAIMS', `services.${s.name}: its ${replicas} replicas each get their own claim for volume ${cl.key}, where under Compose they share one volume`, s, 'volumes', 'run one replica, or share the data through a ReadWriteMany claim (x-kubernetes.accessModes on the volume, and x-kubernetes.controller: deployment)');
    } else if (cl.readWriteOnce) {
      c.report('warning', 'K8S_REPLICA_CLAIMS', `services.${s.name}: its ${replicas} replicas share the ReadWriteOnce claim ${cl.claimName}, which mounts on one node only; replicas scheduled on other nodes cannot start`, s, 'volumes', 'run one replica, or set x-kubernetes.accessModes: [ReadWriteMany] on the volume, with a storage class that supports it');
    }
  }
}
