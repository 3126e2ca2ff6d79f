/**
 * Validates emitted Kubernetes objects as an API server would, without one: the kubernetes-models schemas (types,
 * required fields, enums, quantities), unknown fields (a typed round trip through @kubernetes/client-node's
 * serializer drops them, so any difference is an unknown field), and the API-server rules schemas miss (names,
 * port ranges and names, selectors matching templates, label values, served apiVersions).
 */
import { isDeepStrictEqual } from 'node:util';

interface Obj {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [k: string]: unknown;
}

const SERVED = new Set([
  'v1/Namespace', 'v1/ConfigMap', 'v1/Secret', 'v1/PersistentVolumeClaim', 'v1/Service', 'apps/v1/Deployment',
  'apps/v1/StatefulSet', 'apps/v1/DaemonSet', 'batch/v1/Job', 'batch/v1/CronJob', 'networking.k8s.io/v1/Ingress',
  'autoscaling/v2/HorizontalPodAutoscaler', 'networking.k8s.io/v1/NetworkPolicy',
]);

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const IANA_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

type Serializer = { serialize(o: unknown, t: string): unknown; deserialize(o: unknown, t: string): unknown };
let serializer: Promise<Serializer> | undefined;

/** Every problem found in `objects`, as readable lines; empty when all are valid. */
export async function validateObjects(objects: readonly Obj[]): Promise<string[]> {
  const errors: string[] = [];
  for (const object of objects) {
    const id = `${object.kind}/${object.metadata?.name}`;
    const problems = [...(await schemaErrors(object)), ...(await unknownFields(object)), ...ruleErrors(object)];
    errors.push(...problems.map((p) => `${id}: ${p}`));
  }
  return errors;
}

async function schemaErrors(object: Obj): Promise<string[]> {
  if (!SERVED.has(`${object.apiVersion}/${object.kind}`)) return [`apiVersion ${object.apiVersion} ${object.kind} is not served`];
  try {
    const mod = (await import(`kubernetes-models/${object.apiVersion}/${object.kind}`)) as Record<string, new (o: unknown) => { validate(): void }>;
    new mod[object.kind]!(object).validate();
    return [];
  } catch (e) {
    return [`schema: ${(e as Error).message.slice(0, 500)}`];
  }
}

async function unknownFields(object: Obj): Promise<string[]> {
  serializer ??= import('@kubernetes/client-node/dist/gen/models/ObjectSerializer.js').then((m) => (m as unknown as { ObjectSerializer: Serializer }).ObjectSerializer);
  const s = await serializer;
  const type = `V${object.apiVersion.includes('/') ? object.apiVersion.split('/')[1]!.replace(/^v/, '') : object.apiVersion.replace(/^v/, '')}${object.kind}`;
  const typeName = type.startsWith('V2') || type.startsWith('V1') ? type : `V1${object.kind}`;
  const plain = JSON.parse(JSON.stringify(object));
  const round = JSON.parse(JSON.stringify(s.serialize(s.deserialize(plain, typeName), typeName)));
  return isDeepStrictEqual(round, plain) ? [] : diffPaths(plain, round, '').map((p) => `unknown field ${p}`);
}

function diffPaths(a: unknown, b: unknown, at: string): string[] {
  if (a !== null && typeof a === 'object' && b !== null && typeof b === 'object') {
    const out: string[] = [];
    for (const key of Object.keys(a)) {
      if (!(key in (b as object))) out.push(`${at}.${key}`);
      else out.push(...diffPaths((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`));
    }
    return out;
  }
  return isDeepStrictEqual(a, b) ? [] : [`${at} (value changed in a typed round trip)`];
}

function ruleErrors(object: Obj): string[] {
  const out: string[] = [];
  const name = object.metadata?.name ?? '';
  if (object.kind === 'Service') {
    if (!DNS1035_LABEL.test(name) || name.length > 63) out.push(`name "${name}" is not a DNS-1035 label`);
  } else if (!DNS1123_SUBDOMAIN.test(name) || name.length > 253) out.push(`name "${name}" is not a DNS-1123 subdomain`);
  for (const [key, value] of Object.entries(object.metadata?.labels ?? {})) out.push(...labelErrors(key, value));
  for (const key of Object.keys(object.metadata?.annotations ?? {})) out.push(...annotationKeyErrors(key));
  const outer = object.spec as Record<string, unknown> | undefined;
  // A CronJob's pod template sits inside its job template.
  const spec = object.kind === 'CronJob' ? ((outer?.jobTemplate as { spec?: Record<string, unknown> } | undefined)?.spec ?? undefined) : outer;
  if (object.kind === 'Service' && spec) out.push(...servicePortErrors(spec));
  const template = spec?.template as { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, unknown> } | undefined;
  if (template) {
    for (const [key, value] of Object.entries(template.metadata?.labels ?? {})) out.push(...labelErrors(key, value));
    for (const key of Object.keys(template.metadata?.annotations ?? {})) out.push(...annotationKeyErrors(key));
    const selector = (spec?.selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels;
    if (selector) {
      for (const [k, v] of Object.entries(selector)) if (template.metadata?.labels?.[k] !== v) out.push(`selector ${k}=${v} does not match the template labels`);
    }
    out.push(...podErrors(template.spec ?? {}));
  }
  return out;
}

/** Annotation keys follow the label key rules; their values may be anything. */
function annotationKeyErrors(key: string): string[] {
  return !LABEL_KEY.test(key) || key.split('/').pop()!.length > 63 ? [`annotation key "${key}" is invalid`] : [];
}

function labelErrors(key: string, value: string): string[] {
  const out: string[] = [];
  if (!LABEL_KEY.test(key) || key.split('/').pop()!.length > 63) out.push(`label key "${key}" is invalid`);
  if (value.length > 63 || !LABEL_VALUE.test(value)) out.push(`label value "${value}" is invalid`);
  return out;
}

function servicePortErrors(spec: Record<string, unknown>): string[] {
  const out: string[] = [];
  const ports = (spec.ports as { name?: string; port: number; nodePort?: number; targetPort?: number | string }[] | undefined) ?? [];
  const names = new Set<string>();
  for (const p of ports) {
    if (!(p.port >= 1 && p.port <= 65535)) out.push(`service port ${p.port} is outside 1..65535`);
    if (typeof p.targetPort === 'number' && !(p.targetPort >= 1 && p.targetPort <= 65535)) out.push(`targetPort ${p.targetPort} is outside 1..65535`);
    if (p.nodePort !== undefined && !(p.nodePort >= 30000 && p.nodePort <= 32767)) out.push(`nodePort ${p.nodePort} is outside 30000..32767`);
    if (ports.length > 1 && p.name === undefined) out.push('a Service with several ports must name each one');
    if (p.name !== undefined) {
      if (!isIanaName(p.name)) out.push(`port name "${p.name}" is not an IANA service name`);
      if (names.has(p.name)) out.push(`port name "${p.name}" is used twice`);
      names.add(p.name);
    }
  }
  return out;
}

function podErrors(pod: Record<string, unknown>): string[] {
  const out: string[] = [];
  const containers = [...((pod.containers as Record<string, unknown>[]) ?? []), ...((pod.initContainers as Record<string, unknown>[]) ?? [])];
  const containerNames = new Set<string>();
  for (const c of containers) {
    const name = String(c.name);
    if (!DNS1123_LABEL.test(name) || name.length > 63) out.push(`container name "${name}" is not a DNS-1123 label`);
    if (containerNames.has(name)) out.push(`container name "${name}" is used twice`);
    containerNames.add(name);
    const portNames = new Set<string>();
    for (const p of (c.ports as { name?: string; containerPort: number; hostPort?: number }[] | undefined) ?? []) {
      if (!(p.containerPort >= 1 && p.containerPort <= 65535)) out.push(`containerPort ${p.containerPort} is outside 1..65535`);
      if (p.hostPort !== undefined && !(p.hostPort >= 1 && p.hostPort <= 65535)) out.push(`hostPort ${p.hostPort} is outside 1..65535`);
      if (p.name !== undefined) {
        if (!isIanaName(p.name)) out.push(`container port name "${p.name}" is not an IANA service name`);
        if (portNames.has(p.name)) out.push(`container port name "${p.name}" is used twice`);
        portNames.add(p.name);
      }
    }
  }
  const volumeNames = new Set<string>();
  for (const v of (pod.volumes as { name: string }[] | undefined) ?? []) {
    if (!DNS1123_LABEL.test(v.name) || v.name.length > 63) out.push(`volume name "${v.name}" is not a DNS-1123 label`);
    if (volumeNames.has(v.name)) out.push(`volume name "${v.name}" is used twice`);
    volumeNames.add(v.name);
  }
  for (const c of containers) {
    for (const m of (c.volumeMounts as { name: string; mountPath: string }[] | undefined) ?? []) {
      if (!volumeNames.has(m.name) && pod.volumes !== undefined) out.push(`volumeMount ${m.name} has no volume`);
    }
  }
  return out;
}

function isIanaName(name: string): boolean {
  return name.length <= 15 && IANA_NAME.test(name) && /[a-z]/.test(name) && !name.includes('--');
}
