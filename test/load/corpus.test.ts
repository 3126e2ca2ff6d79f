/**
 * Every compose file of the public corpus either loads or is refused with located errors; none crashes.
 */
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/loader.js';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { corpusComposeFiles } from '../helpers/corpus.js';
import { HAVE_SHARED, warnIfNoShared } from '../helpers/shared.js';

warnIfNoShared('the corpus load test');

describe.skipIf(!HAVE_SHARED)('public corpus', () => {
  it('loads every file or refuses it with a located reason, and never crashes', () => {
    const files = corpusComposeFiles();
    const refused: string[] = [];
    const crashed: string[] = [];
    const unlocated: string[] = [];
    let loaded = 0;
    for (const f of files) {
      try {
        const result = load({ cwd: f.dir, files: [f.file], env: {} });
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        if (result.project) {
          loaded++;
          continue;
        }
        refused.push(`${f.id}: ${errors.map(formatDiagnostic).join(' | ')}`);
        for (const e of errors) if (!e.location) unlocated.push(`${f.id}: ${formatDiagnostic(e)}`);
      } catch (e) {
        crashed.push(`${f.id}: ${(e as Error).stack ?? String(e)}`);
      }
    }
    console.log(`corpus: ${files.length} files, ${loaded} loaded, ${refused.length} refused, ${crashed.length} crashed`);
    for (const line of refused) console.log(`  refused ${line}`);
    expect(crashed).toEqual([]);
    expect(unlocated).toEqual([]);
    expect(loaded + refused.length).toBe(files.length);
    expect(files.length).toBeGreaterThan(150);
  });
});
