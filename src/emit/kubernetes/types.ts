/** The Kubernetes emitter's public types. */

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

/** A Kubernetes object as plain data, ready to render. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/**
 * A Secret the manifests reference but do not contain (the default `--secrets reference`), and where its value
 * comes from, so a layout can say how to create it (Helm's NOTES.txt, the CLI's `kubectl create secret` hint).
 */
export interface SecretSource {
  /** The Secret's name and metadata, as an inline Secret would carry them. */
  metadata: KubernetesObject['metadata'];
  /** The data key the workloads read. */
  key: string;
  /** The file holding the value, relative to the project directory. */
  file?: string;
  /** The environment variable holding the value. */
  environment?: string;
}
