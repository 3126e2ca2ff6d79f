/**
 * A small Kustomize for tests: builds an overlay directory rendered by stackport (resources, JSON 6902 patches,
 * `$patch: delete` patches, secretGenerator with files) the way `kubectl kustomize` does, so tests can check that
 * an overlay reproduces the direct conversion exactly. It reads the rendered file map; only a secretGenerator's
 * files are read from disk, relative to `root`, where the rendered files would have been written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { applyJsonPatch, type JsonPatchOperation } from '../../src/render/json-patch.js';
import type { KubernetesObject } from '../../src/emit/kubernetes/index.js';

type Files = ReadonlyMap<string, string>;

/** The objects `kubectl kustomize <dir>` would produce from the rendered files. */
export function buildKustomization(files: Files, dir: string, root = '/nonexistent'): KubernetesObject[] {
  const kustomization = parse(mustGet(files, path.posix.join(dir, 'kustomization.yaml')));
  let objects: KubernetesObject[] = [];
  for (const resource of kustomization.resources ?? []) {
    const target = path.posix.normalize(path.posix.join(dir, resource));
    objects = files.has(path.posix.join(target, 'kustomization.yaml'))
      ? objects.concat(buildKustomization(files, target, root))
      : objects.concat(parseAllDocuments(mustGet(files, target)).map((d) => d.toJS() as KubernetesObject));
  }
  for (const generator of kustomization.secretGenerator ?? []) {
    const secret = generatedSecret(generator, path.join(root, dir));
    if (generator.behavior === 'replace') {
      objects = objects.map((o) => (o.kind === 'Secret' && o.metadata.name === secret.metadata.name ? secret : o));
    } else objects.push(secret);
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

interface SecretGenerator {
  name: string;
  namespace?: string;
  type?: string;
  files: string[];
  options?: { labels?: Record<string, string> };
  behavior?: 'create' | 'replace';
}

/** A Secret as Kustomize generates it with disableNameSuffixHash (the only generator option stackport writes). */
function generatedSecret(generator: SecretGenerator, dir: string): KubernetesObject {
  const data: Record<string, string> = {};
  for (const entry of generator.files) {
    const eq = entry.indexOf('=');
    data[entry.slice(0, eq)] = readFileSync(path.resolve(dir, entry.slice(eq + 1))).toString('base64');
  }
  const metadata: KubernetesObject['metadata'] = { name: generator.name };
  if (generator.options?.labels) metadata.labels = generator.options.labels;
  if (generator.namespace) metadata.namespace = generator.namespace;
  return { apiVersion: 'v1', kind: 'Secret', metadata, type: generator.type ?? 'Opaque', data };
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
