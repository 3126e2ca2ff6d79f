/** What the Kubernetes emitter's steps share: options, the project, names, and diagnostics at the user's keys. */
import { error, info, warning, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { entryLocation } from '../../diagnostics/locations.js';
import type { Project, Service } from '../../ir/types.js';
import { sortedNames } from '../../util/strings.js';
import { containerPortList, type ContainerPort } from './container-ports.js';
import { hasOwnKeys } from '../../util/objects.js';
import { dnsLabel, isAlphanumeric, isKeyCharacter } from './names.js';
import type { KubernetesOptions, ObjectMeta, SecretSource } from './types.js';

/** The emitter's running state, and the per-project facts its steps would otherwise each work out again. */
export class KubeContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Secrets referenced but not emitted. */
  readonly secretSources: SecretSource[] = [];
  /** The project's services in code-point order. */
  readonly serviceNames: string[];
  /** The project name as a label value. */
  readonly partOf: string;
  private readonly portLists = new Map<Service, ContainerPort[]>();
  private readonly labels = new Map<string, string>();

  constructor(
    readonly project: Project,
    readonly options: KubernetesOptions,
  ) {
    this.serviceNames = sortedNames(project.services);
    this.partOf = labelValue(project.name);
  }

  /** Reports at the key `key` of an IR object (falling back to where the object itself was written). */
  report(severity: 'error' | 'warning' | 'info', code: string, message: string, at: object, key: string, hint?: string): void {
    const make = severity === 'error' ? error : severity === 'warning' ? warning : info;
    this.diagnostics.push(make(code, message, entryLocation(at, key) ?? entryLocation(at, 'name'), hint));
  }

  /**
   * A service's container ports ({@link containerPortList}), worked out once: its container, its Services, its
   * Ingress and the services that wait for it all ask. Callers must not change the list.
   */
  containerPorts(s: Service): readonly ContainerPort[] {
    let ports = this.portLists.get(s);
    if (ports === undefined) {
      ports = containerPortList(s);
      this.portLists.set(s, ports);
    }
    return ports;
  }

  /**
   * {@link dnsLabel} of `name`, worked out once per conversion: the name of a secret or config (`api_key`, and its
   * volume `secret-api_key`) comes back for every service that mounts it, and one that needs cleaning costs four
   * regex passes each time.
   */
  dnsLabel(name: string): string {
    let label = this.labels.get(name);
    if (label === undefined) {
      label = dnsLabel(name);
      this.labels.set(name, label);
    }
    return label;
  }

  /** The metadata every object gets: name, namespace, and the standard labels. */
  metadata(name: string, component: string | undefined, extra: { labels?: Record<string, string>; annotations?: Record<string, string> } = {}): ObjectMeta {
    let labels = this.standardLabels(component);
    if (extra.labels !== undefined && hasOwnKeys(extra.labels)) labels = { ...labels, ...extra.labels };
    const metadata: ObjectMeta = extra.annotations !== undefined && hasOwnKeys(extra.annotations) ? { annotations: extra.annotations, labels, name } : { labels, name };
    if (this.options.namespace) metadata.namespace = this.options.namespace;
    return metadata;
  }

  /** The `app.kubernetes.io/*` labels: `name` is the Compose service (absent for objects the project shares). */
  standardLabels(component: string | undefined): Record<string, string> {
    if (component === undefined) return { 'app.kubernetes.io/managed-by': 'stackport', 'app.kubernetes.io/part-of': this.partOf };
    return { 'app.kubernetes.io/managed-by': 'stackport', 'app.kubernetes.io/name': labelValue(component), 'app.kubernetes.io/part-of': this.partOf };
  }

  /** The labels that select a service's pods: a stable subset that never changes between stackport versions. */
  selectorLabels(service: string): Record<string, string> {
    return { 'app.kubernetes.io/name': labelValue(service), 'app.kubernetes.io/part-of': this.partOf };
  }
}

/** A valid label value: at most 63 characters of `[A-Za-z0-9_.-]`, alphanumeric at both ends. */
export function labelValue(value: string): string {
  // Service and project names are almost always valid already: one scan instead of four regex passes.
  if (isLabelValue(value)) return value;
  const clean = value.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return clean.slice(0, 63).replace(/[^A-Za-z0-9]+$/, '');
}

/** True for a value {@link labelValue} returns unchanged (the empty string included). */
function isLabelValue(value: string): boolean {
  const n = value.length;
  if (n === 0) return true;
  if (n > 63 || !isAlphanumeric(value.charCodeAt(0)) || !isAlphanumeric(value.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) if (!isKeyCharacter(value.charCodeAt(i))) return false;
  return true;
}
