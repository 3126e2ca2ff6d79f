/**
 * The Kustomize layout: `base/` holds every object of the base conversion with a `kustomization.yaml` listing
 * them, and `overlays/<env>/` holds, for each environment, only what differs: new objects as resources, changed
 * objects as JSON 6902 patches, and removed objects as `$patch: delete` patches. `kubectl apply -k overlays/<env>`
 * then yields exactly the conversion of the merged project for that environment.
 *
 * Secrets the conversion references but does not contain become `secretGenerator` entries that read the secret's
 * file from the Compose project, so no secret value enters the output directory.
 */
import path from 'node:path';
import type { KubernetesObject, SecretSource } from '../emit/kubernetes/index.js';
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
  /** Referenced Secrets; those read from files become secretGenerator entries. */
  secretSources?: readonly SecretSource[];
}

/** The load restriction a secretGenerator reading project files outside the output directory runs into. */
const LOAD_RESTRICTOR_NOTE =
  '# The secretGenerator reads secret files from the Compose project, outside this directory. Build with:\n' +
  '#   kubectl kustomize --load-restrictor LoadRestrictionsNone <dir> | kubectl apply -f -\n';

/**
 * Renders the base and one overlay per environment. `projectDir` is the Compose project directory relative to
 * the output directory; secret file paths are written relative to the kustomization that reads them.
 */
export function renderKustomize(
  base: KustomizeInput,
  overlays: Readonly<Record<string, KustomizeInput>>,
  projectDir = '.',
): RenderedFiles {
  const files: RenderedFiles = new Map();
  const baseFiles = base.objects.map((o) => `${objectFileName(o)}.yaml`);
  base.objects.forEach((o, i) => files.set(`base/${baseFiles[i]}`, GENERATED_HEADER + toYaml(o)));
  const generators = secretGenerators(base.secretSources ?? [], path.posix.join('..', projectDir));
  files.set('base/kustomization.yaml', kustomizationFile({ resources: baseFiles }, generators));
  for (const env of Object.keys(overlays).sort()) {
    const overlay = overlays[env]!;
    const rendered = renderOverlay(base, overlay, path.posix.join('../..', projectDir));
    for (const [file, content] of rendered) files.set(`overlays/${env}/${file}`, content);
  }
  return files;
}

function renderOverlay(base: KustomizeInput, overlay: KustomizeInput, projectDir: string): RenderedFiles {
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
  files.set('kustomization.yaml', kustomizationFile(body, overlayGenerators(base, overlay, projectDir)));
  return files;
}

/** Generators for the overlay's file-sourced Secrets that the base lacks or reads from another file. */
function overlayGenerators(base: KustomizeInput, overlay: KustomizeInput, projectDir: string): Record<string, unknown>[] {
  const inBase = new Map((base.secretSources ?? []).map((s) => [s.metadata.name, s]));
  const changed = (overlay.secretSources ?? []).filter((s) => {
    const original = inBase.get(s.metadata.name);
    return original === undefined || original.file !== s.file || original.key !== s.key;
  });
  return secretGenerators(changed, projectDir).map((g) => (inBase.has(g.name as string) ? { ...g, behavior: 'replace' } : g));
}

function secretGenerators(sources: readonly SecretSource[], projectDir: string): Record<string, unknown>[] {
  return sources
    .filter((s) => s.file !== undefined)
    .map((s) => {
      const generator: Record<string, unknown> = {
        name: s.metadata.name,
        type: 'Opaque',
        files: [`${s.key}=${path.posix.join(projectDir, s.file!)}`],
        options: { labels: s.metadata.labels ?? {} },
      };
      if (s.metadata.namespace) generator.namespace = s.metadata.namespace;
      return generator;
    });
}

/** A kustomization.yaml; generated Secrets keep their names, as every workload refers to them by name. */
function kustomizationFile(body: Record<string, unknown>, generators: Record<string, unknown>[]): string {
  if (generators.length === 0) return GENERATED_HEADER + toYaml(kustomization(body));
  const withGenerators = { ...body, secretGenerator: generators, generatorOptions: { disableNameSuffixHash: true } };
  return GENERATED_HEADER + LOAD_RESTRICTOR_NOTE + toYaml(kustomization(withGenerators));
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
