/**
 * `convert()`: the IR to a target's objects. A function per target keeps each emitter independent; this module
 * only dispatches, so a build script can call `convert(project, { target: 'swarm' })` without knowing the emitters.
 */
import { sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import type { Project } from './ir/types.js';
import { emitKubernetes, type KubernetesObject, type KubernetesOptions, type SecretSource } from './emit/kubernetes/index.js';
import { emitSwarm, type SwarmOptions, type SwarmResult } from './emit/swarm/index.js';

/** Options for a Kubernetes conversion. */
export type KubernetesConvertOptions = KubernetesOptions & { target: 'kubernetes' };

/** Options for a Swarm conversion. */
export type SwarmConvertOptions = SwarmOptions & { target: 'swarm' };

/** The result of a Kubernetes conversion: objects in install order. */
export interface KubernetesConversion {
  target: 'kubernetes';
  /** The Compose project's name (a Helm chart is named after it). */
  project: string;
  objects: KubernetesObject[];
  /** Secrets the objects reference without containing them (see {@link SecretSource}). */
  secretSources: SecretSource[];
  diagnostics: Diagnostic[];
}

/** The result of a Swarm conversion: the stack file and any files written beside it. */
export interface SwarmConversion extends SwarmResult {
  target: 'swarm';
}

/** Either conversion. */
export type Conversion = KubernetesConversion | SwarmConversion;

/** Converts a loaded project for a target. Pure: reads only the project. */
export function convert(project: Project, options: KubernetesConvertOptions): KubernetesConversion;
export function convert(project: Project, options: SwarmConvertOptions): SwarmConversion;
export function convert(project: Project, options: KubernetesConvertOptions | SwarmConvertOptions): Conversion;
export function convert(project: Project, options: KubernetesConvertOptions | SwarmConvertOptions): Conversion {
  if (options.target === 'swarm') {
    const { target: _target, ...swarm } = options;
    const result = emitSwarm(project, swarm);
    return { target: 'swarm', ...result, diagnostics: sortDiagnostics(result.diagnostics) };
  }
  const { target: _target, ...kubernetes } = options;
  const result = emitKubernetes(project, kubernetes);
  return { target: 'kubernetes', project: project.name, ...result, diagnostics: sortDiagnostics(result.diagnostics) };
}
