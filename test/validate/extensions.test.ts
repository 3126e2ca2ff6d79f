/**
 * The `x-kubernetes` extension is validated against schemas/x-kubernetes.schema.json with located errors, and the
 * committed schemas and ahead-of-time validators are what scripts/build-schema.mjs generates now.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/loader.js';
import { memoryHost } from '../../src/load/host.js';
// @ts-expect-error: a build script in plain JavaScript, without declarations
import { schemaTexts, validatorSources } from '../../scripts/build-schema.mjs';

const REPO = path.resolve(import.meta.dirname, '../..');

function diagnose(compose: string) {
  const host = memoryHost({ '/p/compose.yaml': compose }, { cwd: '/p' });
  return load({ host, cwd: '/p', env: {} }).diagnostics.map((d) => `${d.location?.line}:${d.location?.column} ${d.code} ${d.message}`);
}

describe('x-kubernetes validation', () => {
  it('accepts every setting the README documents', () => {
    expect(
      diagnose(`services:
  web:
    image: nginx
    x-kubernetes:
      controller: statefulset
      serviceType: NodePort
      ingress: [{ host: shop.example.com, path: /store, tlsSecret: shop-tls, className: nginx }]
      autoscaling: { min: 2, max: 6, cpu: 70 }
      labels: { team: shop }
      annotations: { prometheus.io/scrape: "true" }
      nodeSelector: { disktype: ssd }
      tolerations: [{ key: dedicated, operator: Equal, value: web, effect: NoSchedule }]
      serviceAccount: web
volumes:
  data:
    x-kubernetes: { size: 20Gi, storageClass: fast-ssd, accessModes: [ReadWriteOnce] }
`),
    ).toEqual([]);
  });

  it.each([
    ['an unknown key', 'services:\n  web:\n    image: nginx\n    x-kubernetes:\n      replica: 3\n', '5:7 X_KUBERNETES_INVALID services.web.x-kubernetes additional properties \'replica\' not allowed'],
    ['an unknown controller', 'services:\n  web:\n    image: nginx\n    x-kubernetes:\n      controller: pod\n', '5:19 X_KUBERNETES_INVALID services.web.x-kubernetes.controller value must be one of'],
    ['a non-integer autoscaling bound', 'services:\n  web:\n    image: nginx\n    x-kubernetes:\n      autoscaling: { min: two }\n', '5:27 X_KUBERNETES_INVALID services.web.x-kubernetes.autoscaling.min must be an integer'],
    ['a volume size that is no quantity', 'services:\n  web:\n    image: nginx\nvolumes:\n  data:\n    x-kubernetes: { size: lots }\n', '6:27 X_KUBERNETES_INVALID volumes.data.x-kubernetes.size'],
    ['an unknown access mode', 'services:\n  web:\n    image: nginx\nvolumes:\n  data:\n    x-kubernetes: { accessModes: [ReadWriteAll] }\n', '6:35 X_KUBERNETES_INVALID volumes.data.x-kubernetes.accessModes.0 value must be one of'],
  ])('reports %s at its position', (_name, compose, expected) => {
    const found = diagnose(compose);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(expected);
  });
});

describe('generated schema files', () => {
  it('are up to date with scripts/build-schema.mjs', () => {
    for (const [name, text] of Object.entries(schemaTexts() as Record<string, string>)) {
      expect(readFileSync(path.join(REPO, 'schemas', name), 'utf8'), `schemas/${name}: run node scripts/build-schema.mjs`).toBe(text);
    }
    for (const [name, text] of Object.entries(validatorSources() as Record<string, string>)) {
      expect(readFileSync(path.join(REPO, 'src/validate/generated', name), 'utf8'), `${name}: run node scripts/build-schema.mjs`).toBe(text);
    }
  });
});

describe('label names', () => {
  it('refuses a label without a name, in list and mapping form, at the entry (fuzz finding)', () => {
    expect(diagnose('services:\n  web:\n    image: nginx\n    labels:\n      - a=b\n      - ""\n')).toEqual([
      '6:9 LABEL_INVALID services.web.labels.1: a label needs a name',
    ]);
    expect(diagnose('services:\n  web:\n    image: nginx\n    deploy:\n      labels: ["=x"]\n')).toEqual([
      '5:16 LABEL_INVALID services.web.deploy.labels.0: a label needs a name',
    ]);
  });
});
