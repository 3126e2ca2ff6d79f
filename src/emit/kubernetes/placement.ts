/**
 * `deploy.placement` -> scheduling: constraints become a required node affinity (every constraint must hold, as in
 * Swarm), `node.role == manager` also tolerates the control plane's taint, preferences become topology spread
 * constraints, and `max_replicas_per_node: 1` a pod anti-affinity per node. What Kubernetes cannot express (node
 * IDs, engine labels) is reported, not guessed.
 */
import { warning, info } from '../../diagnostics/diagnostic.js';
import { entryLocation } from '../../diagnostics/locations.js';
import type { Service } from '../../ir/types.js';
import type { KubeContext } from './context.js';

import type { V1NodeSelectorRequirement, V1PodSpec, V1TopologySpreadConstraint } from '@kubernetes/client-node';

/** The scheduling fields of a pod from `deploy.placement`; empty when there is none. */
export type Scheduling = Pick<V1PodSpec, 'affinity' | 'tolerations' | 'topologySpreadConstraints'>;

const CONTROL_PLANE = 'node-role.kubernetes.io/control-plane';
const ARCHES: Record<string, string> = { x86_64: 'amd64', amd64: 'amd64', aarch64: 'arm64', arm64: 'arm64', armv7l: 'arm', armhf: 'arm', s390x: 's390x', ppc64le: 'ppc64le' };
const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** Scheduling for a service's pods. `global` services (DaemonSets) take constraints but not spread preferences. */
export function placement(c: KubeContext, s: Service, global: boolean): Scheduling {
  const p = s.deploy?.placement;
  if (p === undefined) return {};
  const out: Scheduling = {};
  const expressions: V1NodeSelectorRequirement[] = [];
  const constraints = p.constraints ?? [];
  for (let i = 0; i < constraints.length; i++) {
    const constraint = constraints[i]!;
    const requirement = nodeRequirement((message, hint) => report(c, s, 'warning', message, constraints, i, hint), s, constraint);
    if (requirement === undefined) continue;
    expressions.push(requirement.expression);
    if (requirement.toleratesControlPlane) out.tolerations = [{ effect: 'NoSchedule', key: CONTROL_PLANE, operator: 'Exists' }];
  }
  if (expressions.length > 0) {
    out.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: expressions }] } } };
  }
  const spread: V1TopologySpreadConstraint[] = [];
  const preferences = p.preferences ?? [];
  for (let i = 0; i < preferences.length; i++) {
    const preference = preferences[i]!;
    if (global) {
      report(c, s, 'info', `services.${s.name}.deploy.placement.preferences: a global service runs on every node; spread ${preference.spread} has nothing to do`, preferences, i, undefined, 'K8S_PLACEMENT_SPREAD');
      continue;
    }
    const key = topologyKey(preference.spread);
    if (key === undefined) {
      report(c, s, 'warning', `services.${s.name}.deploy.placement.preferences: spread over "${preference.spread}" has no Kubernetes equivalent (only node.labels.<label> and node.hostname); it is left out`, preferences, i);
      continue;
    }
    // Swarm spreads evenly and never refuses to schedule for it: maxSkew 1, ScheduleAnyway.
    spread.push({ labelSelector: { matchLabels: c.selectorLabels(s.name) }, maxSkew: 1, topologyKey: key, whenUnsatisfiable: 'ScheduleAnyway' });
  }
  if (spread.length > 0) out.topologySpreadConstraints = spread;
  const perNode = p.max_replicas_per_node;
  if (perNode !== undefined && !global) {
    if (perNode === 1) {
      const term = { labelSelector: { matchLabels: c.selectorLabels(s.name) }, topologyKey: 'kubernetes.io/hostname' };
      out.affinity = { ...(out.affinity ?? {}), podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } };
    } else {
      report(c, s, 'warning', `services.${s.name}.deploy.placement.max_replicas_per_node: ${perNode} has no Kubernetes equivalent (only 1, a pod anti-affinity per node); it is left out`, p, 'max_replicas_per_node', 'use a topologySpreadConstraint on kubernetes.io/hostname through a Kustomize patch');
    }
  }
  return out;
}

/** Reports at an entry of the placement (a constraint, a preference), else at the service's `deploy`. */
function report(c: KubeContext, s: Service, severity: 'warning' | 'info', message: string, at: object, key: string | number, hint?: string, code = 'K8S_PLACEMENT_UNSUPPORTED'): void {
  const location = entryLocation(at, key) ?? entryLocation(s, 'deploy') ?? entryLocation(s, 'name');
  c.diagnostics.push((severity === 'warning' ? warning : info)(code, message, location, hint));
}

/** One node selector requirement from a Swarm constraint, or undefined (reported) when there is none. */
function nodeRequirement(say: (message: string, hint?: string) => void, s: Service, constraint: string): { expression: V1NodeSelectorRequirement; toleratesControlPlane?: boolean } | undefined {
  const match = /^\s*([^=!\s]+)\s*(==|!=)\s*(.*?)\s*$/.exec(constraint);
  const unsupported = (why: string) => {
    say(`services.${s.name}.deploy.placement.constraints: "${constraint}" ${why}; it is left out`, 'label the nodes and write node.labels.<label> == <value>');
    return undefined;
  };
  if (!match) return unsupported('is not "attribute == value" or "attribute != value"');
  const [, attribute, op, rawValue] = match as unknown as [string, string, '==' | '!=', string];
  const operator = op === '==' ? 'In' : 'NotIn';
  const value = rawValue.replace(/^(["'])(.*)\1$/, '$2');
  if (attribute === 'node.role') {
    if (value !== 'manager' && value !== 'worker') return unsupported('names a role other than manager or worker');
    const manager = (value === 'manager') === (op === '==');
    // Control-plane nodes carry the role label (and a NoSchedule taint); workers carry no role label.
    return { expression: { key: CONTROL_PLANE, operator: manager ? 'Exists' : 'DoesNotExist' }, toleratesControlPlane: manager };
  }
  let key: string | undefined;
  let wanted = value;
  if (attribute === 'node.hostname') key = 'kubernetes.io/hostname';
  else if (attribute === 'node.platform.os') key = 'kubernetes.io/os';
  else if (attribute === 'node.platform.arch') {
    key = 'kubernetes.io/arch';
    wanted = ARCHES[value] ?? value;
  } else if (attribute.startsWith('node.labels.')) key = attribute.slice('node.labels.'.length);
  else if (attribute === 'node.id') return unsupported('names a Swarm node ID, which Kubernetes nodes do not have');
  else if (attribute.startsWith('engine.labels.')) return unsupported('reads a Docker engine label, which Kubernetes nodes do not have');
  else return unsupported(`uses "${attribute}", which is not a node attribute Kubernetes knows`);
  if (!LABEL_KEY.test(key)) return unsupported(`uses "${key}", which is not a valid Kubernetes label name`);
  if (!LABEL_VALUE.test(wanted)) return unsupported(`compares with "${wanted}", which is not a valid Kubernetes label value`);
  return { expression: { key, operator, values: [wanted] } };
}

/** The topology key of a spread preference, or undefined. */
function topologyKey(spread: string): string | undefined {
  const descriptor = spread.trim();
  if (descriptor === 'node.hostname') return 'kubernetes.io/hostname';
  if (!descriptor.startsWith('node.labels.')) return undefined;
  const key = descriptor.slice('node.labels.'.length);
  return LABEL_KEY.test(key) ? key : undefined;
}
