/**
 * Issues 4 and 16's acceptance check on the public corpus: every file that converts to Kubernetes also converts to
 * Swarm (no error, no `--image-prefix` needed: build-only services get the image docker compose would build), and
 * `docker stack config` accepts every stack file. Counts are printed.
 */
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/loader.js';
import { convert } from '../../src/convert.js';
import { render } from '../../src/render/render.js';
import { corpusComposeFiles } from '../helpers/corpus.js';
import { HAVE_SHARED, warnIfNoShared } from '../helpers/shared.js';
import { dockerStackConfig, haveDockerStackConfig } from '../helpers/docker-stack-config.js';

warnIfNoShared('the Swarm corpus check');

describe.skipIf(!HAVE_SHARED || !haveDockerStackConfig())('corpus -> docker stack config', () => {
  it('converts every file the Kubernetes target converts, into stack files docker stack config accepts', () => {
    let files = 0;
    let kubernetes = 0;
    let converted = 0;
    const refused: string[] = [];
    const rejected: string[] = [];
    for (const f of corpusComposeFiles()) {
      files++;
      const loaded = load({ cwd: f.dir, files: [f.file], env: {} });
      if (!loaded.project) continue;
      const k8s = convert(loaded.project, { target: 'kubernetes' });
      if (k8s.diagnostics.some((d) => d.severity === 'error')) continue;
      kubernetes++;
      const conversion = convert(loaded.project, { target: 'swarm', toDirectory: true });
      const errors = conversion.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        refused.push(`${f.id}: ${errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
        continue;
      }
      converted++;
      const stack = render(conversion, { layout: 'files' }).get('stack.yaml')!;
      const result = dockerStackConfig(stack, f.dir);
      if (!result.ok) rejected.push(`${f.id}: ${result.output.trim().split('\n').slice(-2).join(' ')}`);
    }
    console.log(`swarm corpus: ${files} files, ${kubernetes} convert to Kubernetes, ${converted} convert to Swarm, ${converted - rejected.length} accepted by docker stack config`);
    expect(refused).toEqual([]);
    expect(rejected).toEqual([]);
    expect(converted).toBe(kubernetes);
    // The corpus as of issue 16: 182 files, 157 of them load (and convert to Kubernetes).
    expect(converted).toBeGreaterThanOrEqual(157);
  }, 120_000);
});
