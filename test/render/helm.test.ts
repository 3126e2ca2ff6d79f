/**
 * The Helm layout. There is no `helm` binary on these machines, so charts are rendered by the Go-template subset in
 * test/helpers/go-template.ts (which throws on anything outside it) and compared, object by object, with the plain
 * conversion: for the fixtures and for every project of the public corpus. Further tests change values and check
 * that the templates really read them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { convert, type KubernetesConversion } from '../../src/convert.js';
import type { KubernetesObject } from '../../src/emit/kubernetes/index.js';
import { load } from '../../src/load/loader.js';
import { renderHelm } from '../../src/render/helm/index.js';
import { splitImage } from '../../src/render/helm/image.js';
import type { RenderedFiles } from '../../src/render/files.js';
import { corpusComposeFiles } from '../helpers/corpus.js';
import { TemplateSet } from '../helpers/go-template.js';

const REPO = path.resolve(import.meta.dirname, '../..');

/** Renders every template of a chart with its values (optionally changed) as `helm template` would. */
function helmTemplate(files: RenderedFiles, change: (values: Record<string, any>) => void = () => {}): KubernetesObject[] {
  const set = new TemplateSet();
  for (const [file, content] of files) if (file.startsWith('templates/')) set.add(file, content);
  const values = parse(files.get('values.yaml')!) as Record<string, any>;
  change(values);
  const chart = parse(files.get('Chart.yaml')!) as { name: string; version: string };
  const data = { Values: values, Release: { Name: 'release', Namespace: 'default', Service: 'Helm' }, Chart: { Name: chart.name, Version: chart.version } };
  const objects: KubernetesObject[] = [];
  for (const file of [...files.keys()].filter((f) => /^templates\/[^_].*\.yaml$/.test(f))) {
    for (const doc of parseAllDocuments(set.render(file, data))) {
      expect(doc.errors, `${file}: ${doc.errors.join('; ')}`).toEqual([]);
      const object = doc.toJS() as KubernetesObject | null;
      if (object) objects.push(object);
    }
  }
  return byIdentity(objects);
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

describe('helm layout', () => {
  const features = convertFixture(path.join(REPO, 'fixtures/kubernetes-features'));
  const chart = renderHelm(features);

  it('writes Chart.yaml, values.yaml, helpers, notes and one template per object', () => {
    const names = [...chart.keys()];
    expect(names).toEqual(expect.arrayContaining(['Chart.yaml', 'values.yaml', 'templates/_helpers.tpl', 'templates/NOTES.txt']));
    expect(names.filter((n) => n.startsWith('templates/') && n.endsWith('.yaml'))).toHaveLength(features.objects.length);
    expect(parse(chart.get('Chart.yaml')!)).toMatchObject({ apiVersion: 'v2', name: 'features', type: 'application' });
  });

  it('renders, with its default values, exactly the plain conversion', () => {
    for (const fixture of ['example', 'kubernetes-features']) {
      const conversion = convertFixture(path.join(REPO, 'fixtures', fixture));
      expect(helmTemplate(renderHelm(conversion))).toEqual(plain(conversion.objects));
    }
  });

  it('documents every per-service value it reads', () => {
    const values = chart.get('values.yaml')!;
    for (const comment of ['# Container image', '# Container resources', '# Environment variables', '# Kubernetes Services', '# The Ingress', '# Persistent volume claims']) {
      expect(values).toContain(comment);
    }
  });

  it('reads image, replicas, resources, environment, Service type and ports, ingress and storage from values', () => {
    const rendered = helmTemplate(chart, (v) => {
      v.services.web.image.tag = '1.28';
      v.services.worker.replicas = 5;
      v.services.db.resources = { limits: { memory: '1Gi' } };
      v.services.db.env = [{ name: 'ADDED', value: 'yes' }];
      v.services.web.kubernetesServices['web-published'].type = 'NodePort';
      v.services.web.ingress.enabled = false;
      v.persistence.pgdata.size = '50Gi';
      v.persistence.pgdata.storageClass = '';
    });
    const find = (kind: string, name: string) => rendered.find((o) => o.kind === kind && o.metadata.name === name) as any;
    expect(find('Deployment', 'web').spec.template.spec.containers[0].image).toBe('nginx:1.28');
    expect(find('Deployment', 'worker').spec.replicas).toBe(5);
    expect(find('Deployment', 'web').spec).not.toHaveProperty('replicas');
    const db = find('StatefulSet', 'db');
    expect(db.spec.template.spec.containers[0].resources).toEqual({ limits: { memory: '1Gi' } });
    expect(db.spec.template.spec.containers[0].env).toEqual([{ name: 'ADDED', value: 'yes' }]);
    expect(db.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('50Gi');
    expect(db.spec.volumeClaimTemplates[0].spec).not.toHaveProperty('storageClassName');
    expect(find('Service', 'web-published').spec.type).toBe('NodePort');
    expect(find('Ingress', 'web')).toBeUndefined();
  });

  it('prints literal {{ in object content as written', () => {
    const objects: KubernetesObject[] = [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'tpl' }, data: { 'page.html': '<p>{{ user }}</p>\n{{- raw -}}\n' } },
    ];
    expect(helmTemplate(renderHelm({ objects, project: 'p' }))).toEqual(objects);
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
  it.skipIf(corpus.length === 0)(`renders like the plain conversion for every loadable corpus project (${corpus.length} files)`, () => {
    let compared = 0;
    for (const entry of corpus) {
      const loaded = load({ files: [path.join(entry.dir, entry.file)], env: {} });
      if (!loaded.project) continue;
      const conversion = convert(loaded.project, { target: 'kubernetes' });
      expect(helmTemplate(renderHelm(conversion)), entry.id).toEqual(plain(conversion.objects));
      compared++;
    }
    console.log(`helm: ${compared} corpus charts render exactly like the plain conversion`);
    expect(compared).toBeGreaterThan(100);
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
