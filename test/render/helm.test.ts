/**
 * The Helm layout, checked with the real `helm` (test/helpers/real-tools.ts): every chart passes `helm lint
 * --strict`, and `helm template` with the default values yields exactly the plain conversion's objects, for the
 * fixtures and for every project of the public corpus. Further tests set documented values (`--set`, `-f`) and
 * check that the templates really read them.
 */
import path from 'node:path';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { convert, type KubernetesConversion } from '../../src/convert.js';
import type { KubernetesObject } from '../../src/emit/kubernetes/index.js';
import { load } from '../../src/load/loader.js';
import { renderHelm } from '../../src/render/helm/index.js';
import { splitImage } from '../../src/render/helm/image.js';
import type { RenderedFiles } from '../../src/render/files.js';
import { corpusComposeFiles } from '../helpers/corpus.js';
import { inBatches, realToolsUnavailable, runTool, writeTree } from '../helpers/real-tools.js';
import { warnIfNoShared } from '../helpers/shared.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const noTools = realToolsUnavailable();
if (noTools) console.warn(`skipping the real-helm tests: ${noTools}`);

/** What real helm made of a chart: lint's and template's exit status and output, and the rendered objects. */
interface HelmResult {
  lint: { status: number; output: string };
  template: { status: number; stderr: string };
  objects: KubernetesObject[];
}

/**
 * Writes the chart to a temporary directory and runs real `helm lint --strict` and `helm template` on it, the
 * latter with `args` (e.g. `--set`); `values`, when given, is passed as an extra values file.
 */
async function realHelm(files: RenderedFiles, args: string[] = [], values?: string): Promise<HelmResult> {
  const { dir, cleanup } = writeTree(files, 'sp-chart-');
  // Beside the chart, not in it: a values file inside would become part of the chart.
  const valuesFile = `${dir}.values.yaml`;
  try {
    if (values !== undefined) writeFileSync(valuesFile, values);
    const lint = await runTool('helm', ['lint', '--strict', dir]);
    const template = await runTool('helm', ['template', 'release', dir, ...(values !== undefined ? ['-f', valuesFile] : []), ...args]);
    const objects: KubernetesObject[] = [];
    for (const doc of parseAllDocuments(template.stdout)) {
      expect(doc.errors, doc.errors.join('; ')).toEqual([]);
      const object = doc.toJS() as KubernetesObject | null;
      if (object) objects.push(object);
    }
    return { lint: { status: lint.status, output: lint.stdout + lint.stderr }, template: { status: template.status, stderr: template.stderr }, objects: byIdentity(objects) };
  } finally {
    cleanup();
    rmSync(valuesFile, { force: true });
  }
}

/** Asserts that real helm accepted the chart. */
function expectAccepted(result: HelmResult, what: string): void {
  expect(result.lint.status, `${what}: helm lint --strict\n${result.lint.output}`).toBe(0);
  expect(result.template.status, `${what}: helm template\n${result.template.stderr}`).toBe(0);
}

function byIdentity(objects: readonly KubernetesObject[]): KubernetesObject[] {
  const key = (o: KubernetesObject) => `${o.kind}/${o.metadata.name}`;
  return [...objects].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The conversion as plain data, the way a YAML reader sees it. */
function plain(objects: readonly KubernetesObject[]): KubernetesObject[] {
  return byIdentity(JSON.parse(JSON.stringify(objects)) as KubernetesObject[]);
}

function convertFixture(dir: string): KubernetesConversion {
  const loaded = load({ files: [path.join(dir, 'compose.yaml')], env: {} });
  expect(loaded.project, loaded.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
  return convert(loaded.project!, { target: 'kubernetes' });
}

/** Every fixture project (a folder under fixtures/ with a compose.yaml). */
const FIXTURES = readdirSync(path.join(REPO, 'fixtures')).filter((f) => readdirSync(path.join(REPO, 'fixtures', f)).includes('compose.yaml')).sort();

describe.skipIf(noTools !== undefined)('helm layout, with real helm', () => {
  const features = convertFixture(path.join(REPO, 'fixtures/kubernetes-features'));
  const chart = renderHelm(features);

  it('writes Chart.yaml, values.yaml, helpers, notes and one template per object', () => {
    const names = [...chart.keys()];
    expect(names).toEqual(expect.arrayContaining(['Chart.yaml', 'values.yaml', 'templates/_helpers.tpl', 'templates/NOTES.txt']));
    expect(names.filter((n) => n.startsWith('templates/') && n.endsWith('.yaml'))).toHaveLength(features.objects.length);
    expect(parse(chart.get('Chart.yaml')!)).toMatchObject({ apiVersion: 'v2', name: 'features', type: 'application' });
  });

  it.each(FIXTURES)('%s: passes helm lint --strict and renders exactly the plain conversion', async (fixture) => {
    const conversion = convertFixture(path.join(REPO, 'fixtures', fixture));
    const result = await realHelm(renderHelm(conversion));
    expectAccepted(result, fixture);
    expect(result.objects).toEqual(plain(conversion.objects));
  });

  it('documents every per-service value it reads', () => {
    const values = chart.get('values.yaml')!;
    for (const comment of ['# Container image', '# Container resources', '# Environment variables', '# Kubernetes Services', '# The Ingress', '# Persistent volume claims']) {
      expect(values).toContain(comment);
    }
  });

  it('reads image, replicas, resources, environment, Service type and ports, ingress and storage from values', async () => {
    const result = await realHelm(
      chart,
      ['--set', 'services.web.image.tag=1.28', '--set', 'services.worker.replicas=5', '--set', 'services.web.kubernetesServices.web-published.type=NodePort', '--set', 'services.web.ingress.enabled=false', '--set', 'persistence.pgdata.size=50Gi'],
      // Lists replace and maps merge in a values file, as in `helm install -f`.
      'services:\n  db:\n    resources: {limits: {memory: 1Gi}}\n    env: [{name: ADDED, value: "yes"}]\npersistence:\n  pgdata:\n    storageClass: ""\n',
    );
    expectAccepted(result, 'changed values');
    const find = (kind: string, name: string) => result.objects.find((o) => o.kind === kind && o.metadata.name === name) as any;
    expect(find('Deployment', 'web').spec.template.spec.containers[0].image).toBe('nginx:1.28');
    expect(find('Deployment', 'worker').spec.replicas).toBe(5);
    expect(find('Deployment', 'web').spec).not.toHaveProperty('replicas');
    const db = find('StatefulSet', 'db');
    expect(db.spec.template.spec.containers[0].resources.limits.memory).toBe('1Gi');
    expect(db.spec.template.spec.containers[0].env).toEqual([{ name: 'ADDED', value: 'yes' }]);
    expect(db.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('50Gi');
    expect(db.spec.volumeClaimTemplates[0].spec).not.toHaveProperty('storageClassName');
    expect(find('Service', 'web-published').spec.type).toBe('NodePort');
    expect(find('Ingress', 'web')).toBeUndefined();
  });

  it('prints literal {{ in object content as written', async () => {
    const objects: KubernetesObject[] = [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'tpl' }, data: { 'page.html': '<p>{{ user }}</p>\n{{- raw -}}\n' } },
    ];
    const result = await realHelm(renderHelm({ objects, project: 'p' }));
    expectAccepted(result, 'literal braces');
    expect(result.objects).toEqual(objects);
  });

  it('lists the Secrets the chart references but does not create in NOTES.txt', () => {
    const example = convertFixture(path.join(REPO, 'fixtures/example'));
    const notes = renderHelm(example).get('templates/NOTES.txt')!;
    expect(notes).toContain('kubectl create secret generic db-password --from-file=db_password=./secrets/db_password.txt');
  });

  it('is deterministic', () => {
    expect([...renderHelm(features)]).toEqual([...chart]);
  });

  const corpus = corpusComposeFiles();
  warnIfNoShared('the corpus charts under real helm');
  it.skipIf(corpus.length === 0)(`passes helm lint --strict and renders like the plain conversion for every loadable corpus project (${corpus.length} files)`, async () => {
    const conversions: { id: string; conversion: KubernetesConversion }[] = [];
    for (const entry of corpus) {
      const loaded = load({ files: [path.join(entry.dir, entry.file)], env: {} });
      if (loaded.project) conversions.push({ id: entry.id, conversion: convert(loaded.project, { target: 'kubernetes' }) });
    }
    const results = await inBatches(conversions, 4, ({ conversion }) => realHelm(renderHelm(conversion)));
    let equal = 0;
    for (let i = 0; i < conversions.length; i++) {
      expectAccepted(results[i]!, conversions[i]!.id);
      expect(results[i]!.objects, conversions[i]!.id).toEqual(plain(conversions[i]!.conversion.objects));
      equal++;
    }
    console.log(`helm: ${equal} of ${conversions.length} corpus charts pass real helm lint --strict and render exactly like the plain conversion`);
    expect(equal).toBe(conversions.length);
  });
});

describe('splitImage', () => {
  it.each([
    ['nginx', { repository: 'nginx' }],
    ['nginx:1.27', { repository: 'nginx', tag: '1.27' }],
    ['registry:5000/team/app', { repository: 'registry:5000/team/app' }],
    ['registry:5000/team/app:2', { repository: 'registry:5000/team/app', tag: '2' }],
    ['app@sha256:abc', { repository: 'app', digest: 'sha256:abc' }],
  ])('%s', (reference, expected) => {
    expect(splitImage(reference)).toEqual(expected);
  });
});
