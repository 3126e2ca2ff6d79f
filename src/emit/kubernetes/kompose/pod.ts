/**
 * What Kompose's labels add to a pod and its container once both are built: probes, the pull policy, ephemeral
 * storage, host ports, the pod's fsGroup and the init container. Applied after the fact so the Compose mapping in
 * container.ts stays the one place that reads Compose keys.
 */
import type { Service } from '../../../ir/types.js';
import type { KubeContext } from '../context.js';
import { int32, seconds } from '../quantities.js';
import type { KomposeProbe, KomposeService } from './service.js';

import type { V1Container, V1Probe } from '@kubernetes/client-node';
import type { PodSettings } from '../types.js';

/** Applies the container-level labels to the service's container. */
export function applyKomposeContainer(c: KubeContext, s: Service, k: KomposeService, container: V1Container): void {
  if (k.imagePullPolicy !== undefined) container.imagePullPolicy = k.imagePullPolicy;
  if (k.readiness) applyProbe(c, s, container, 'readinessProbe', k.readiness);
  if (k.liveness) applyProbe(c, s, container, 'livenessProbe', k.liveness);
  if (k.ephemeralStorage) {
    const resources = { ...container.resources };
    if (k.ephemeralStorage.limit !== undefined) resources.limits = { ...resources.limits, 'ephemeral-storage': k.ephemeralStorage.limit };
    if (k.ephemeralStorage.request !== undefined) resources.requests = { ...resources.requests, 'ephemeral-storage': k.ephemeralStorage.request };
    container.resources = resources;
  }
  if (k.hostPorts) hostPorts(c, s, container);
}

/** Applies the pod-level labels: fsGroup and the init container (which runs before any wait containers). */
export function applyKomposePod(k: KomposeService, pod: PodSettings): void {
  if (k.fsGroup !== undefined) pod.securityContext = { ...pod.securityContext, fsGroup: k.fsGroup };
  if (k.initContainer) {
    const init: V1Container = { image: k.initContainer.image, name: k.initContainer.name };
    if (k.initContainer.command) init.command = k.initContainer.command;
    pod.initContainers = [init, ...(pod.initContainers ?? [])];
  }
}

/**
 * A probe from the labels: their handler (else the healthcheck's test), their timings (else the healthcheck's).
 * `disable` removes the probe.
 */
function applyProbe(c: KubeContext, s: Service, container: V1Container, key: 'readinessProbe' | 'livenessProbe', p: KomposeProbe): void {
  if (p.disable) {
    delete container[key];
    return;
  }
  const base = container[key];
  const probe: V1Probe = {};
  if (p.exec) probe.exec = { command: p.exec };
  else if (p.httpGet) probe.httpGet = { path: p.httpGet.path, port: p.httpGet.port };
  else if (p.tcpPort !== undefined) probe.tcpSocket = { port: p.tcpPort };
  else if (base?.exec !== undefined) probe.exec = base.exec;
  else {
    const kind = key === 'readinessProbe' ? 'readiness' : 'liveness';
    c.report('warning', 'KOMPOSE_LABEL_IGNORED', `services.${s.name}.labels: the kompose.service.healthcheck.${kind}.* timings need a test, http_get_port or tcp_port (or a healthcheck test); no ${kind} probe is made`, s, 'labels');
    return;
  }
  const h = s.healthcheck;
  const period = p.periodSeconds ?? (h?.interval !== undefined ? int32(seconds(h.interval)) : undefined);
  const timeout = p.timeoutSeconds ?? (h?.timeout !== undefined ? int32(seconds(h.timeout)) : undefined);
  const failures = p.failureThreshold ?? (h?.retries !== undefined ? int32(Math.max(1, h.retries)) : undefined);
  if (failures !== undefined) probe.failureThreshold = int32(failures);
  if (p.initialDelaySeconds !== undefined) probe.initialDelaySeconds = int32(p.initialDelaySeconds);
  if (period !== undefined) probe.periodSeconds = int32(period);
  if (timeout !== undefined) probe.timeoutSeconds = int32(timeout);
  container[key] = probe;
}

/** `kompose.controller.port.expose`: each published port also listens on the node (hostPort, and hostIP). */
function hostPorts(c: KubeContext, s: Service, container: V1Container): void {
  const ports = container.ports ?? [];
  let added = false;
  for (const p of s.ports) {
    if (p.published === undefined || p.published.includes('-')) continue;
    const entry = ports.find((e) => e.containerPort === p.target && e.protocol === p.protocol.toUpperCase());
    if (entry === undefined || entry.hostPort !== undefined) continue;
    entry.hostPort = Number(p.published);
    if (p.host_ip !== undefined && p.host_ip !== '0.0.0.0' && p.host_ip !== '::') entry.hostIP = p.host_ip;
    added = true;
  }
  if (added) c.report('info', 'K8S_HOST_PORT', `services.${s.name}: kompose.controller.port.expose puts the published ports on the node as hostPorts, so one pod per node can run`, s, 'labels');
}
