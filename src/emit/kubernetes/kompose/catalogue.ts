/**
 * Every label Kompose reads (kompose v1.38), and what stackport does with each: honours it with Kompose's meaning,
 * or reports it with what to use instead. A label is never copied into annotations silently: the reader
 * (`labels.ts`) reports every `kompose.*` label it does not apply, and the pod annotations leave them out.
 */

/** What stackport does with one Kompose label. */
export interface KomposeLabel {
  /** `honoured`: applied with Kompose's meaning (or better); `warned`: reported, with what to do instead. */
  handling: 'honoured' | 'warned';
  /** Where Kompose reads it: service `labels`, `deploy.labels`, or a top-level volume's `labels`. */
  scope: readonly ('service' | 'deploy' | 'volume')[];
  /** What it becomes, or (for `warned`) why not and what to use instead. */
  effect: string;
}

const SERVICE = ['service'] as const;
const SERVICE_AND_VOLUME = ['service', 'volume'] as const;

const probe = (kind: 'readiness' | 'liveness', what: string): KomposeLabel => ({ handling: 'honoured', scope: SERVICE, effect: `${kind}Probe ${what}` });

/** The labels, by name. */
export const KOMPOSE_LABELS: Readonly<Record<string, KomposeLabel>> = {
  'kompose.service.type': { handling: 'honoured', scope: SERVICE, effect: 'type of the Service for published ports (clusterip, nodeport, loadbalancer); headless makes the Service headless and publishes nothing' },
  'kompose.service.expose': { handling: 'honoured', scope: SERVICE, effect: 'an Ingress: `true` or `host[/path]` entries separated by commas' },
  'kompose.service.expose.tls-secret': { handling: 'honoured', scope: SERVICE, effect: 'Ingress spec.tls with this Secret' },
  'kompose.service.expose.ingress-class-name': { handling: 'honoured', scope: SERVICE, effect: 'Ingress spec.ingressClassName' },
  'kompose.service.expose.path': { handling: 'warned', scope: SERVICE, effect: 'Kompose declares but never reads it; write the path in kompose.service.expose (host/path)' },
  'kompose.service.nodeport.port': { handling: 'honoured', scope: SERVICE, effect: 'nodePort of the published Service (NodePort type, one published port)' },
  'kompose.service.external-traffic-policy': { handling: 'honoured', scope: SERVICE, effect: 'externalTrafficPolicy (Cluster or Local) of a LoadBalancer or NodePort Service' },
  'kompose.service.group': {
    handling: 'warned',
    scope: SERVICE,
    effect: 'each Compose service stays its own workload and reaches the others by Service name, as under docker compose; to share one pod, put the containers under one service with x-kubernetes or a Kustomize patch',
  },
  'kompose.service.name_override': { handling: 'honoured', scope: SERVICE, effect: 'the name of every object of the service; a Service with the Compose name is kept so other services still resolve it' },
  'kompose.service.healthcheck.readiness.test': probe('readiness', 'exec command (CMD argv, or a shell command run by /bin/sh -c)'),
  'kompose.service.healthcheck.readiness.http_get_path': probe('readiness', 'httpGet path'),
  'kompose.service.healthcheck.readiness.http_get_port': probe('readiness', 'httpGet port'),
  'kompose.service.healthcheck.readiness.tcp_port': probe('readiness', 'tcpSocket port'),
  'kompose.service.healthcheck.readiness.disable': probe('readiness', 'left out'),
  'kompose.service.healthcheck.readiness.interval': probe('readiness', 'periodSeconds'),
  'kompose.service.healthcheck.readiness.timeout': probe('readiness', 'timeoutSeconds'),
  'kompose.service.healthcheck.readiness.retries': probe('readiness', 'failureThreshold'),
  'kompose.service.healthcheck.readiness.start_period': probe('readiness', 'initialDelaySeconds'),
  'kompose.service.healthcheck.liveness.test': probe('liveness', 'exec command'),
  'kompose.service.healthcheck.liveness.http_get_path': probe('liveness', 'httpGet path'),
  'kompose.service.healthcheck.liveness.http_get_port': probe('liveness', 'httpGet port'),
  'kompose.service.healthcheck.liveness.tcp_port': probe('liveness', 'tcpSocket port'),
  'kompose.service.healthcheck.liveness.disable': probe('liveness', 'left out'),
  'kompose.service.healthcheck.liveness.interval': probe('liveness', 'periodSeconds'),
  'kompose.service.healthcheck.liveness.timeout': probe('liveness', 'timeoutSeconds'),
  'kompose.service.healthcheck.liveness.retries': probe('liveness', 'failureThreshold'),
  'kompose.service.healthcheck.liveness.start_period': probe('liveness', 'initialDelaySeconds'),
  'kompose.controller.type': { handling: 'honoured', scope: SERVICE, effect: 'workload kind: deployment, daemonset, statefulset (replicationcontroller becomes a Deployment)' },
  'kompose.controller.port.expose': { handling: 'honoured', scope: SERVICE, effect: 'hostPort (and hostIP) on the container ports that are published' },
  'kompose.controller.expose.port': { handling: 'warned', scope: SERVICE, effect: "a misspelling in Kompose's user guide that Kompose itself ignores; write kompose.controller.port.expose" },
  'kompose.image-pull-policy': { handling: 'honoured', scope: SERVICE, effect: 'imagePullPolicy (Always, IfNotPresent, Never)' },
  'kompose.image-pull-secret': { handling: 'honoured', scope: SERVICE, effect: 'pod imagePullSecrets' },
  'kompose.serviceaccount-name': { handling: 'honoured', scope: SERVICE, effect: 'pod serviceAccountName' },
  'kompose.security-context.fsgroup': { handling: 'honoured', scope: SERVICE, effect: 'pod securityContext.fsGroup' },
  'kompose.volume.size': { handling: 'honoured', scope: SERVICE_AND_VOLUME, effect: 'PersistentVolumeClaim size (the volume\'s label wins over the service\'s)' },
  'kompose.volume.storage-class-name': { handling: 'honoured', scope: SERVICE_AND_VOLUME, effect: 'PersistentVolumeClaim storageClassName' },
  'kompose.volume.selector': { handling: 'honoured', scope: SERVICE_AND_VOLUME, effect: 'PersistentVolumeClaim selector matchLabels io.kompose.service: <value>' },
  'kompose.volume.type': { handling: 'honoured', scope: SERVICE_AND_VOLUME, effect: 'volume kind: persistentVolumeClaim, emptyDir, hostPath or configMap (like --volumes)' },
  'kompose.volume.subpath': { handling: 'honoured', scope: SERVICE_AND_VOLUME, effect: 'subPath of the volume mounts' },
  'kompose.cronjob.schedule': { handling: 'honoured', scope: SERVICE, effect: 'a CronJob with this schedule' },
  'kompose.cronjob.concurrency_policy': { handling: 'honoured', scope: SERVICE, effect: 'CronJob concurrencyPolicy (Allow, Forbid, Replace)' },
  'kompose.cronjob.backoff_limit': { handling: 'honoured', scope: SERVICE, effect: 'backoffLimit of the CronJob\'s or Job\'s job' },
  'kompose.init.containers.image': { handling: 'honoured', scope: SERVICE, effect: 'an init container with this image' },
  'kompose.init.containers.name': { handling: 'honoured', scope: SERVICE, effect: 'its name (default init-service)' },
  'kompose.init.containers.command': { handling: 'honoured', scope: SERVICE, effect: 'its command: a [list] or a command line' },
  'kompose.hpa.replicas.min': { handling: 'honoured', scope: SERVICE, effect: 'HorizontalPodAutoscaler minReplicas (default 1)' },
  'kompose.hpa.replicas.max': { handling: 'honoured', scope: SERVICE, effect: 'HorizontalPodAutoscaler maxReplicas (default 3)' },
  'kompose.hpa.cpu': { handling: 'honoured', scope: SERVICE, effect: 'CPU target: utilization percent (50 or 50%) or an average quantity (500m)' },
  'kompose.hpa.memory': { handling: 'honoured', scope: SERVICE, effect: 'memory target: utilization percent (70 or 70%) or an average quantity (512Mi)' },
  'kompose.ephemeral-storage.limit': { handling: 'honoured', scope: ['deploy', 'service'], effect: 'resources.limits.ephemeral-storage' },
  'kompose.ephemeral-storage.request': { handling: 'honoured', scope: ['deploy', 'service'], effect: 'resources.requests.ephemeral-storage' },
  'kompose.cmd': { handling: 'warned', scope: SERVICE, effect: 'an annotation Kompose writes, not an input; stackport writes no command lines into objects' },
  'kompose.version': { handling: 'warned', scope: SERVICE, effect: 'an annotation Kompose writes, not an input; stackport writes no versions into objects' },
};

/** True for a label in Kompose's namespace: stackport reads it, and never passes it on as an annotation. */
export function isKomposeLabel(name: string): boolean {
  return name.startsWith('kompose.');
}
