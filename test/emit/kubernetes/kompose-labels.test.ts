/**
 * Kompose parity: every label in the catalogue (src/emit/kubernetes/kompose/catalogue.ts) has a test here that
 * converts a project carrying it, mostly Kompose's own test fixtures (copied into test/data/kompose so a fresh
 * clone runs them; a check below keeps the copies equal to ../shared's originals), and asserts the objects it
 * must produce or the located warning it must give. Bad values are reported at the label, naming it, and nothing
 * of them is applied. No `kompose.*` label ever reaches an annotation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../../src/convert.js';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import type { KubernetesObject, KubernetesOptions } from '../../../src/emit/kubernetes/index.js';
import { KOMPOSE_LABELS } from '../../../src/emit/kubernetes/kompose/catalogue.js';
import { memoryHost } from '../../../src/load/host.js';
import { load } from '../../../src/load/loader.js';
import { validateObjects } from '../../helpers/k8s-validate.js';
import { HAVE_SHARED, REPO_ROOT, sharedPath } from '../../helpers/shared.js';

const DATA = path.join(REPO_ROOT, 'test', 'data', 'kompose');

interface Converted {
  objects: KubernetesObject[];
  diagnostics: Diagnostic[];
}

/** Converts one of Kompose's fixtures (test/data/kompose/<fixture>--<file>). */
function fixture(name: string, options: KubernetesOptions = {}): Converted {
  const loaded = load({ cwd: DATA, files: [name], env: {} });
  expect(loaded.project, loaded.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
  const result = convert(loaded.project!, { target: 'kubernetes', ...options });
  return { objects: result.objects, diagnostics: [...loaded.diagnostics, ...result.diagnostics] };
}

/** Converts compose text (project directory /p; extra files by path). */
function project(compose: string, options: KubernetesOptions = {}, files: Record<string, string> = {}): Converted {
  const host = memoryHost({ '/p/compose.yaml': compose, ...files }, { cwd: '/p' });
  const loaded = load({ host, cwd: '/p', env: {} });
  expect(loaded.project, loaded.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
  const result = convert(loaded.project!, { target: 'kubernetes', ...options });
  return { objects: result.objects, diagnostics: result.diagnostics };
}

function find(r: Converted, kind: string, name: string): Record<string, any> {
  const found = r.objects.find((o) => o.kind === kind && o.metadata.name === name);
  expect(found, `${kind} ${name} in ${r.objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`).toBeDefined();
  return found as Record<string, any>;
}

function podOf(workload: Record<string, any>): Record<string, any> {
  return workload.kind === 'CronJob' ? workload.spec.jobTemplate.spec.template.spec : workload.spec.template.spec;
}

function containerOf(workload: Record<string, any>): Record<string, any> {
  return podOf(workload).containers[0];
}

function codes(r: Converted, code: string): Diagnostic[] {
  return r.diagnostics.filter((d) => d.code === code);
}

/** Every annotation of every object: no kompose.* key may be among them. */
function annotationKeys(r: Converted): string[] {
  const keys: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'annotations' && v && typeof v === 'object') keys.push(...Object.keys(v));
        walk(v);
      }
    }
  };
  walk(r.objects);
  return keys;
}

const covered = new Set<string>();

/** A parity test for `labels`: registers them as covered and checks that no kompose.* annotation is left. */
function parity(labels: string[], title: string, body: () => Converted | Promise<Converted>): void {
  for (const l of labels) covered.add(l);
  it(`${labels.join(', ')}: ${title}`, async () => {
    const r = await body();
    expect(annotationKeys(r).filter((k) => k.startsWith('kompose.'))).toEqual([]);
    expect(await validateObjects(r.objects)).toEqual([]);
  });
}

describe('Kompose labels', () => {
  parity(['kompose.cronjob.schedule', 'kompose.cronjob.concurrency_policy', 'kompose.cronjob.backoff_limit'], 'a CronJob (Kompose fixture cronjob)', () => {
    const r = fixture('cronjob--compose.yaml');
    const cron = find(r, 'CronJob', 'challenge');
    expect(cron.apiVersion).toBe('batch/v1');
    expect(cron.spec.schedule).toBe('* * * * *');
    expect(cron.spec.concurrencyPolicy).toBe('Forbid');
    expect(cron.spec.jobTemplate.spec.backoffLimit).toBe(0);
    expect(podOf(cron).restartPolicy).toBe('Never');
    expect(r.objects.some((o) => o.kind === 'Job')).toBe(false);
    return r;
  });

  parity(['kompose.service.healthcheck.readiness.test', 'kompose.service.healthcheck.readiness.interval', 'kompose.service.healthcheck.readiness.timeout', 'kompose.service.healthcheck.readiness.retries', 'kompose.service.healthcheck.readiness.http_get_path', 'kompose.service.healthcheck.readiness.http_get_port', 'kompose.service.healthcheck.readiness.tcp_port', 'kompose.service.healthcheck.liveness.http_get_path', 'kompose.service.healthcheck.liveness.http_get_port', 'kompose.service.healthcheck.liveness.tcp_port'], 'probes (Kompose fixture healthcheck)', () => {
    const r = fixture('healthcheck--compose-healthcheck.yaml');
    const redis = containerOf(find(r, 'Deployment', 'redis'));
    // Kompose shlex-splits the test into an exec argv; a shell runs it here, which also takes shell syntax.
    expect(redis.readinessProbe).toEqual({ exec: { command: ['/bin/sh', '-c', 'echo "liveness"'] }, failureThreshold: 5, periodSeconds: 10, timeoutSeconds: 1 });
    const postgres = containerOf(find(r, 'Deployment', 'postgresql'));
    expect(postgres.livenessProbe).toEqual({ failureThreshold: 5, httpGet: { path: '/health', port: 8080 }, periodSeconds: 10, timeoutSeconds: 1 });
    expect(postgres.readinessProbe).toEqual({ failureThreshold: 5, httpGet: { path: '/ready', port: 8080 }, periodSeconds: 10, timeoutSeconds: 1 });
    const mongo = containerOf(find(r, 'Deployment', 'mongo'));
    expect(mongo.livenessProbe.tcpSocket).toEqual({ port: 8080 });
    expect(mongo.readinessProbe.tcpSocket).toEqual({ port: 9090 });
    const mysql = containerOf(find(r, 'Deployment', 'mysql'));
    expect(mysql.readinessProbe).toEqual({ failureThreshold: 6, periodSeconds: 11, tcpSocket: { port: 9091 }, timeoutSeconds: 2 });
    return r;
  });

  parity(['kompose.service.healthcheck.readiness.disable', 'kompose.service.healthcheck.readiness.start_period', 'kompose.service.healthcheck.liveness.test', 'kompose.service.healthcheck.liveness.disable', 'kompose.service.healthcheck.liveness.interval', 'kompose.service.healthcheck.liveness.timeout', 'kompose.service.healthcheck.liveness.retries', 'kompose.service.healthcheck.liveness.start_period'], 'the other probe labels', () => {
    const r = project(`services:
  a:
    image: a
    healthcheck: { test: ["CMD", "true"], interval: 5s }
    labels:
      kompose.service.healthcheck.readiness.disable: "true"
      kompose.service.healthcheck.liveness.test: CMD /bin/check --deep
      kompose.service.healthcheck.liveness.interval: 20s
      kompose.service.healthcheck.liveness.timeout: 3s
      kompose.service.healthcheck.liveness.retries: "4"
      kompose.service.healthcheck.liveness.start_period: 30s
  b:
    image: b
    healthcheck: { test: ["CMD", "true"] }
    labels:
      kompose.service.healthcheck.liveness.disable: "true"
      kompose.service.healthcheck.readiness.start_period: 1m
`);
    const a = containerOf(find(r, 'Deployment', 'a'));
    expect(a.readinessProbe).toBeUndefined();
    expect(a.livenessProbe).toEqual({ exec: { command: ['/bin/check', '--deep'] }, failureThreshold: 4, initialDelaySeconds: 30, periodSeconds: 20, timeoutSeconds: 3 });
    const b = containerOf(find(r, 'Deployment', 'b'));
    expect(b.livenessProbe).toBeUndefined();
    expect(b.readinessProbe).toEqual({ exec: { command: ['true'] }, initialDelaySeconds: 60 });
    return r;
  });

  parity(['kompose.init.containers.image', 'kompose.init.containers.name', 'kompose.init.containers.command'], 'an init container (Kompose fixture initcontainer)', () => {
    const r = fixture('initcontainer--compose.yaml');
    const init = podOf(find(r, 'Deployment', 'web')).initContainers;
    expect(init).toHaveLength(1);
    expect(init[0].name).toBe('init-myservice');
    expect(init[0].image).toBe('busybox:1.28');
    expect(init[0].command[0]).toBe('sh');
    expect(init[0].command[2]).toMatch(/^until nslookup myservice/);
    return r;
  });

  parity(['kompose.init.containers.command'], 'a plain command line, and the default name', () => {
    const r = project(`services:\n  web:\n    image: nginx\n    labels:\n      kompose.init.containers.image: busybox\n      kompose.init.containers.command: sh -c 'sleep 1'\n`);
    expect(podOf(find(r, 'Deployment', 'web')).initContainers).toEqual([{ command: ['sh', '-c', 'sleep 1'], image: 'busybox', name: 'init-service' }]);
    return r;
  });

  parity(['kompose.image-pull-secret'], 'imagePullSecrets (Kompose fixture image-pull-secret, in Compose v2 form) and x-kubernetes.imagePullSecrets', () => {
    // Kompose's fixture is in the legacy v1 format, which Compose no longer reads: the same services under services:.
    const legacy = readFileSync(path.join(DATA, 'image-pull-secret--docker-compose-image-pull-secret.yml'), 'utf8');
    const r = project(`services:\n${legacy.replace(/^/gm, '  ')}\n  extra:\n    image: private/extra\n    x-kubernetes:\n      imagePullSecrets: [registry-a]\n    labels:\n      kompose.image-pull-secret: registry-b\n`);
    expect(podOf(find(r, 'Deployment', 'tm-image-service')).imagePullSecrets).toEqual([{ name: 'sample-k8s-secret-name' }]);
    expect(podOf(find(r, 'Deployment', 'open-image-service')).imagePullSecrets).toBeUndefined();
    expect(podOf(find(r, 'Deployment', 'extra')).imagePullSecrets).toEqual([{ name: 'registry-a' }, { name: 'registry-b' }]);
    return r;
  });

  parity(['kompose.image-pull-policy'], 'imagePullPolicy (Kompose fixture image-pull-policy)', () => {
    const r = fixture('image-pull-policy--v3-image-pull-policy.yml');
    expect(containerOf(find(r, 'Deployment', 'nginx0')).imagePullPolicy).toBe('Always');
    expect(containerOf(find(r, 'Deployment', 'nginx1')).imagePullPolicy).toBe('IfNotPresent');
    expect(containerOf(find(r, 'Deployment', 'nginx2')).imagePullPolicy).toBe('Never');
    return r;
  });

  parity(['kompose.security-context.fsgroup'], 'pod fsGroup (Kompose fixture fsgroup)', () => {
    const r = fixture('fsgroup--compose.yaml');
    expect(podOf(find(r, 'Deployment', 'pgadmin')).securityContext).toEqual({ fsGroup: 1001 });
    return r;
  });

  parity(['kompose.ephemeral-storage.limit', 'kompose.ephemeral-storage.request'], 'ephemeral storage from deploy.labels (Kompose fixture deploy-labels)', () => {
    const r = fixture('deploy-labels--compose.yaml');
    expect(containerOf(find(r, 'Deployment', 'app')).resources).toEqual({ limits: { 'ephemeral-storage': '1Gi' }, requests: { 'ephemeral-storage': '1Gi' } });
    // deploy.labels still label the workload, but not with Kompose's instructions.
    expect(find(r, 'Deployment', 'app').spec.template.metadata.annotations).toBeUndefined();
    return r;
  });

  parity(['kompose.hpa.cpu', 'kompose.hpa.memory', 'kompose.hpa.replicas.min', 'kompose.hpa.replicas.max'], 'an HPA on CPU and memory (Kompose fixture hpa)', () => {
    const r = fixture('hpa--compose.yaml');
    const hpa = find(r, 'HorizontalPodAutoscaler', 'web');
    expect(hpa.spec.minReplicas).toBe(1);
    expect(hpa.spec.maxReplicas).toBe(10);
    expect(hpa.spec.metrics).toEqual([
      { resource: { name: 'cpu', target: { averageUtilization: 50, type: 'Utilization' } }, type: 'Resource' },
      { resource: { name: 'memory', target: { averageUtilization: 70, type: 'Utilization' } }, type: 'Resource' },
    ]);
    // Utilization is of the request, which the fixture does not set: both are said.
    expect(codes(r, 'K8S_HPA_NO_REQUEST')).toHaveLength(2);
    return r;
  });

  parity(['kompose.hpa.memory', 'kompose.hpa.cpu'], 'one target alone, the 50% form and an average value; Kompose\'s default max of 3', () => {
    const r = project(`services:
  a: { image: a, labels: { kompose.hpa.memory: "60%" }, deploy: { resources: { reservations: { memory: 256M } } } }
  b: { image: b, labels: { kompose.hpa.cpu: "500m" } }
`);
    const a = find(r, 'HorizontalPodAutoscaler', 'a');
    expect(a.spec).toMatchObject({ minReplicas: 1, maxReplicas: 3 });
    expect(a.spec.metrics).toEqual([{ resource: { name: 'memory', target: { averageUtilization: 60, type: 'Utilization' } }, type: 'Resource' }]);
    const b = find(r, 'HorizontalPodAutoscaler', 'b');
    expect(b.spec.metrics).toEqual([{ resource: { name: 'cpu', target: { averageValue: '500m', type: 'AverageValue' } }, type: 'Resource' }]);
    expect(codes(r, 'K8S_HPA_NO_REQUEST')).toEqual([]);
    return r;
  });

  parity(['kompose.service.nodeport.port', 'kompose.service.type'], 'a nodePort', () => {
    const r = project(`services:\n  db: { image: db, ports: ["3306:3306"], labels: { kompose.service.type: nodeport, kompose.service.nodeport.port: "31111" } }\n`);
    const svc = find(r, 'Service', 'db-published');
    expect(svc.spec.type).toBe('NodePort');
    expect(svc.spec.ports).toEqual([{ name: 'tcp-3306', nodePort: 31111, port: 3306, protocol: 'TCP', targetPort: 3306 }]);
    return r;
  });

  parity(['kompose.service.nodeport.port'], 'outside the API server\'s default range it is reported, not applied (Kompose fixture service-label)', () => {
    const r = fixture('service-label--docker-compose.yaml');
    const svc = find(r, 'Service', 'mariadb-published');
    expect(svc.spec.type).toBe('NodePort');
    expect(svc.spec.ports[0].nodePort).toBeUndefined();
    expect(codes(r, 'KOMPOSE_LABEL_INVALID').map((d) => d.message)).toEqual([expect.stringContaining('kompose.service.nodeport.port is "33111", but it must be a whole number from 30000 to 32767')]);
    return r;
  });

  parity(['kompose.service.type'], 'NodePort without ports (Kompose fixture label-port) makes no published Service', () => {
    const r = fixture('label-port--docker-compose.yml');
    expect(r.objects.filter((o) => o.kind === 'Service').map((o) => o.metadata.name)).toEqual(['webapiapplication']);
    return r;
  });

  parity(['kompose.service.external-traffic-policy', 'kompose.service.expose', 'kompose.service.expose.ingress-class-name'], 'externalTrafficPolicy and an Ingress (Kompose fixture external-traffic-policy v1)', () => {
    const r = fixture('external-traffic-policy--compose-v1.yaml');
    const svc = find(r, 'Service', 'front-end-published');
    expect(svc.spec).toMatchObject({ externalTrafficPolicy: 'Local', type: 'LoadBalancer' });
    const ingress = find(r, 'Ingress', 'front-end');
    expect(ingress.spec.ingressClassName).toBe('nginx');
    expect(ingress.spec.rules[0].host).toBe('lb');
    return r;
  });

  parity(['kompose.service.type', 'kompose.service.external-traffic-policy'], 'headless publishes nothing and reports the policy (Kompose fixture external-traffic-policy v2)', () => {
    const r = fixture('external-traffic-policy--compose-v2.yaml');
    expect(find(r, 'Service', 'front-end').spec.clusterIP).toBe('None');
    expect(r.objects.some((o) => o.metadata.name === 'front-end-published')).toBe(false);
    const ignored = codes(r, 'KOMPOSE_LABEL_IGNORED');
    expect(ignored).toHaveLength(1);
    expect(ignored[0]!.message).toContain('kompose.service.external-traffic-policy');
    expect(ignored[0]!.location).toMatchObject({ file: expect.stringContaining('external-traffic-policy--compose-v2.yaml'), line: 12 });
    return r;
  });

  parity(['kompose.service.type'], 'headless without ports (Kompose fixture service-name-change)', () => {
    const r = fixture('service-name-change--docker-compose.yml');
    expect(find(r, 'Service', 'mariadb').spec).toMatchObject({ clusterIP: 'None' });
    return r;
  });

  parity(['kompose.service.expose.tls-secret'], 'Ingress TLS; a tls-secret without expose is reported', () => {
    const r = project(`services:
  a: { image: a, ports: ["80"], labels: { kompose.service.expose: "a.example.com", kompose.service.expose.tls-secret: a-tls } }
  b: { image: b, ports: ["80"], labels: { kompose.service.expose.tls-secret: b-tls } }
  c: { image: c, ports: ["80"], labels: { kompose.service.expose: "c.example.com", kompose.service.expose.tls-secret: "true" } }
`);
    expect(find(r, 'Ingress', 'a').spec.tls).toEqual([{ hosts: ['a.example.com'], secretName: 'a-tls' }]);
    // `true`: TLS with the ingress controller's default certificate, as Kompose does.
    expect(find(r, 'Ingress', 'c').spec.tls).toEqual([{ hosts: ['c.example.com'] }]);
    expect(r.objects.some((o) => o.kind === 'Ingress' && o.metadata.name === 'b')).toBe(false);
    expect(codes(r, 'KOMPOSE_LABEL_IGNORED').map((d) => d.message)).toEqual([expect.stringContaining('services.b.labels: kompose.service.expose.tls-secret needs kompose.service.expose')]);
    return r;
  });

  parity(['kompose.controller.type'], 'daemonset (Kompose fixture controller)', () => {
    const r = fixture('controller--compose-controller-label-v3.yaml');
    find(r, 'DaemonSet', 'mysql');
    find(r, 'Deployment', 'web');
    return r;
  });

  parity(['kompose.controller.type'], 'replicationcontroller becomes a Deployment, with a note', () => {
    const r = project(`services:\n  a: { image: a, labels: { kompose.controller.type: replicationcontroller } }\n`);
    find(r, 'Deployment', 'a');
    expect(codes(r, 'KOMPOSE_REPLICATION_CONTROLLER')).toHaveLength(1);
    return r;
  });

  parity(['kompose.controller.port.expose'], 'host ports for published ports', () => {
    const r = project(`services:\n  a: { image: a, ports: ["127.0.0.1:8080:80", "9000"], labels: { kompose.controller.port.expose: "true" } }\n`);
    expect(containerOf(find(r, 'Deployment', 'a')).ports).toEqual([
      { containerPort: 80, hostIP: '127.0.0.1', hostPort: 8080, name: 'tcp-80', protocol: 'TCP' },
      { containerPort: 9000, name: 'tcp-9000', protocol: 'TCP' },
    ]);
    return r;
  });

  parity(['kompose.serviceaccount-name'], 'serviceAccountName', () => {
    const r = project(`services:\n  a: { image: a, labels: { kompose.serviceaccount-name: robot } }\n`);
    expect(podOf(find(r, 'Deployment', 'a')).serviceAccountName).toBe('robot');
    return r;
  });

  parity(['kompose.volume.subpath'], 'subPath on the service\'s mounts (Kompose fixture vols-subpath)', () => {
    const r = fixture('vols-subpath--compose.yaml');
    expect(containerOf(find(r, 'Deployment', 'postgres')).volumeMounts).toEqual([{ mountPath: '/var/lib/postgresql/data', name: 'postgres-data', subPath: 'test' }]);
    return r;
  });

  parity(['kompose.volume.storage-class-name'], 'on a service without claims it is reported (Kompose fixture storage-class-name)', () => {
    const r = fixture('storage-class-name--compose.yaml');
    const ignored = codes(r, 'KOMPOSE_LABEL_IGNORED');
    expect(ignored).toHaveLength(1);
    expect(ignored[0]!.message).toContain('no named volume');
    return r;
  });

  parity(['kompose.volume.size', 'kompose.volume.storage-class-name', 'kompose.volume.selector'], 'service-level labels size the service\'s claims; volume-level labels win', () => {
    const r = project(`services:
  a:
    image: a
    volumes: [data:/data, logs:/logs]
    labels: { kompose.volume.size: 3Gi, kompose.volume.storage-class-name: fast, kompose.volume.selector: pv-a }
volumes:
  data: { labels: { kompose.volume.size: 5Gi, kompose.volume.selector: db-data-dev } }
  logs: {}
`);
    expect(find(r, 'PersistentVolumeClaim', 'data').spec).toEqual({
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '5Gi' } },
      selector: { matchLabels: { 'io.kompose.service': 'db-data-dev' } },
      storageClassName: 'fast',
    });
    expect(find(r, 'PersistentVolumeClaim', 'logs').spec).toMatchObject({ resources: { requests: { storage: '3Gi' } }, selector: { matchLabels: { 'io.kompose.service': 'pv-a' } } });
    return r;
  });

  parity(['kompose.volume.size'], 'two services sizing one shared claim differently: the first wins, the second is reported', () => {
    const r = project(`services:
  a: { image: a, volumes: [shared:/s], labels: { kompose.volume.size: 2Gi } }
  b: { image: b, volumes: [shared:/s], labels: { kompose.volume.size: 8Gi } }
volumes:
  shared: {}
`);
    expect(find(r, 'PersistentVolumeClaim', 'shared').spec.resources.requests.storage).toBe('2Gi');
    expect(codes(r, 'KOMPOSE_LABEL_IGNORED').map((d) => d.message)).toEqual([expect.stringContaining('services.b.labels: the kompose.volume.* labels differ from those of a')]);
    return r;
  });

  parity(['kompose.volume.size'], 'a service label on bind mounts only is reported (Kompose fixture pvc-request-size)', () => {
    const r = fixture('pvc-request-size--compose.yaml');
    expect(codes(r, 'KOMPOSE_LABEL_IGNORED').map((d) => d.message)).toEqual([expect.stringContaining('services.postgresql.labels')]);
    return r;
  });

  parity(['kompose.volume.type'], 'configMap for bind-mounted files, persistentVolumeClaim for named volumes (Kompose fixture multiple-type-volumes, with its files)', () => {
    const compose = readFileSync(path.join(DATA, 'multiple-type-volumes--compose.yaml'), 'utf8');
    const r = project(compose, {}, { '/p/tls/a.key': 'KEY\n' });
    const web = find(r, 'Deployment', 'web');
    const keyMount = containerOf(web).volumeMounts.find((m: any) => m.mountPath === '/etc/test-a-key.key');
    expect(keyMount.subPath).toBe('a.key');
    expect(find(r, 'ConfigMap', 'web-a-key').data).toEqual({ 'a.key': 'KEY\n' });
    find(r, 'PersistentVolumeClaim', 'db-data');
    return r;
  });

  parity(['kompose.volume.type'], 'emptyDir and hostPath for a named volume, on the volume and the service', () => {
    const r = project(`services:
  a: { image: a, volumes: [scratch:/scratch, cache:/cache] }
  b: { image: b, volumes: [state:/state], labels: { kompose.volume.type: hostPath } }
volumes:
  scratch: { labels: { kompose.volume.type: emptyDir } }
  cache: {}
  state: {}
`);
    const a = podOf(find(r, 'Deployment', 'a')).volumes;
    expect(a).toContainEqual({ emptyDir: {}, name: 'scratch' });
    expect(a).toContainEqual({ name: 'cache', persistentVolumeClaim: { claimName: 'cache' } });
    expect(podOf(find(r, 'Deployment', 'b')).volumes).toEqual([{ hostPath: { path: '/srv/stackport/stackport-p/volumes/state', type: 'DirectoryOrCreate' }, name: 'state' }].map((v) => ({ ...v, hostPath: { ...v.hostPath, path: expect.stringMatching(/\/volumes\/state$/) } })));
    expect(r.objects.filter((o) => o.kind === 'PersistentVolumeClaim').map((o) => o.metadata.name)).toEqual(['cache']);
    return r;
  });

  parity(['kompose.service.name_override'], 'the objects take the new name; the Compose name still resolves', () => {
    const r = project(`services:
  db: { image: postgres, ports: ["5432"], labels: { kompose.service.name_override: database } }
  app: { image: app, depends_on: [db] }
`, { dependsOn: 'wait' });
    find(r, 'Deployment', 'database');
    expect(find(r, 'Service', 'database').spec.ports[0].port).toBe(5432);
    // Other services were written against the Compose name: a Service of that name selects the same pods.
    expect(find(r, 'Service', 'db').spec.selector).toEqual(find(r, 'Service', 'database').spec.selector);
    expect(r.objects.some((o) => o.kind === 'Deployment' && o.metadata.name === 'db')).toBe(false);
    expect(podOf(find(r, 'Deployment', 'app')).initContainers[0].name).toBe('wait-for-database');
    return r;
  });

  parity(['kompose.service.group'], 'reported: services stay separate workloads (Kompose fixture healthcheck uses it)', () => {
    const r = fixture('healthcheck--compose-healthcheck.yaml');
    const group = codes(r, 'KOMPOSE_LABEL_UNSUPPORTED').filter((d) => d.message.includes('kompose.service.group'));
    expect(group.map((d) => d.location?.line)).toEqual([46, 63]);
    find(r, 'Deployment', 'mongo');
    find(r, 'Deployment', 'mysql');
    return r;
  });

  parity(['kompose.service.expose.path', 'kompose.controller.expose.port', 'kompose.cmd', 'kompose.version'], 'labels Kompose does not read as input are reported with what to write', () => {
    const r = project(`services:
  a:
    image: a
    labels:
      kompose.service.expose.path: /x
      kompose.controller.expose.port: "true"
      kompose.cmd: kompose convert
      kompose.version: 1.38.0
      kompose.made.up: x
`);
    const unsupported = codes(r, 'KOMPOSE_LABEL_UNSUPPORTED');
    expect(unsupported.map((d) => d.message.split(' is not applied')[0])).toEqual([
      'services.a.labels: kompose.service.expose.path',
      'services.a.labels: kompose.controller.expose.port',
      'services.a.labels: kompose.cmd',
      'services.a.labels: kompose.version',
    ]);
    expect(unsupported.find((d) => d.message.includes('controller.expose.port'))!.message).toContain('kompose.controller.port.expose');
    expect(unsupported.every((d) => d.location?.line !== undefined)).toBe(true);
    expect(codes(r, 'KOMPOSE_LABEL_UNKNOWN').map((d) => d.message)).toEqual([expect.stringContaining('kompose.made.up')]);
    return r;
  });

  it('a label where Kompose does not read it is reported, with where it belongs', () => {
    const r = project(`services:
  a:
    image: a
    deploy: { labels: { kompose.service.type: nodeport, kompose.ephemeral-storage.limit: 1Gi } }
    networks: [front]
volumes:
  v: { labels: { kompose.image-pull-policy: Always } }
networks:
  front: { labels: { kompose.volume.size: 1Gi } }
`);
    const misplaced = codes(r, 'KOMPOSE_LABEL_MISPLACED').map((d) => `${d.location?.line}: ${d.message}`);
    expect(misplaced).toEqual([
      expect.stringMatching(/^4: services.a.deploy.labels: kompose.service.type is read from service labels, not here/),
      expect.stringMatching(/^7: volumes.v.labels: kompose.image-pull-policy is read from service labels, not here/),
      expect.stringMatching(/^9: networks.front.labels: kompose.volume.size is read from service labels or a top-level volume's labels, not here/),
    ]);
    expect(containerOf(find(r, 'Deployment', 'a')).resources).toEqual({ limits: { 'ephemeral-storage': '1Gi' } });
  });

  it('covers every label in the catalogue', () => {
    expect(Object.keys(KOMPOSE_LABELS).filter((l) => !covered.has(l))).toEqual([]);
  });

  it('the README\'s "Coming from Kompose" table names every label (in full, or its family and its last word)', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Coming from Kompose'), readme.indexOf('| Kompose flag |'));
    const missing = Object.keys(KOMPOSE_LABELS).filter((label) => {
      if (section.includes(`\`${label}\``)) return false;
      const family = label.split('.').slice(0, 2).join('.');
      const last = label.slice(label.lastIndexOf('.') + 1);
      return !(section.includes(family) && section.includes(last));
    });
    expect(missing).toEqual([]);
  });
});

describe('Kompose labels with bad values', () => {
  const bad: [label: string, value: string][] = [
    ['kompose.service.nodeport.port', 'abc'],
    ['kompose.service.type', 'externalname'],
    ['kompose.controller.type', 'replicaset'],
    ['kompose.cronjob.schedule', 'every minute'],
    ['kompose.cronjob.concurrency_policy', 'Sometimes'],
    ['kompose.cronjob.backoff_limit', '-1'],
    ['kompose.image-pull-policy', 'Fail'],
    ['kompose.hpa.memory', '512 megs'],
    ['kompose.hpa.replicas.min', '0'],
    ['kompose.security-context.fsgroup', 'staff'],
    ['kompose.volume.size', 'big'],
    ['kompose.volume.type', 'nfs'],
    ['kompose.volume.subpath', '../escape'],
    ['kompose.service.healthcheck.readiness.http_get_port', '80a'],
    ['kompose.service.healthcheck.liveness.interval', 'often'],
    ['kompose.init.containers.name', 'Init_Container'],
    ['kompose.ephemeral-storage.limit', '1 GB'],
    ['kompose.service.external-traffic-policy', 'nearest'],
  ];
  const extra: Record<string, string> = {
    'kompose.service.nodeport.port': '      kompose.service.type: nodeport\n',
    'kompose.cronjob.concurrency_policy': '      kompose.cronjob.schedule: "@hourly"\n',
    'kompose.cronjob.backoff_limit': '      kompose.cronjob.schedule: "@hourly"\n',
    'kompose.init.containers.name': '      kompose.init.containers.image: busybox\n',
  };
  for (const [label, value] of bad) {
    it(`${label}: "${value}" is a located warning naming the label, and nothing of it is applied`, async () => {
      const compose = `services:\n  a:\n    image: a\n    restart: "no"\n    ports: ["8080:80"]\n    volumes: [data:/data]\n    healthcheck: { test: ["CMD", "true"] }\n    labels:\n      team: x\n${extra[label] ?? ''}      ${label}: "${value}"\nvolumes:\n  data: {}\n`;
      const r = project(compose);
      const invalid = codes(r, 'KOMPOSE_LABEL_INVALID');
      expect(invalid).toHaveLength(1);
      expect(invalid[0]!.severity).toBe('warning');
      expect(invalid[0]!.message).toContain(label);
      expect(invalid[0]!.message).toContain(value);
      expect(invalid[0]!.location).toMatchObject({ line: extra[label] ? 11 : 10 });
      // Without the bad label the output is what the project gives with it removed.
      const without = project(compose.replace(`      ${label}: "${value}"\n`, ''));
      expect(r.objects).toEqual(without.objects);
      expect(await validateObjects(r.objects)).toEqual([]);
    });
  }
});

describe.skipIf(!HAVE_SHARED)('the copies of Kompose fixtures', () => {
  it('equal the originals in ../shared', () => {
    for (const copy of readdirSync(DATA)) {
      const [fixtureName, file] = copy.split('--') as [string, string];
      const folder = fixtureName === 'image-pull-policy' || fixtureName === 'image-pull-secret' ? `${fixtureName}-compose-files` : fixtureName;
      const original = sharedPath('corpus', 'public', `kubernetes__kompose__script-test-fixtures-${folder}`, file);
      expect(readFileSync(path.join(DATA, copy), 'utf8'), copy).toBe(readFileSync(original, 'utf8'));
    }
  });
});
