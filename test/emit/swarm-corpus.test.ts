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
  it('accepts every converted stack file', () => {
    let converted = 0;
    let refused = 0;
    const reasons = new Map<string, number>();
    const rejected: string[] = [];
    for (const f of corpusComposeFiles()) {
      const loaded = load({ cwd: f.dir, files: [f.file], env: {} });
      if (!loaded.project) continue;
      let conversion = convert(loaded.project, { target: 'swarm', toDirectory: true });
      const errors = conversion.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        refused++;
        for (const e of errors) reasons.set(e.code, (reasons.get(e.code) ?? 0) + 1);
        // Build-only services are refused without a registry; with --image-prefix they must convert and pass.
        if (!errors.every((e) => e.code === 'SWARM_NO_IMAGE')) continue;
        conversion = convert(loaded.project, { target: 'swarm', toDirectory: true, imagePrefix: 'registry.example.com/team' });
        expect(conversion.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      }
      converted++;
      const stack = render(conversion, { layout: 'files' }).get('stack.yaml')!;
      const result = dockerStackConfig(stack, f.dir);
      if (!result.ok) rejected.push(`${f.id}: ${result.output.trim().split('\n').slice(-2).join(' ')}`);
    }
    console.log(`swarm corpus: ${converted} converted (${refused} of them only with --image-prefix), ${converted - rejected.length} accepted by docker stack config, ${refused} refused without --image-prefix (${[...reasons].map(([c, n]) => `${c} x${n}`).join(', ') || 'none'})`);
    expect(rejected).toEqual([]);
    expect(converted).toBeGreaterThan(100);
  }, 120_000);
});
