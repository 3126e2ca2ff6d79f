/**
 * Issue 4's acceptance check: every corpus file that loads converts to a stack file that `docker stack config`
 * accepts, or is refused by the Swarm emitter with an error that names what Swarm cannot take. Counts are printed.
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
  it('converts every project that converts to Kubernetes, and docker stack config accepts every stack file', () => {
    let loadedCount = 0;
    let converted = 0;
    const refused: string[] = [];
    const rejected: string[] = [];
    for (const f of corpusComposeFiles()) {
      const loaded = load({ cwd: f.dir, files: [f.file], env: {} });
      if (!loaded.project) continue;
      loadedCount++;
      const conversion = convert(loaded.project, { target: 'swarm', toDirectory: true });
      const errors = conversion.diagnostics.filter((d) => d.severity === 'error');
      // Build-only services convert with the image tag docker compose builds, as on the Kubernetes target.
      if (errors.length > 0) {
        refused.push(`${f.id}: ${errors.map((e) => e.code).join(', ')}`);
        continue;
      }
      converted++;
      const stack = render(conversion, { layout: 'files' }).get('stack.yaml')!;
      const result = dockerStackConfig(stack, f.dir);
      if (!result.ok) rejected.push(`${f.id}: ${result.output.trim().split('\n').slice(-2).join(' ')}`);
    }
    console.log(`swarm corpus: ${converted} of ${loadedCount} loadable projects converted, ${converted - rejected.length} accepted by docker stack config`);
    expect(refused).toEqual([]);
    expect(rejected).toEqual([]);
    expect(converted).toBe(loadedCount);
  }, 120_000);
});
