/**
 * The Kustomize layout: `base/` holds every object of the base conversion with a `kustomization.yaml` listing
 * them, and `overlays/<env>/` holds, for each environment, only what differs: new objects as resources, changed
 * objects as JSON 6902 patches, and removed objects as `$patch: delete` patches. `kubectl apply -k overlays/<env>`
 * then yields exactly the conversion of the merged project for that environment.
 */
import type { KubernetesObject } from '../emit/kubernetes/index.js';
import { diffJson } from './json-patch.js';
import { GENERATED_HEADER, objectFileName, type RenderedFiles } from './render.js';
import { toYaml } from './yaml.js';

/** An object's identity within one namespace-scoped stream. */
export function objectKey(object: KubernetesObject): string {
  return `${object.apiVersion}|${object.kind}|${object.metadata.namespace ?? ''}|${object.metadata.name}`;
}

/** `group/version` split the way Kustomize targets name them (`v1` has no group). */
function groupVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** Renders the base and one overlay per environment. */
export function renderKustomize(
  base: readonly KubernetesObject[],
  overlays: Readonly<Record<string, readonly KubernetesObject[]>>,
): RenderedFiles {
  const files: RenderedFiles = new Map();
  const baseFiles = base.map((o) => `${objectFileName(o)}.yaml`);
  base.forEach((o, i) => files.set(`base/${baseFiles[i]}`, GENERATED_HEADER + toYaml(o)));
  files.set('base/kustomization.yaml', GENERATED_HEADER + toYaml(kustomization({ resources: baseFiles })));
  for (const env of Object.keys(overlays).sort()) {
    for (const [path, content] of renderOverlay(base, overlays[env]!)) files.set(`overlays/${env}/${path}`, content);
  }
  return files;
}

function renderOverlay(base: readonly KubernetesObject[], overlay: readonly KubernetesObject[]): RenderedFiles {
  const files: RenderedFiles = new Map();
  const inBase = new Map(base.map((o) => [objectKey(o), o]));
  const inOverlay = new Map(overlay.map((o) => [objectKey(o), o]));
  const resources = ['../../base'];
  const patches: Record<string, unknown>[] = [];
  for (const object of overlay) {
    const original = inBase.get(objectKey(object));
    const name = `${objectFileName(object)}.yaml`;
    if (!original) {
      resources.push(name);
      files.set(name, GENERATED_HEADER + toYaml(object));
      continue;
    }
    const ops = diffJson(original, object);
    if (ops.length === 0) continue;
    const path = `patches/${name}`;
    files.set(path, GENERATED_HEADER + toYaml(ops));
    patches.push({ path, target: target(object) });
  }
  for (const object of base) {
    if (inOverlay.has(objectKey(object))) continue;
    const path = `patches/delete-${objectFileName(object)}.yaml`;
    const deletion = { apiVersion: object.apiVersion, kind: object.kind, metadata: metadataOf(object), $patch: 'delete' };
    files.set(path, GENERATED_HEADER + toYaml(deletion));
    patches.push({ path });
  }
  const body: Record<string, unknown> = { resources };
  if (patches.length > 0) body.patches = patches;
  files.set('kustomization.yaml', GENERATED_HEADER + toYaml(kustomization(body)));
  return files;
}

function target(object: KubernetesObject): Record<string, string> {
  const { group, version } = groupVersion(object.apiVersion);
  const t: Record<string, string> = { version, kind: object.kind, name: object.metadata.name };
  if (group) t.group = group;
  if (object.metadata.namespace) t.namespace = object.metadata.namespace;
  return t;
}

function metadataOf(object: KubernetesObject): Record<string, string> {
  return object.metadata.namespace
    ? { name: object.metadata.name, namespace: object.metadata.namespace }
    : { name: object.metadata.name };
}

function kustomization(body: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', ...body };
}
