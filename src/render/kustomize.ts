/**
 * The Kustomize layout: `base/` holds every object of the base conversion with a `kustomization.yaml` listing
 * them, and `overlays/<env>/` holds, for each environment, only what differs: new objects as resources, changed
 * objects as JSON 6902 patches, and removed objects as `$patch: delete` patches. `kubectl apply -k overlays/<env>`
 * then yields exactly the conversion of the merged project for that environment.
 *
 * Secrets are referenced by name, exactly as in the plain layout, and created beforehand with the printed
 * `kubectl create secret` commands. A secretGenerator would have to read the secret files from the Compose
 * project, outside the kustomization root, which `kubectl apply -k` forbids (its default load restrictor); copying
 * them in would write secret values into the output directory.
 */
import type { KubernetesObject } from '../emit/kubernetes/index.js';
import { diffJson } from './json-patch.js';
import { GENERATED_HEADER, objectFileName, type RenderedFiles } from './files.js';
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

/** One conversion as the Kustomize layout uses it. */
export interface KustomizeInput {
  objects: readonly KubernetesObject[];
}

/** Renders the base and one overlay per environment. */
export function renderKustomize(base: KustomizeInput, overlays: Readonly<Record<string, KustomizeInput>>): RenderedFiles {
  const files: RenderedFiles = new Map();
  const baseFiles = base.objects.map((o) => `${objectFileName(o)}.yaml`);
  base.objects.forEach((o, i) => files.set(`base/${baseFiles[i]}`, GENERATED_HEADER + toYaml(o)));
  files.set('base/kustomization.yaml', kustomizationFile({ resources: baseFiles }));
  for (const env of Object.keys(overlays).sort()) {
    const overlay = overlays[env]!;
    const rendered = renderOverlay(base, overlay);
    for (const [file, content] of rendered) files.set(`overlays/${env}/${file}`, content);
  }
  return files;
}

function renderOverlay(base: KustomizeInput, overlay: KustomizeInput): RenderedFiles {
  const files: RenderedFiles = new Map();
  const inBase = new Map(base.objects.map((o) => [objectKey(o), o]));
  const inOverlay = new Map(overlay.objects.map((o) => [objectKey(o), o]));
  const resources = ['../../base'];
  const patches: Record<string, unknown>[] = [];
  for (const object of overlay.objects) {
    const original = inBase.get(objectKey(object));
    const name = `${objectFileName(object)}.yaml`;
    if (!original) {
      resources.push(name);
      files.set(name, GENERATED_HEADER + toYaml(object));
      continue;
    }
    const ops = diffJson(original, object);
    if (ops.length === 0) continue;
    const file = `patches/${name}`;
    files.set(file, GENERATED_HEADER + toYaml(ops));
    patches.push({ path: file, target: target(object) });
  }
  for (const object of base.objects) {
    if (inOverlay.has(objectKey(object))) continue;
    const file = `patches/delete-${objectFileName(object)}.yaml`;
    const deletion = { apiVersion: object.apiVersion, kind: object.kind, metadata: metadataOf(object), $patch: 'delete' };
    files.set(file, GENERATED_HEADER + toYaml(deletion));
    patches.push({ path: file });
  }
  const body: Record<string, unknown> = { resources };
  if (patches.length > 0) body.patches = patches;
  files.set('kustomization.yaml', kustomizationFile(body));
  return files;
}

function kustomizationFile(body: Record<string, unknown>): string {
  return GENERATED_HEADER + toYaml(kustomization(body));
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
