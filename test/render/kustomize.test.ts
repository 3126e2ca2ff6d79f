/**
 * The Kustomize layout, built by the real `kubectl kustomize` (Kustomize v5, test/helpers/real-tools.ts) under its
 * default load restrictor, the one `kubectl apply -k` uses: the base yields the plain conversion's objects, and each
 * overlay yields the conversion of the project merged with that override file.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { convert } from '../../src/convert.js';
import { load } from '../../src/load/loader.js';
import { convertOverlays } from '../../src/overlays.js';
import { type RenderedFiles } from '../../src/render/files.js';
import { render } from '../../src/render/render.js';
import { renderKustomize } from '../../src/render/kustomize.js';
import type { KubernetesObject } from '../../src/emit/kubernetes/index.js';
import { corpusComposeFiles } from '../helpers/corpus.js';
import { inBatches, realToolsUnavailable, runTool, writeTree } from '../helpers/real-tools.js';
import { warnIfNoShared } from '../helpers/shared.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const noTools = realToolsUnavailable();
if (noTools) console.warn(`skipping the real-kubectl kustomize tests: ${noTools}`);

const deployment = (name: string, replicas: number, image = 'nginx'): KubernetesObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { 'app.kubernetes.io/name': name } },
  spec: { replicas, selector: { matchLabels: { 'app.kubernetes.io/name': name } }, template: { metadata: { labels: { 'app.kubernetes.io/name': name } }, spec: { containers: [{ name, image }] } } },
});
const service = (name: string): KubernetesObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { ports: [{ port: 80 }] },
});

const byKey = (os: readonly KubernetesObject[]) => [...os].sort((a, b) => {
  const ka = `${a.kind}/${a.metadata.name}`;
  const kb = `${b.kind}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
});
const plain = (os: readonly KubernetesObject[]) => byKey(JSON.parse(JSON.stringify(os)) as KubernetesObject[]);

/** Builds each of `dirs` of a rendered tree with real `kubectl kustomize`; a failed build fails the test. */
async function kustomizeBuild(files: RenderedFiles, dirs: readonly string[]): Promise<Map<string, KubernetesObject[]>> {
  const { dir, cleanup } = writeTree(files, 'sp-kustomize-');
  try {
    const built = new Map<string, KubernetesObject[]>();
    for (const sub of dirs) {
      const run = await runTool('kubectl', ['kustomize', path.join(dir, sub)]);
      expect(run.status, `kubectl kustomize ${sub}\n${run.stderr}`).toBe(0);
      const objects = parseAllDocuments(run.stdout).map((d) => d.toJS() as KubernetesObject).filter((o) => o !== null);
      built.set(sub, byKey(objects));
    }
    return built;
  } finally {
    cleanup();
  }
}

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
  });

  it.skipIf(noTools !== undefined)('builds with real kubectl kustomize: the base and each overlay reproduce their conversions', async () => {
    const built = await kustomizeBuild(files, ['base', 'overlays/prod', 'overlays/dev']);
    expect(built.get('base')).toEqual(byKey(base));
    expect(built.get('overlays/prod')).toEqual(byKey(prod));
    expect(built.get('overlays/dev')).toEqual(byKey(base));
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
 * Every fixture project; those that ship override files (compose.<env>.yaml) get an overlay each, which must equal
 * the direct conversion of the merged project.
 */
describe.skipIf(noTools !== undefined)('kustomize trees of the fixtures, with real kubectl', () => {
  const fixtures = readdirSync(path.join(REPO, 'fixtures')).filter((f) => readdirSync(path.join(REPO, 'fixtures', f)).includes('compose.yaml')).sort();

  it.each(fixtures)('%s: the base and every overlay build under the default load restrictor and reproduce their conversions', async (fixture) => {
    const dir = path.join(REPO, 'fixtures', fixture);
    const overrides = Object.fromEntries(
      readdirSync(dir)
        .map((f) => /^compose\.([a-z0-9-]+)\.yaml$/.exec(f))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!, path.join(dir, m[0])]),
    );
    const baseFiles = [path.join(dir, 'compose.yaml')];
    const converted = (extra: string[]) => convert(load({ files: [...baseFiles, ...extra], env: {} }).project!, { target: 'kubernetes' });
    const base = converted([]);
    const { overlays, diagnostics } = convertOverlays({ files: baseFiles, env: {} }, overrides);
    expect(diagnostics).toEqual([]);
    const files = render(base, { layout: 'kustomize', overlays });
    const envs = Object.keys(overrides);
    const built = await kustomizeBuild(files, ['base', ...envs.map((e) => `overlays/${e}`)]);
    expect(built.get('base')).toEqual(plain(base.objects));
    for (const [env, file] of Object.entries(overrides)) {
      expect(built.get(`overlays/${env}`), env).toEqual(plain(converted([file]).objects));
      expect(built.get(`overlays/${env}`), `${env} differs from the base`).not.toEqual(plain(base.objects));
    }
  });

  it('references file secrets by name, as the plain layout does, and writes no secret value', () => {
    const dir = path.join(REPO, 'fixtures', 'example');
    const conversion = convert(load({ files: [path.join(dir, 'compose.yaml')], env: {} }).project!, { target: 'kubernetes' });
    const files = render(conversion, { layout: 'kustomize' });
    expect(files.get('base/kustomization.yaml')).not.toContain('secretGenerator');
    for (const content of files.values()) expect(content).not.toContain('example-password');
    const hint = conversion.diagnostics.find((d) => d.code === 'K8S_SECRET_REFERENCE');
    expect(hint?.message).toContain('kubectl create secret generic db-password --from-file=db_password=./secrets/db_password.txt');
  });

  const corpus = corpusComposeFiles();
  warnIfNoShared('the corpus kustomize bases under real kubectl');
  it.skipIf(corpus.length === 0)(`builds the base of every loadable corpus project like the plain conversion (${corpus.length} files)`, async () => {
    const conversions = corpus.flatMap((entry) => {
      const loaded = load({ files: [path.join(entry.dir, entry.file)], env: {} });
      return loaded.project ? [{ id: entry.id, conversion: convert(loaded.project, { target: 'kubernetes' }) }] : [];
    });
    const built = await inBatches(conversions, 4, ({ conversion }) => kustomizeBuild(render(conversion, { layout: 'kustomize' }), ['base']));
    for (let i = 0; i < conversions.length; i++) expect(built[i]!.get('base'), conversions[i]!.id).toEqual(plain(conversions[i]!.conversion.objects));
    console.log(`kustomize: ${conversions.length} corpus bases build with real kubectl kustomize and equal the plain conversion`);
  });
});
