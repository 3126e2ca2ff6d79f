/**
 * Compose keys that sanitize to one Kubernetes name. Compose allows `_` and `.` in service, volume, secret and config
 * keys; Kubernetes names do not, so `web_api` and `web-api` both become `web-api`. Their objects would overwrite
 * each other: one service's workload or one volume's data would be lost or mixed with another's. That is an error,
 * reported before any object is built, at the key written later, naming both keys.
 */
import { error } from '../../diagnostics/diagnostic.js';
import { entryLocation, keyLocation } from '../../diagnostics/locations.js';
import type { SourceLocation } from '../../diagnostics/diagnostic.js';
import { sortedNames } from '../../util/strings.js';
import type { KubeContext } from './context.js';
import { dnsLabel } from './names.js';
import { serviceName } from './services.js';
import { fileObjectName } from './storage.js';

/** One Compose key that becomes a Kubernetes name. */
interface Claimant {
  key: string;
  /** The IR object whose `name` entry records where the key was written. */
  at: object;
  /** For external entries, the external object's name: two entries naming one external object share it on purpose. */
  external?: string;
}

/**
 * Reports every pair of Compose keys of one family that map to one Kubernetes name, as K8S_NAME_COLLISION errors;
 * returns the colliding Kubernetes names, so the last-resort check on the finished objects does not repeat them.
 */
export function reportNameCollisions(c: KubeContext): Set<string> {
  const collided = new Set<string>();
  const p = c.project;
  const services = c.serviceNames.map((key) => ({ key, at: p.services[key]! }));
  check(c, 'services', 'workload', services, (k) => dnsLabel(k), collided);
  check(c, 'services', 'Service', services, serviceName, collided);

  const usedVolumes = new Set<string>();
  const usedSecrets = new Set<string>();
  const usedConfigs = new Set<string>();
  for (const name of c.serviceNames) {
    const s = p.services[name]!;
    for (const v of s.volumes) if (v.type === 'volume' && v.source !== undefined) usedVolumes.add(v.source);
    for (const r of s.secrets) usedSecrets.add(r.source);
    for (const r of s.configs) usedConfigs.add(r.source);
  }
  const claimants = (section: Record<string, { name: string; external?: boolean }>, used: Set<string>): Claimant[] =>
    sortedNames(section)
      .filter((key) => used.has(key))
      .map((key) => {
        const entry = section[key]!;
        return entry.external ? { key, at: entry, external: entry.name } : { key, at: entry };
      });
  check(c, 'volumes', 'PersistentVolumeClaim', claimants(p.volumes, usedVolumes), (k) => c.dnsLabel(p.volumes[k]?.external ? p.volumes[k]!.name : k), collided);
  check(c, 'secrets', 'Secret', claimants(p.secrets, usedSecrets), (k) => fileObjectName(c, 'secret', k), collided);
  check(c, 'configs', 'ConfigMap', claimants(p.configs, usedConfigs), (k) => fileObjectName(c, 'config', k), collided);
  return collided;
}

function check(
  c: KubeContext,
  section: 'services' | 'volumes' | 'secrets' | 'configs',
  what: string,
  claimants: readonly Claimant[],
  kubernetesName: (key: string) => string,
  collided: Set<string>,
  reported = REPORTED_PAIRS,
): void {
  const byName = new Map<string, Claimant[]>();
  for (let i = 0; i < claimants.length; i++) {
    const cl = claimants[i]!;
    const name = kubernetesName(cl.key);
    const group = byName.get(name);
    if (group === undefined) byName.set(name, [cl]);
    else group.push(cl);
  }
  for (const [name, group] of byName) {
    if (group.length < 2) continue;
    const ordered = group.slice().sort((a, b) => compareLocations(where(a), where(b)));
    const first = ordered[0]!;
    for (let i = 1; i < ordered.length; i++) {
      const later = ordered[i]!;
      // Two external entries naming one external object refer to it twice on purpose.
      if (later.external !== undefined && ordered.slice(0, i).every((o) => o.external === later.external)) continue;
      collided.add(name);
      // Two services whose workload and Service names both collide are one finding, not two.
      const pair = `${section}\u0000${first.key}\u0000${later.key}`;
      let seen = reported.get(c);
      if (seen === undefined) reported.set(c, (seen = new Set()));
      if (seen.has(pair)) continue;
      seen.add(pair);
      c.diagnostics.push(
        error(
          'K8S_NAME_COLLISION',
          `${section}.${later.key}: "${later.key}" and "${first.key}" both become the Kubernetes ${what} name ${name}; one would replace the other${section === 'volumes' ? ' (or both would share one claim and mix their data)' : ''}`,
          where(later),
          `rename ${section}.${later.key} (or ${section}.${first.key}) so the two differ after replacing _ and . with -, and lowercasing`,
        ),
      );
    }
  }
}

/** Per conversion, the pairs already reported. */
const REPORTED_PAIRS = new WeakMap<KubeContext, Set<string>>();

function where(cl: Claimant): SourceLocation | undefined {
  return keyLocation(cl.at, 'name') ?? entryLocation(cl.at, 'name');
}

/** Source order within a file; keys without a position or from different files keep their code-point order. */
function compareLocations(a: SourceLocation | undefined, b: SourceLocation | undefined): number {
  if (a === undefined || b === undefined || a.file !== b.file) return 0;
  return a.line - b.line || a.column - b.column;
}
