/**
 * A short run must not load Node modules it does not need: process.stdout/stderr, tty and net pull in Node's
 * whole stream stack (some 13 million instructions, a few per cent of a pre-commit hook's run). The built CLI runs
 * on a 5-service project with diagnostics on stderr, written to a file, and a preloaded hook records which
 * built-in modules were loaded by the time it exits. Also checks src/cli/io.ts's terminal test on a file, a pipe
 * and /dev/null, where it must answer without loading tty. And the V8 tuning for large inputs
 * (src/cli/runtime-tuning.ts) happens only for a large compose file, since Node's v8 module costs a small run.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../../bench/generate.js';
import { isTerminal } from '../../src/cli/io.js';
import { REPO_ROOT } from '../helpers/shared.js';

const BIN = path.join(REPO_ROOT, 'bin', 'stackport.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stackport-startup-'));
  generateProject(dir, 5);
  writeFileSync(
    path.join(dir, 'hook.cjs'),
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.MODULES_OUT, process.moduleLoadList.join('\\n')));\n",
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function modulesOf(args: string[], stderrFile: string, cwd = dir): string[] {
  const out = path.join(dir, 'modules.txt');
  const err = openSync(stderrFile, 'w');
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, MODULES_OUT: out };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    const r = spawnSync(process.execPath, ['--require', path.join(dir, 'hook.cjs'), BIN, ...args], { cwd, stdio: ['ignore', 'ignore', err], env });
    expect(r.status).toBe(0);
  } finally {
    closeSync(err);
  }
  return readFileSync(out, 'utf8').split('\n');
}

describe('CLI start', () => {
  it('loads neither the stream stack nor tty and net for a conversion that reports warnings', () => {
    const stderrFile = path.join(dir, 'stderr.txt');
    const modules = modulesOf(['convert', '--to', 'kubernetes'], stderrFile);
    expect(readFileSync(stderrFile, 'utf8')).toMatch(/warning/);
    expect(modules).not.toContain('NativeModule net');
    expect(modules).not.toContain('NativeModule tty');
    expect(modules).not.toContain('NativeModule stream');
    expect(modules).not.toContain('NativeModule v8');
  });

  it('tunes V8 (through Node\'s v8 module) only once a large compose file is read', () => {
    const large = path.join(dir, 'large');
    generateProject(large, 100);
    const modules = modulesOf(['-q', 'convert', '--to', 'kubernetes'], path.join(dir, 'stderr-large.txt'), large);
    expect(modules).toContain('NativeModule v8');
  });

  it('tells a file, a pipe and /dev/null from a terminal', () => {
    const file = openSync(path.join(dir, 'plain.txt'), 'w');
    const devNull = openSync('/dev/null', 'w');
    try {
      expect(isTerminal(file)).toBe(false);
      expect(isTerminal(devNull)).toBe(false);
    } finally {
      closeSync(file);
      closeSync(devNull);
    }
    const piped = spawnSync(process.execPath, ['--input-type=module', '-e', `import { isTerminal } from ${JSON.stringify(path.join(REPO_ROOT, 'dist', 'cli', 'io.js'))}; process.exitCode = isTerminal(1) ? 3 : 0;`], { stdio: ['ignore', 'pipe', 'inherit'] });
    expect(piped.status).toBe(0);
    expect(isTerminal(9999)).toBe(false);
  });
});
