/**
 * A small Kustomize for tests: builds an overlay directory rendered by stackport (resources, JSON 6902 patches,
 * `$patch: delete` patches) the way `kubectl apply -k` does, so tests can check that an overlay reproduces the
 * direct conversion exactly. It reads the rendered file map, not the disk.
 */
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { applyJsonPatch, type JsonPatchOperation } from '../../src/render/json-patch.js';
import type { KubernetesObject } from '../../src/emit/kubernetes/index.js';

type Files = ReadonlyMap<string, string>;

/** The objects `kubectl kustomize <dir>` would produce from the rendered files. */
export function buildKustomization(files: Files, dir: string): KubernetesObject[] {
  const kustomization = parse(mustGet(files, path.posix.join(dir, 'kustomization.yaml')));
  let objects: KubernetesObject[] = [];
  for (const resource of kustomization.resources ?? []) {
    const target = path.posix.normalize(path.posix.join(dir, resource));
    objects = files.has(path.posix.join(target, 'kustomization.yaml'))
      ? objects.concat(buildKustomization(files, target))
      : objects.concat(parseAllDocuments(mustGet(files, target)).map((d) => d.toJS() as KubernetesObject));
  }
  for (const patch of kustomization.patches ?? []) {
    const content = parse(mustGet(files, path.posix.join(dir, patch.path)));
    if (Array.isArray(content)) {
      objects = objects.map((o) => (matches(o, patch.target) ? (applyJsonPatch(o, content as JsonPatchOperation[]) as KubernetesObject) : o));
    } else if (content.$patch === 'delete') {
      objects = objects.filter((o) => !(o.kind === content.kind && o.metadata.name === content.metadata.name));
    } else {
      throw new Error(`unsupported patch ${patch.path}`);
    }
  }
  return objects;
}

function matches(o: KubernetesObject, target: Record<string, string>): boolean {
  const apiVersion = target.group ? `${target.group}/${target.version}` : target.version;
  return o.kind === target.kind && o.metadata.name === target.name && o.apiVersion === apiVersion;
}

function mustGet(files: Files, name: string): string {
  const content = files.get(name);
  if (content === undefined) throw new Error(`kustomization refers to missing file ${name}`);
  return content;
}
