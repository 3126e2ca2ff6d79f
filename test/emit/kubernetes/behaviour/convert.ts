/**
 * Shared by the Kubernetes behaviour tests: converts one small Compose file in memory and finds objects and
 * diagnostics by kind, name and code.
 */
import { expect } from 'vitest';
import { convert, type KubernetesConversion } from '../../../../src/convert.js';
import type { Diagnostic } from '../../../../src/diagnostics/diagnostic.js';
import type { KubernetesObject, KubernetesOptions } from '../../../../src/emit/kubernetes/index.js';
import { memoryHost } from '../../../../src/load/host.js';
import { load } from '../../../../src/load/loader.js';
import type { V1Container, V1PodSpec } from '@kubernetes/client-node';

/** Loads `compose` as /p/compose.yaml and converts it to Kubernetes; fails the test when it does not load. */
export function toKubernetes(compose: string, options: KubernetesOptions = {}): KubernetesConversion {
  return projectToKubernetes({ '/p/compose.yaml': compose }, options);
}

/**
 * Loads a project of several files (paths under /p, `executables` among them marked executable) and converts it;
 * `loadBindFiles` reads bind-mounted files, as `--bind-files configmap` does.
 */
export function projectToKubernetes(
  files: Record<string, string | Uint8Array>,
  options: KubernetesOptions = {},
  extra: { executables?: string[]; loadBindFiles?: boolean } = {},
): KubernetesConversion {
  const host = memoryHost(files, { cwd: '/p', executables: extra.executables ?? [] });
  const loaded = load({ host, cwd: '/p', env: {}, ...(extra.loadBindFiles ? { loadBindFiles: true } : {}) });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return convert(loaded.project!, { target: 'kubernetes', ...options });
}

/** The object of one kind, typed as that kind. */
export type OfKind<K extends KubernetesObject['kind']> = Extract<KubernetesObject, { kind: K }>;

/** The one object of `kind` named `name`; fails the test when there is none. */
export function find<K extends KubernetesObject['kind']>(result: KubernetesConversion, kind: K, name: string): OfKind<K> {
  const found = result.objects.find((o): o is OfKind<K> => o.kind === kind && o.metadata.name === name);
  expect(found, `${kind} ${name} among ${result.objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`).toBeDefined();
  return found!;
}

/** The objects of `kind`. */
export function ofKind<K extends KubernetesObject['kind']>(result: KubernetesConversion, kind: K): OfKind<K>[] {
  return result.objects.filter((o): o is OfKind<K> => o.kind === kind);
}

/** The diagnostics with `code`. */
export function withCode(result: KubernetesConversion, code: string): Diagnostic[] {
  return result.diagnostics.filter((d) => d.code === code);
}

/** The pod spec of a workload (Deployment, StatefulSet, DaemonSet or Job). */
export function podSpec(workload: OfKind<'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job'>): V1PodSpec {
  return workload.spec!.template.spec!;
}

/** The first container of a workload's pod. */
export function firstContainer(workload: OfKind<'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job'>): V1Container {
  return podSpec(workload).containers[0]!;
}
