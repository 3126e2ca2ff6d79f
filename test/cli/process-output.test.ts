/**
 * The built CLI writes its output straight to file descriptors 1 and 2 (src/cli/io.ts). These tests run the bin
 * in a child process on output far larger than a pipe holds (2.3 MB of manifests for 500 services) and check that
 * nothing is lost or reordered:
 * - to a pipe Node reads as it goes;
 * - to a non-blocking pipe nobody reads for a while, so writes fail with EAGAIN and the rest goes through Node's
 *   stream (a FIFO opened non-blocking, read only after a pause);
 * - to a reader that goes away after the first line (`| head -1`): no stack trace, exit code 0.
 * Needs `mkfifo` for the second case; skips it with a printed reason where it is missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../../bench/generate.js';
import { REPO_ROOT } from '../helpers/shared.js';

const BIN = path.join(REPO_ROOT, 'bin', 'stackport.js');
const ARGS = [BIN, '-q', 'convert', '--to', 'kubernetes'];
let dir: string;
let expected: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stackport-output-'));
  generateProject(dir, 500);
  // The reference: the same conversion captured by spawnSync, which reads the pipe as the child writes.
  const r = spawnSync(process.execPath, ARGS, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(r.status).toBe(0);
  expected = r.stdout;
  expect(expected.length).toBeGreaterThan(1_000_000);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI output to file descriptors', () => {
  it('arrives whole through a pipe read as it is written', async () => {
    const child = spawn(process.execPath, ARGS, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
  });

  const hasMkfifo = spawnSync('sh', ['-c', 'command -v mkfifo'], { encoding: 'utf8' }).status === 0;
  if (!hasMkfifo) console.log('skipping the non-blocking pipe case: no mkfifo on PATH');
  it.skipIf(!hasMkfifo)('arrives whole through a full non-blocking pipe (EAGAIN hands the rest to the stream)', async () => {
    const fifo = path.join(dir, 'out.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    const child = spawn(process.execPath, ARGS, { cwd: dir, stdio: ['ignore', writer, 'pipe'] });
    closeSync(writer);
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => void (stderr += c.toString()));
    let exited = false;
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => ((exited = true), resolve(code))));
    // Let the pipe fill (it holds 64 KiB) so the child's writes find it full.
    await new Promise((r) => setTimeout(r, 500));
    const chunks: Buffer[] = [];
    const buffer = Buffer.alloc(1 << 16);
    for (;;) {
      let n = 0;
      try {
        n = readSync(reader, buffer, 0, buffer.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        if (exited) break;
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      if (n === 0) break;
      chunks.push(Buffer.from(buffer.subarray(0, n)));
    }
    closeSync(reader);
    expect(await closed).toBe(0);
    expect(stderr).toBe('');
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
  });

  it('stops quietly when the reader goes away', async () => {
    const child = spawn(process.execPath, ARGS, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => void (stderr += c.toString()));
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (c: Buffer) => resolve(c.toString())));
    // Like `| head -1`: take the first chunk, then close the pipe while the child is still writing.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(expected.startsWith(first)).toBe(true);
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});
