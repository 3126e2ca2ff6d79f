/** What the Kubernetes emitter's steps share: options, the project, names, and diagnostics at the user's keys. */
import { error, info, warning, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { entryLocation } from '../../diagnostics/locations.js';
import type { Project } from '../../ir/types.js';
import type { KubernetesOptions, SecretSource } from './types.js';

/** The emitter's running state. */
export class KubeContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Secrets referenced but not emitted. */
  readonly secretSources: SecretSource[] = [];
  constructor(
    readonly project: Project,
    readonly options: KubernetesOptions,
  ) {}

  /** Reports at the key `key` of an IR object (falling back to where the object itself was written). */
  report(severity: 'error' | 'warning' | 'info', code: string, message: string, at: object, key: string, hint?: string): void {
    const make = severity === 'error' ? error : severity === 'warning' ? warning : info;
    this.diagnostics.push(make(code, message, entryLocation(at, key) ?? entryLocation(at, 'name'), hint));
  }

  /** The metadata every object gets: name, namespace, and the standard labels. */
  metadata(name: string, component: string | undefined, extra: { labels?: Record<string, string>; annotations?: Record<string, string> } = {}) {
    const labels: Record<string, string> = { ...standardLabels(this.project.name, component), ...(extra.labels ?? {}) };
    const metadata: { name: string; namespace?: string; labels: Record<string, string>; annotations?: Record<string, string> } = { name, labels };
    if (this.options.namespace) metadata.namespace = this.options.namespace;
    if (extra.annotations && Object.keys(extra.annotations).length > 0) metadata.annotations = extra.annotations;
    return metadata;
  }
}

/** `app.kubernetes.io/*` labels. `name` is the Compose service (or the project for shared objects). */
export function standardLabels(project: string, component: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {
    'app.kubernetes.io/managed-by': 'stackport',
    'app.kubernetes.io/part-of': labelValue(project),
  };
  if (component !== undefined) labels['app.kubernetes.io/name'] = labelValue(component);
  return labels;
}

/** The labels that select a service's pods: a stable subset that never changes between stackport versions. */
export function selectorLabels(project: string, service: string): Record<string, string> {
  return { 'app.kubernetes.io/name': labelValue(service), 'app.kubernetes.io/part-of': labelValue(project) };
}

/** A valid label value: at most 63 characters of `[A-Za-z0-9_.-]`, alphanumeric at both ends. */
export function labelValue(value: string): string {
  const clean = value.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return clean.slice(0, 63).replace(/[^A-Za-z0-9]+$/, '');
}
