/**
 * Issue 3's acceptance check on the public corpus: every file that loads converts to Kubernetes objects that all
 * pass the validator (kubernetes-models schemas plus the API-server rules), the printed stream reads back through
 * stackport's own parser as the same objects, and a second conversion gives the same bytes. Prints the counts and
 * the ten most frequent diagnostic codes.
 */
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert.js';
import { load } from '../../src/load/loader.js';
import { parseComposeYaml } from '../../src/parse/index.js';
import { render } from '../../src/render/render.js';
import { corpusComposeFiles } from '../helpers/corpus.js';
import { validateObjects } from '../helpers/k8s-validate.js';
import { HAVE_SHARED, warnIfNoShared } from '../helpers/shared.js';

warnIfNoShared('the Kubernetes corpus check');

describe.skipIf(!HAVE_SHARED)('corpus -> Kubernetes', () => {
  it('converts every loadable file into valid objects that read back and repeat byte for byte', async () => {
    let converted = 0;
    let objects = 0;
    const invalid: string[] = [];
    const codes = new Map<string, number>();
    for (const f of corpusComposeFiles()) {
      const loaded = load({ cwd: f.dir, files: [f.file], env: {} });
      if (!loaded.project) continue;
      const conversion = convert(loaded.project, { target: 'kubernetes' });
      expect(conversion.diagnostics.filter((d) => d.severity === 'error'), f.id).toEqual([]);
      for (const d of conversion.diagnostics) codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
      converted++;
      objects += conversion.objects.length;
      for (const problem of await validateObjects(conversion.objects)) invalid.push(`${f.id}: ${problem}`);

      const stream = render(conversion, { layout: 'stream' }).get('manifests.yaml')!;
      if (conversion.objects.length > 0) {
        const parsed = parseComposeYaml(stream, 'manifests.yaml');
        expect(parsed.diagnostics, f.id).toEqual([]);
        expect(parsed.documents.map((d) => d.value), f.id).toEqual(JSON.parse(JSON.stringify(conversion.objects)));
      } else {
        expect(conversion.diagnostics.map((d) => d.code), f.id).toContain('NO_SERVICES');
      }
      const again = render(convert(load({ cwd: f.dir, files: [f.file], env: {} }).project!, { target: 'kubernetes' }), { layout: 'stream' });
      expect(again.get('manifests.yaml'), f.id).toBe(stream);
    }
    const top = [...codes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
    console.log(
      `kubernetes corpus: ${converted} files converted, ${objects} objects, ${invalid.length} invalid; most frequent diagnostics: ${top.map(([c, n]) => `${c} x${n}`).join(', ')}`,
    );
    expect(invalid).toEqual([]);
    expect(converted).toBeGreaterThan(100);
  });
});
