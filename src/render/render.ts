/**
 * `render()`: a conversion to the bytes of its output files, as a map of relative path -> content. Writing them
 * (or comparing them with what is on disk) is a separate step, so the same map serves stdout, `-o DIR` and `--check`.
 */
import type { Conversion, KubernetesConversion, SwarmConversion } from '../convert.js';
import type { KubernetesList, KubernetesObject } from '../emit/kubernetes/index.js';
import { GENERATED_HEADER, STREAM_FILE, objectFileName, type RenderedFiles } from './files.js';
import { renderHelm } from './helm/index.js';
import { renderKustomize, type KustomizeInput } from './kustomize.js';
import { toJson, toYaml, toYamlStream } from './yaml.js';

/** How output is laid out. */
export type Layout = 'stream' | 'files' | 'kustomize' | 'helm';

/** Options for {@link render}. */
export interface RenderOptions {
  /**
   * `stream` (one multi-document file, the default), `files` (one file per object), `kustomize` (a base and
   * overlays) or `helm` (a chart whose values reproduce the conversion). The last two are Kubernetes only.
   */
  layout?: Layout;
  /** `yaml` (default) or `json` (a `v1 List` for Kubernetes). */
  format?: 'yaml' | 'json';
  /** For the `kustomize` layout: each environment's objects (the conversion of the base plus its override file). */
  overlays?: Readonly<Record<string, KustomizeInput>>;
  /** Spaces per YAML level for the `stream` and `files` layouts and Swarm (default 2; Kompose's `--indent`). */
  indent?: number;
}

/** Renders a conversion into files. */
export function render(conversion: Conversion, options: RenderOptions = {}): RenderedFiles {
  return conversion.target === 'swarm' ? renderSwarm(conversion, options) : renderKubernetes(conversion, options);
}

function renderKubernetes(conversion: KubernetesConversion, options: RenderOptions): RenderedFiles {
  const files: RenderedFiles = new Map();
  const json = options.format === 'json';
  if (options.layout === 'kustomize') return renderKustomize(conversion, options.overlays ?? {});
  if (options.layout === 'helm') return renderHelm(conversion);
  if ((options.layout ?? 'stream') === 'stream') {
    const name = json ? 'manifests.json' : STREAM_FILE.kubernetes;
    files.set(name, json ? toJson(asList(conversion.objects)) : GENERATED_HEADER + toYamlStream(conversion.objects, options.indent));
    return files;
  }
  for (const object of conversion.objects) {
    const base = objectFileName(object);
    files.set(json ? `${base}.json` : `${base}.yaml`, json ? toJson(object) : GENERATED_HEADER + toYaml(object, options.indent));
  }
  return files;
}

function renderSwarm(conversion: SwarmConversion, options: RenderOptions): RenderedFiles {
  const files: RenderedFiles = new Map();
  if (options.format === 'json') files.set('stack.json', toJson(conversion.stack));
  else files.set(STREAM_FILE.swarm, GENERATED_HEADER + toYaml(conversion.stack, options.indent));
  for (const name of Object.keys(conversion.files).sort()) files.set(name, conversion.files[name]!);
  return files;
}

/** Kubernetes' convention for several objects in one JSON document. */
function asList(objects: readonly KubernetesObject[]): KubernetesList {
  return { apiVersion: 'v1', kind: 'List', items: objects };
}
