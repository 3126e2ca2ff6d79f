import { describe, expect, it } from 'vitest';
import { renderKustomize } from '../../src/render/kustomize.js';
import type { KubernetesObject } from '../../src/emit/kubernetes/index.js';
import { buildKustomization } from '../helpers/kustomize-apply.js';

const deployment = (name: string, replicas: number, image = 'nginx'): KubernetesObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { 'app.kubernetes.io/name': name } },
  spec: { replicas, template: { spec: { containers: [{ name, image }] } } },
});
const service = (name: string): KubernetesObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { ports: [{ port: 80 }] },
});

describe('kustomize layout', () => {
  const base = [service('web'), service('worker'), deployment('web', 1), deployment('worker', 1)];
  const prod = [service('web'), service('cache'), deployment('web', 3, 'nginx:prod'), deployment('cache', 1, 'redis')];
  const files = renderKustomize(base, { prod, dev: base });

  it('writes a base with every object and a kustomization listing them', () => {
    expect([...files.keys()].filter((f) => f.startsWith('base/')).sort()).toEqual([
      'base/kustomization.yaml',
      'base/web-deployment.yaml',
      'base/web-service.yaml',
      'base/worker-deployment.yaml',
      'base/worker-service.yaml',
    ]);
    expect(buildKustomization(files, 'base')).toEqual(base);
  });

  it('makes each overlay reproduce its own conversion exactly', () => {
    const sortByKey = (os: KubernetesObject[]) => [...os].sort((a, b) => `${a.kind}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.name}`));
    expect(sortByKey(buildKustomization(files, 'overlays/prod'))).toEqual(sortByKey(prod));
    expect(sortByKey(buildKustomization(files, 'overlays/dev'))).toEqual(sortByKey(base));
  });

  it('keeps an unchanged overlay to a bare reference to the base', () => {
    expect([...files.keys()].filter((f) => f.startsWith('overlays/dev/'))).toEqual(['overlays/dev/kustomization.yaml']);
  });

  it('is deterministic', () => {
    const again = renderKustomize(base, { dev: base, prod });
    expect([...again]).toEqual([...files]);
  });
});
