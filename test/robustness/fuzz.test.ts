/**
 * Mutation fuzzing (issue 6): every fixture and corpus file, mutated (types swapped, keys deleted or renamed,
 * strings replaced by huge, unicode or `${...}` values, nodes duplicated, YAML syntax broken), must load without a
 * crash; every error must point inside the input; and every accepted input must convert to Kubernetes objects and
 * a stack file that still pass their validators.
 *
 * `FUZZ_RUNS` sets the case count (default 1500, for `npm test`); `npm run fuzz` runs many more. The seed is fixed
 * per run count so a failure replays; `FUZZ_SEED` overrides it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/loader.js';
import { memoryHost } from '../../src/load/host.js';
import { convert } from '../../src/convert.js';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { applyMutation, OPERATOR_COUNT, type Mutation } from './mutate.js';
import { fuzzSeeds, type FuzzSeed } from './fuzz-inputs.js';
import { validateObjects } from '../helpers/k8s-validate.js';
import { swarmSchemaErrors } from '../helpers/swarm-schema.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const seeds = fuzzSeeds();

interface CaseOutcome {
  accepted: boolean;
  problems: string[];
}

/** Loads and converts one mutated project; returns what is wrong with the outcome (nothing, ideally). */
async function runCase(seed: FuzzSeed, text: string): Promise<CaseOutcome> {
  const files: Record<string, string | Uint8Array> = { '/project/compose.yaml': text };
  for (const [rel, bytes] of Object.entries(seed.siblings)) files[`/project/${rel}`] = bytes;
  const host = memoryHost(files, { cwd: '/project' });
  const result = load({ host, cwd: '/project', env: {}, files: ['compose.yaml'] });
  const problems = result.diagnostics.flatMap((d) => locationProblems(d, files));
  if (!result.project) {
    if (!result.diagnostics.some((d) => d.severity === 'error')) problems.push('refused without an error');
    return { accepted: false, problems };
  }
  const kubernetes = convert(result.project, { target: 'kubernetes' });
  problems.push(...(await validateObjects(kubernetes.objects)).map((e) => `kubernetes: ${e}`));
  const swarm = convert(result.project, { target: 'swarm' });
  problems.push(...swarmSchemaErrors(swarm.stack).map((e) => `swarm: ${e}`));
  return { accepted: true, problems };
}

/** An error must name a file of the input and a line inside it. */
function locationProblems(d: Diagnostic, files: Record<string, string | Uint8Array>): string[] {
  if (d.severity !== 'error') return [];
  if (!d.location) return [`unlocated error: ${formatDiagnostic(d)}`];
  const content = files[`/project/${d.location.file}`];
  if (content === undefined) return [`error in an unknown file: ${formatDiagnostic(d)}`];
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  const lines = text.split('\n').length;
  if (d.location.line < 1 || d.location.line > lines + 1 || d.location.column < 1) {
    return [`error outside the input (${lines} lines): ${formatDiagnostic(d)}`];
  }
  return [];
}

describe('mutation fuzzing', () => {
  it(`survives ${RUNS} mutated projects from ${seeds.length} seeds`, async () => {
    let accepted = 0;
    let cases = 0;
    const mutation = fc.tuple(fc.nat(OPERATOR_COUNT - 1), fc.nat(), fc.nat()) as fc.Arbitrary<Mutation>;
    await fc.assert(
      fc.asyncProperty(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (index, mutations) => {
        const seed = seeds[index]!;
        const text = mutations.reduce(applyMutation, seed.compose);
        let outcome: CaseOutcome;
        try {
          outcome = await runCase(seed, text);
        } catch (e) {
          throw new Error(`crash on a mutation of ${seed.id}: ${(e as Error).stack}\n--- input ---\n${text.slice(0, 4000)}`);
        }
        cases++;
        if (outcome.accepted) accepted++;
        if (outcome.problems.length > 0) {
          throw new Error(`${seed.id}: ${outcome.problems.slice(0, 5).join('\n')}\n--- input ---\n${text.slice(0, 4000)}`);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.log(`fuzz: ${cases} cases from ${seeds.length} seeds (seed ${SEED}), ${accepted} accepted and converted, ${cases - accepted} refused with located errors`);
    expect(cases).toBeGreaterThanOrEqual(RUNS);
  });

  it('accepts every unmutated seed that loads, and converts it to valid output', async () => {
    for (const seed of seeds) {
      const outcome = await runCase(seed, seed.compose);
      expect(outcome.problems, seed.id).toEqual([]);
    }
  });
});
