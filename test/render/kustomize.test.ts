import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert.js';
import { load } from '../../src/load/loader.js';
import { convertOverlays } from '../../src/overlays.js';
import { render } from '../../src/render/render.js';
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
  const files = renderKustomize({ objects: base }, { prod: { objects: prod }, dev: { objects: base } });

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
    const again = renderKustomize({ objects: base }, { dev: { objects: base }, prod: { objects: prod } });
    expect([...again]).toEqual([...files]);
  });
});

/**
 * The fixtures that ship override files (compose.<env>.yaml): each overlay, applied to the base, must equal the
 * direct conversion of the merged project. Secrets come from secretGenerator, so the comparison is with
 * `--secrets inline`, the conversion that embeds the same files' contents.
 */
describe('kustomize overlays of the fixtures', () => {
  const repo = path.resolve(import.meta.dirname, '../..');
  const byKey = (os: KubernetesObject[]) => [...os].sort((a, b) => `${a.kind}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.name}`));
  const fixtures = ['example', 'kubernetes-features'];

  it.each(fixtures)('%s: every overlay reproduces the merged project', (fixture) => {
    const dir = path.join(repo, 'fixtures', fixture);
    const overrides = Object.fromEntries(
      readdirSync(dir)
        .map((f) => /^compose\.([a-z0-9-]+)\.yaml$/.exec(f))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!, path.join(dir, m[0])]),
    );
    expect(Object.keys(overrides).length).toBeGreaterThan(0);
    const baseFiles = [path.join(dir, 'compose.yaml')];
    const loaded = load({ files: baseFiles, env: {} });
    const base = convert(loaded.project!, { target: 'kubernetes' });
    const { overlays, diagnostics } = convertOverlays({ files: baseFiles, env: {} }, overrides);
    expect(diagnostics).toEqual([]);
    // As if written with -o <fixture>/k8s: the project directory is one level up.
    const files = render(base, { layout: 'kustomize', overlays, projectDir: '..' });
    const root = path.join(dir, 'k8s');
    const inline = (extra: string[]) =>
      convert(load({ files: [...baseFiles, ...extra], env: {} }).project!, { target: 'kubernetes', secrets: 'inline' }).objects;
    expect(byKey(buildKustomization(files, 'base', root))).toEqual(byKey(inline([])));
    for (const [env, file] of Object.entries(overrides)) {
      const built = byKey(buildKustomization(files, `overlays/${env}`, root));
      expect(built, env).toEqual(byKey(inline([file])));
      expect(built, `${env} differs from the base`).not.toEqual(byKey(inline([])));
    }
  });

  it('reads secret values through secretGenerator files, never writing them', () => {
    const dir = path.join(repo, 'fixtures', 'example');
    const loaded = load({ files: [path.join(dir, 'compose.yaml')], env: {} });
    const files = render(convert(loaded.project!, { target: 'kubernetes' }), { layout: 'kustomize', projectDir: '..' });
    const kustomization = files.get('base/kustomization.yaml')!;
    expect(kustomization).toContain('db_password=../../secrets/db_password.txt');
    expect(kustomization).toContain('--load-restrictor LoadRestrictionsNone');
    for (const content of files.values()) expect(content).not.toContain('example-password');
  });
});
