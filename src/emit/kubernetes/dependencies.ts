/**
 * `depends_on`: Kubernetes has no start order. By default each dependency is reported; with `--depends-on wait`,
 * an init container per dependency waits until the dependency's Service answers on its first port.
 */
import type { Service } from '../../ir/types.js';
import { sortedNames } from '../../util/strings.js';
import type { KubeContext } from './context.js';
import { dnsLabel } from './names.js';
import { serviceName } from './services.js';
import type { V1Container } from '@kubernetes/client-node';

/** A small, pinned image with `nc`, for the wait init containers. */
export const DEFAULT_WAIT_IMAGE = 'busybox:1.36.1';

/** Init containers for `--depends-on wait`, or none (with reports) otherwise. */
export function dependencyInitContainers(c: KubeContext, s: Service): V1Container[] {
  const out: V1Container[] = [];
  const deps = sortedNames(s.depends_on);
  for (let i = 0; i < deps.length; i++) {
    const dep = deps[i]!;
    const spec = s.depends_on[dep]!;
    const target = c.project.services[dep];
    if (c.options.dependsOn !== 'wait' || target === undefined) {
      c.report('info', 'K8S_DEPENDS_ON', `services.${s.name} depends on ${dep}: Kubernetes starts pods in any order, so ${s.name} must retry until ${dep} answers`, s, 'depends_on', 'or pass --depends-on wait to add init containers that wait');
      continue;
    }
    if (spec.condition === 'service_completed_successfully') {
      c.report('warning', 'K8S_DEPENDS_ON', `services.${s.name}: waiting for ${dep} to complete successfully cannot be expressed in Kubernetes`, s, 'depends_on');
      continue;
    }
    const port = c.containerPorts(target).find((p) => p.protocol === 'TCP')?.port;
    if (port === undefined) {
      c.report('warning', 'K8S_DEPENDS_ON', `services.${s.name}: ${dep} has no TCP port to wait for`, s, 'depends_on');
      continue;
    }
    const host = serviceName(dep);
    out.push({
      name: dnsLabel(`wait-for-${dep}`),
      image: c.options.waitImage ?? DEFAULT_WAIT_IMAGE,
      command: ['sh', '-c', `until nc -z ${host} ${port}; do echo waiting for ${host}:${port}; sleep 2; done`],
    });
  }
  return out;
}
