/**
 * The 66 merge cases extracted from compose-go's tests (`../shared/compose-reference/fixtures/compose-go/
 * override-merge-cases/`): base and override merged as two `-f` files must give the expected model.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeModels, stripMarkers } from '../../../src/load/merge/merge.js';
import { enforceUnicity } from '../../../src/load/merge/unicity.js';
import { parseComposeYaml } from '../../../src/parse/index.js';
import { HAVE_SHARED, sharedPath, warnIfNoShared } from '../../helpers/shared.js';

warnIfNoShared('the compose-go merge cases');

const root = sharedPath('compose-reference/fixtures/compose-go/override-merge-cases');
const cases = HAVE_SHARED
  ? readFileSync(path.join(root, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t')[1]!)
  : [];

function parse(file: string): unknown {
  const parsed = parseComposeYaml(readFileSync(file, 'utf8'), file);
  expect(parsed.diagnostics).toEqual([]);
  return parsed.documents[0]?.value ?? {};
}

describe.skipIf(!HAVE_SHARED)('compose-go override merge cases', () => {
  it('has all 66 cases', () => expect(cases).toHaveLength(66));
  it.each(cases)('%s', (dir) => {
    const base = enforceUnicity(stripMarkers(parse(path.join(root, dir, 'base.yaml'))));
    const merged = mergeModels(base, parse(path.join(root, dir, 'override.yaml')));
    expect(merged.diagnostics).toEqual([]);
    expect(JSON.parse(JSON.stringify(enforceUnicity(merged.value)))).toEqual(parse(path.join(root, dir, 'expected.yaml')));
  });
});
