/**
 * The Kubernetes emitter's public types. Objects are typed with `@kubernetes/client-node`'s models, imported as types
 * only (the package's code costs start-up time and is never run), so the compiler rejects a misspelt field.
 */
import type {
  V1ConfigMap,
  V1CronJob,
  V1DaemonSet,
  V1Deployment,
  V1Ingress,
  V1Job,
  V1Namespace,
  V1NetworkPolicy,
  V1NetworkPolicyIngressRule,
  V1NetworkPolicyPeer,
  V1NetworkPolicySpec,
  V1ObjectMeta,
  V1PersistentVolumeClaim,
  V1PodSpec,
  V1Secret,
  V1Service,
  V1StatefulSet,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';

/** Options for the Kubernetes emitter. Every field is optional; defaults are noted. */
export interface KubernetesOptions {
  /** The namespace of every object (default: none, so `kubectl -n` decides). */
  namespace?: string;
  /** Also emit the Namespace object, first. */
  createNamespace?: boolean;
  /** The Service type for published ports (default `loadbalancer`). */
  publish?: 'loadbalancer' | 'nodeport' | 'none';
  /** NetworkPolicies from Compose networks (default `ingress`, only when the project defines networks). */
  networkPolicies?: 'ingress' | 'none';
  /** Reference Secrets by name (default), or embed their data. */
  secrets?: 'reference' | 'inline';
  /** Bind-mounted project files as hostPath (default) or ConfigMaps. */
  bindFiles?: 'hostpath' | 'configmap';
  /** Report depends_on (default) or add init containers that wait for each dependency. */
  dependsOn?: 'report' | 'wait';
  /** The image of the wait init containers. */
  waitImage?: string;
  /** The workload kind for every service, overriding the per-service choice. */
  controller?: 'deployment' | 'statefulset' | 'daemonset' | 'job';
  /** The replica count of every Deployment and StatefulSet, overriding `deploy.replicas` (Kompose's `--replicas`). */
  replicas?: number;
  /** The size of a claim nothing else sizes (default `1Gi`; Kompose's `--pvc-request-size`). */
  claimSize?: string;
  /**
   * How volumes are realized, in Kompose's spelling (`--volumes`): `persistentVolumeClaim` (the default: claims for
   * named volumes), `emptyDir` (every volume and bind mount), `hostPath` (named volumes too become node
   * directories), `configMap` (bind-mounted project files become ConfigMaps, like `bindFiles: 'configmap'`).
   * A service's or volume's `kompose.volume.type` label wins.
   */
  volumes?: 'persistentVolumeClaim' | 'emptyDir' | 'hostPath' | 'configMap';
}

/**
 * The metadata stackport writes: a name always, and nothing the API server fills in (client-node's `V1ObjectMeta`
 * also carries timestamps, uids and owner references, which generated manifests must not hold).
 */
export type ObjectMeta = Pick<V1ObjectMeta, 'annotations' | 'labels' | 'namespace'> & { name: string };

/**
 * A client-node model as stackport emits it: `apiVersion`, `kind` (the literal `K`) and `metadata` always set. The
 * models mark them optional because the API server's replies may leave them out; a manifest never does.
 */
export type Emitted<T extends { apiVersion?: string; kind?: string; metadata?: V1ObjectMeta }, K extends string> = Omit<
  T,
  'apiVersion' | 'kind' | 'metadata' | 'status'
> & { apiVersion: string; kind: K; metadata: ObjectMeta };

/** The objects stackport emits, each typed with client-node's model of its kind. */
export type Namespace = Emitted<V1Namespace, 'Namespace'>;
export type ConfigMap = Emitted<V1ConfigMap, 'ConfigMap'>;
export type Secret = Emitted<V1Secret, 'Secret'>;
export type PersistentVolumeClaim = Emitted<V1PersistentVolumeClaim, 'PersistentVolumeClaim'>;
export type Service = Emitted<V1Service, 'Service'>;
export type Deployment = Emitted<V1Deployment, 'Deployment'>;
export type StatefulSet = Emitted<V1StatefulSet, 'StatefulSet'>;
export type DaemonSet = Emitted<V1DaemonSet, 'DaemonSet'>;
export type Job = Emitted<V1Job, 'Job'>;
export type CronJob = Emitted<V1CronJob, 'CronJob'>;
export type Ingress = Emitted<V1Ingress, 'Ingress'>;
export type HorizontalPodAutoscaler = Emitted<V2HorizontalPodAutoscaler, 'HorizontalPodAutoscaler'>;

/**
 * client-node names an ingress rule's `from` field `_from` (a reserved word in its generator); the API's JSON, and
 * so the manifest, says `from`.
 */
export type NetworkPolicyIngressRule = Omit<V1NetworkPolicyIngressRule, '_from'> & { from?: V1NetworkPolicyPeer[] };
/** A NetworkPolicy's spec with {@link NetworkPolicyIngressRule}s. */
export type NetworkPolicySpec = Omit<V1NetworkPolicySpec, 'ingress'> & { ingress?: NetworkPolicyIngressRule[] };
export type NetworkPolicy = Omit<Emitted<V1NetworkPolicy, 'NetworkPolicy'>, 'spec'> & { spec?: NetworkPolicySpec };

/** A pod spec's fields other than its containers: the pod-level settings, built apart from the containers. */
export type PodSettings = Omit<V1PodSpec, 'containers'>;

/** A workload: what runs a service's pods. */
export type Workload = Deployment | StatefulSet | DaemonSet | Job | CronJob;

/** Any object stackport emits, told apart by `kind`. */
export type KubernetesObject =
  | Namespace
  | ConfigMap
  | Secret
  | PersistentVolumeClaim
  | Service
  | Workload
  | Ingress
  | HorizontalPodAutoscaler
  | NetworkPolicy;

/** Kubernetes' convention for several objects in one document (the JSON output). */
export interface KubernetesList {
  apiVersion: 'v1';
  kind: 'List';
  items: readonly KubernetesObject[];
}

/**
 * A Secret the manifests reference but do not contain (the default `--secrets reference`), and where its value
 * comes from, so a layout can say how to create it (Helm's NOTES.txt, the CLI's `kubectl create secret` hint).
 */
export interface SecretSource {
  /** The Secret's name and metadata, as an inline Secret would carry them. */
  metadata: ObjectMeta;
  /** The data key the workloads read. */
  key: string;
  /** The file holding the value, relative to the project directory. */
  file?: string;
  /** The environment variable holding the value. */
  environment?: string;
}
