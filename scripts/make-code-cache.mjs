/**
 * Writes dist/bundle/cli.cache: the V8 code cache of the CLI bundle after it has converted the example project
 * both ways, written a directory and checked it, so the functions a typical run calls (loader, validator,
 * emitters, YAML printer, directory writer, drift check) are in it. `node scripts/make-code-cache.mjs [DIR]` works
 * on the bundle in DIR (default dist/bundle).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const { loadCliBundle } = createRequire(import.meta.url)('../bin/load-bundle.js');

const root = fileURLToPath(new URL('..', import.meta.url));
const bundleDir = process.argv[2] ? path.resolve(process.argv[2]) : `${root}dist/bundle`;
const { script, exports } = loadCliBundle(bundleDir);
const io = { stdout() {}, stderr() {}, stderrIsTty: false, env: {}, cwd: `${root}fixtures/example` };
const out = mkdtempSync(path.join(os.tmpdir(), 'stackport-cache-'));
const runs = [
  ['config'],
  ['convert', '--to', 'kubernetes'],
  ['convert', '--to', 'swarm'],
  ['validate', '--to', 'kubernetes'],
  ['convert', '--to', 'kubernetes', '-o', out],
  ['convert', '--to', 'kubernetes', '-o', out, '--check'],
];
try {
  for (const args of runs) {
    const code = await exports.runCli(args, io);
    if (code !== 0) throw new Error(`warm-up run "${args.join(' ')}" exited ${code}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
writeFileSync(path.join(bundleDir, 'cli.cache'), script.createCachedData());
