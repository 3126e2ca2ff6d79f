/**
 * stackport's library entry point: everything the CLI does is one of these functions.
 *
 * ```ts
 * import { load, convert, render } from 'stackport';
 * const { project, diagnostics } = load({ files: ['compose.yaml'] });
 * if (project) {
 *   const result = convert(project, { target: 'kubernetes' });
 *   const files = render(result, { layout: 'files' });
 * }
 * ```
 */
export { load, type LoadResult } from './load/loader.js';
export type { LoadOptions } from './load/options.js';
export { nodeHost, memoryHost, type Host } from './load/host.js';
export {
  convert,
  type Conversion,
  type KubernetesConversion,
  type SwarmConversion,
  type KubernetesConvertOptions,
  type SwarmConvertOptions,
} from './convert.js';
export { convertOverlays, ENVIRONMENT_NAME, type OverlayConversions } from './overlays.js';
export { emitCompose } from './emit/compose/index.js';
export type { Emitted, KubernetesList, KubernetesObject, KubernetesOptions, ObjectMeta, SecretSource, Workload } from './emit/kubernetes/index.js';
export type { SwarmOptions, SwarmResult, SwarmService, SwarmStack, SwarmVersion } from './emit/swarm/index.js';
export { render, type RenderOptions, type Layout } from './render/render.js';
export type { RenderedFiles } from './render/files.js';
export type { KustomizeInput } from './render/kustomize.js';
export type { HelmInput } from './render/helm/index.js';
export { check, checkFile, type CheckResult, type ChangedFile } from './render/check.js';
export { writeOutputDirectory, writeOutputFile, MANIFEST_FILE, type WriteResult, type WriteFailure } from './render/output-directory.js';
export { KOMPOSE_LABELS, type KomposeLabel } from './emit/kubernetes/kompose/catalogue.js';
export { VERSION } from './version.js';
export { toYaml, toYamlStream, toJson } from './render/yaml.js';
export {
  formatDiagnostic,
  hasErrors,
  sortDiagnostics,
  type Diagnostic,
  type Severity,
  type SourceLocation,
} from './diagnostics/diagnostic.js';
export type * from './ir/types.js';
export { Sensitive } from './ir/sensitive.js';
export { sortedNames } from './util/strings.js';
