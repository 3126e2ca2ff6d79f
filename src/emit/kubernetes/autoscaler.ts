/**
 * A HorizontalPodAutoscaler (autoscaling/v2) for a service that asks for one (x-kubernetes.autoscaling or
 * Kompose's kompose.hpa.* labels): CPU and/or memory targets, as utilization of the request or an average value.
 */
import type { Service } from '../../ir/types.js';
import type { KubeContext } from './context.js';
import type { ServiceSettings } from './extension.js';
import { dnsLabel } from './names.js';
import { int32 } from './quantities.js';
import type { V2MetricSpec, V2MetricTarget } from '@kubernetes/client-node';
import type { HorizontalPodAutoscaler } from './types.js';
import type { WorkloadKind } from './workload.js';

/** The resources the container requests (a limit alone sets the request to the limit). */
export interface Requested {
  cpu: boolean;
  memory: boolean;
}

/** The autoscaler of a Deployment or StatefulSet, or undefined (with a warning for other kinds). */
export function autoscalerFor(c: KubeContext, s: Service, settings: ServiceSettings, kind: WorkloadKind, requested: Requested, name = dnsLabel(s.name)): HorizontalPodAutoscaler | undefined {
  const a = settings.autoscaling;
  if (!a) return undefined;
  if (kind !== 'Deployment' && kind !== 'StatefulSet') {
    c.report('warning', 'K8S_HPA_KIND', `services.${s.name}: autoscaling applies to Deployments and StatefulSets, not a ${kind}`, s, 'labels');
    return undefined;
  }
  const metrics: V2MetricSpec[] = [];
  for (const m of a.metrics) {
    if (m.utilization !== undefined && !requested[m.resource]) {
      const key = m.resource === 'cpu' ? 'cpus' : 'memory';
      c.report('warning', 'K8S_HPA_NO_REQUEST', `services.${s.name}: ${m.resource === 'cpu' ? 'CPU' : 'memory'} autoscaling needs a ${m.resource === 'cpu' ? 'CPU' : 'memory'} request`, s, s.extensions['x-kubernetes'] ? 'extensions' : 'labels', `set deploy.resources.reservations.${key}`);
    }
    const target: V2MetricTarget = m.utilization !== undefined ? { averageUtilization: int32(m.utilization), type: 'Utilization' } : { averageValue: m.averageValue, type: 'AverageValue' };
    metrics.push({ resource: { name: m.resource, target }, type: 'Resource' });
  }
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: c.metadata(name, s.name),
    spec: {
      maxReplicas: int32(Math.max(1, a.max, a.min)),
      metrics,
      minReplicas: int32(Math.max(1, a.min)),
      scaleTargetRef: { apiVersion: 'apps/v1', kind, name },
    },
  };
}
