/**
 * `convertOverlays()`: the environments of the Kustomize layout. Each environment is the project's own files plus
 * one Compose override file, loaded and converted exactly like the base, so an overlay is the difference between
 * two ordinary conversions.
 */
import { convert, type KubernetesConversion } from './convert.js';
import { error, type Diagnostic } from './diagnostics/diagnostic.js';
import type { KubernetesOptions } from './emit/kubernetes/index.js';
import { load } from './load/loader.js';
import type { LoadOptions } from './load/options.js';

/** What {@link convertOverlays} returns: a conversion per environment, and the errors of those that failed. */
export interface OverlayConversions {
  overlays: Record<string, KubernetesConversion>;
  diagnostics: Diagnostic[];
}

/** Environment names become directory names: lowercase letters, digits and dashes. */
export const ENVIRONMENT_NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Converts each environment: `base` loads the project (its `files` are the base files), `overrides` maps an
 * environment name to the override file added after them.
 */
export function convertOverlays(
  base: LoadOptions,
  overrides: Readonly<Record<string, string>>,
  options: KubernetesOptions = {},
): OverlayConversions {
  const overlays: Record<string, KubernetesConversion> = {};
  const diagnostics: Diagnostic[] = [];
  for (const [env, file] of Object.entries(overrides)) {
    if (!ENVIRONMENT_NAME.test(env)) {
      diagnostics.push(error('USAGE', `environment "${env}": use lowercase letters, digits and dashes`));
      continue;
    }
    const loaded = load({ ...base, files: [...(base.files ?? []), file] });
    diagnostics.push(...loaded.diagnostics.filter((d) => d.severity === 'error'));
    if (loaded.project) overlays[env] = convert(loaded.project, { target: 'kubernetes', ...options });
  }
  return { overlays, diagnostics };
}
