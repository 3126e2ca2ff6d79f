/**
 * The JSON Schema (draft 2020-12) of stackport's `x-kubernetes` extension: per service and per named volume.
 * Written from the fields the Kubernetes emitter reads (src/emit/kubernetes/extension.ts) and the Kubernetes
 * object fields they fill.
 */

const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const dnsLabel = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 253 };
const quantity = {
  oneOf: [
    { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?([eE][0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E|m)?$' },
    { type: 'integer', minimum: 0 },
  ],
};

const ingress = {
  type: 'object',
  additionalProperties: false,
  properties: {
    host: { type: 'string', pattern: '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$' },
    path: { type: 'string', pattern: '^/' },
    tlsSecret: dnsLabel,
    className: dnsLabel,
  },
};

const toleration = {
  type: 'object',
  additionalProperties: false,
  properties: {
    key: { type: 'string' },
    operator: { enum: ['Exists', 'Equal'] },
    value: { type: 'string' },
    effect: { enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
    tolerationSeconds: { type: 'integer' },
  },
};

export const xKubernetesSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://stackport.dev/schemas/x-kubernetes.schema.json',
  title: 'stackport x-kubernetes extension',
  $defs: {
    service: {
      type: 'object',
      additionalProperties: false,
      properties: {
        controller: { enum: ['deployment', 'statefulset', 'daemonset', 'job'] },
        serviceType: { enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'Headless', 'clusterip', 'nodeport', 'loadbalancer', 'headless'] },
        ingress: { oneOf: [ingress, { type: 'array', items: ingress, minItems: 1 }] },
        autoscaling: {
          type: 'object',
          additionalProperties: false,
          properties: {
            min: { type: 'integer', minimum: 1 },
            max: { type: 'integer', minimum: 1 },
            cpu: { type: 'integer', minimum: 1 },
            memory: { type: 'integer', minimum: 1 },
          },
        },
        labels: stringMap,
        annotations: stringMap,
        nodeSelector: stringMap,
        tolerations: { type: 'array', items: toleration },
        serviceAccount: dnsLabel,
        imagePullSecrets: { type: 'array', minItems: 1, uniqueItems: true, items: dnsLabel },
      },
    },
    volume: {
      type: 'object',
      additionalProperties: false,
      properties: {
        size: quantity,
        storageClass: dnsLabel,
        accessModes: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { enum: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'] },
        },
      },
    },
  },
};
