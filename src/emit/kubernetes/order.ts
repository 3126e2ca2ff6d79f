/** Install order (what must exist before what uses it), then name: the same objects always print the same way. */
import type { KubernetesObject } from './types.js';
import { compareStrings } from '../../util/strings.js';

/** Each kind's place in install order. A record, so the compiler asks for the place of every kind added. */
const KIND_RANK: Record<KubernetesObject['kind'], number> = {
  Namespace: 0,
  ConfigMap: 1,
  Secret: 2,
  PersistentVolumeClaim: 3,
  Service: 4,
  Deployment: 5,
  StatefulSet: 6,
  DaemonSet: 7,
  Job: 8,
  CronJob: 9,
  Ingress: 10,
  HorizontalPodAutoscaler: 11,
  NetworkPolicy: 12,
};
const KIND_COUNT = Object.keys(KIND_RANK).length;

/**
 * Sorts objects by kind in install order, then by name (stably: objects of one kind and name keep their order).
 * Grouping by kind first, then sorting each group only when its names are out of order, takes one pass in the
 * usual case (each service's objects come in name order), where a sort of the whole list would call its
 * comparator a dozen times per object.
 */
export function installOrder(objects: readonly KubernetesObject[]): KubernetesObject[] {
  const groups: KubernetesObject[][] = [];
  for (let i = 0; i < KIND_COUNT; i++) groups.push([]);
  for (let j = 0; j < objects.length; j++) groups[KIND_RANK[objects[j]!.kind]]!.push(objects[j]!);
  const out: KubernetesObject[] = [];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    if (!inNameOrder(group)) group.sort(byName);
    for (let j = 0; j < group.length; j++) out.push(group[j]!);
  }
  return out;
}

function inNameOrder(objects: readonly KubernetesObject[]): boolean {
  for (let i = 1; i < objects.length; i++) if (objects[i - 1]!.metadata.name > objects[i]!.metadata.name) return false;
  return true;
}

function byName(a: KubernetesObject, b: KubernetesObject): number {
  return compareStrings(a.metadata.name, b.metadata.name);
}
