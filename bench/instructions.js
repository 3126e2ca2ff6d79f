/**
 * `node bench/instructions.js`: instructions executed by cold CLI runs, counted by valgrind's callgrind, for
 * comparing two versions of stackport on a shared machine where wall times move by ±10% or more.
 *
 * Node runs with --predictable (V8 on one thread, no randomness), which makes the count repeat to within 0.01% but
 * also puts the optimising compiler's work on the main thread, so compare counts with counts, never with the wall
 * times of `npm run bench`. Measures `node -e 0`, `config` and `convert` to both targets on the 5-service project,
 * and `convert` to both targets on the 500-service one. Run `npm run build` first; needs valgrind on PATH.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProject } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '..', 'bin', 'stackport.js');

if (spawnSync('sh', ['-c', 'command -v valgrind']).status !== 0) {
  console.log('bench/instructions.js: no valgrind on PATH (apt-get install valgrind); nothing measured');
  process.exit(0);
}

/** Instructions (millions) of `node --predictable ARGS` in `cwd`, output discarded. */
function count(args, cwd) {
  const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--predictable', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const collected = /Collected : (\d+)/.exec(r.stderr);
  if (!collected) throw new Error(`callgrind gave no count for ${args.join(' ')}: ${r.stderr.slice(-500)}`);
  return Number(collected[1]) / 1e6;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'stackport-instructions-'));
try {
  const small = path.join(work, 'p5');
  const large = path.join(work, 'p500');
  generateProject(small, 5);
  generateProject(large, 500);
  const rows = [
    ['node -e 0', ['-e', '0'], small],
    ['5 services: stackport config', [bin, 'config'], small],
    ['5 services: stackport convert --to kubernetes', [bin, 'convert', '--to', 'kubernetes'], small],
    ['5 services: stackport convert --to swarm', [bin, 'convert', '--to', 'swarm'], small],
    ['500 services: stackport -q convert --to kubernetes', [bin, '-q', 'convert', '--to', 'kubernetes'], large],
    ['500 services: stackport -q convert --to swarm', [bin, '-q', 'convert', '--to', 'swarm'], large],
  ];
  console.log('| run | million instructions |\n|---|---:|');
  for (const [name, args, cwd] of rows) console.log(`| ${name} | ${count(args, cwd).toFixed(1)} |`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
