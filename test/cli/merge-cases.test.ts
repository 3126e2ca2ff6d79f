/**
 * Issue 2's merge criterion, end to end through the CLI: for each compose-go merge case,
 * `stackport config -f base.yaml -f override.yaml --format json` equals `stackport config -f expected.yaml --format json`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStackport } from '../helpers/run-cli.js';
import { HAVE_SHARED, sharedPath, warnIfNoShared } from '../helpers/shared.js';

warnIfNoShared('the CLI merge cases');

const root = sharedPath('compose-reference/fixtures/compose-go/override-merge-cases');
const cases = HAVE_SHARED
  ? readFileSync(path.join(root, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t')[1]!)
  : [];

describe.skipIf(!HAVE_SHARED)('stackport config on the compose-go merge cases', () => {
  it.each(cases)('%s', async (dir) => {
    const cwd = path.join(root, dir);
    const merged = await runStackport(['config', '-f', 'base.yaml', '-f', 'override.yaml', '--format', 'json', '-p', 'merge'], cwd);
    const expected = await runStackport(['config', '-f', 'expected.yaml', '--format', 'json', '-p', 'merge'], cwd);
    expect(merged.code).toBe(expected.code);
    expect(merged.stdout).toBe(expected.stdout);
    // Refusals must be the same findings; their positions differ because the files differ.
    const findings = (stderr: string) => stderr.split('\n').map((l) => l.replace(/^[^ ]*:\d+:\d+: /, '')).filter(Boolean).sort();
    if (expected.code !== 0) expect(findings(merged.stderr)).toEqual(findings(expected.stderr));
  });
});
