/** Install order (what must exist before what uses it), then name: the same objects always print the same way. */
import type { KubernetesObject } from './types.js';

const KIND_ORDER = [
  'Namespace', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'Service', 'Deployment', 'StatefulSet', 'DaemonSet',
  'Job', 'Ingress', 'HorizontalPodAutoscaler', 'NetworkPolicy',
];

/** Sorts objects by kind in install order, then by name. */
export function installOrder(objects: readonly KubernetesObject[]): KubernetesObject[] {
  const rank = (kind: string) => {
    const i = KIND_ORDER.indexOf(kind);
    return i < 0 ? KIND_ORDER.length : i;
  };
  return [...objects].sort((a, b) => rank(a.kind) - rank(b.kind) || compare(a.metadata.name, b.metadata.name));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
