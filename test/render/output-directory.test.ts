import { chmodSync, existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE, writeOutputDirectory, type WriteFileSystem } from '../../src/render/output-directory.js';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'stackport-out-'));
}

/** Every file under `dir` with its content, for before/after comparisons. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const first = new Map([
  ['a-deployment.yaml', 'a: 1\n'],
  ['b-service.yaml', 'b: 1\n'],
  ['c-configmap.yaml', 'c: 1\n'],
]);
const second = new Map([
  ['a-deployment.yaml', 'a: 2\n'],
  ['b-service.yaml', 'b: 2\n'],
  ['d-secret.yaml', 'd: 2\n'],
]);

/** The real filesystem, except that the `failAt`-th call of `which` throws `code`. */
function failing(which: 'writeFile' | 'rename', failAt: number, code: string): WriteFileSystem {
  let calls = 0;
  const fail = () => {
    if (++calls === failAt) throw Object.assign(new Error(`${code}: simulated failure`), { code });
  };
  return {
    writeFile(p, content) {
      if (which === 'writeFile') fail();
      writeFileSync(p, content, { flag: 'wx' });
    },
    rename(from, to) {
      if (which === 'rename') fail();
      renameSync(from, to);
    },
  };
}

describe('writeOutputDirectory', () => {
  it('writes every file and a manifest, then removes only the stale files it generated', () => {
    const dir = tempDir();
    expect(writeOutputDirectory(dir, first).failures).toEqual([]);
    writeFileSync(path.join(dir, 'mine.txt'), 'user file\n');
    const result = writeOutputDirectory(dir, second);
    expect(result.failures).toEqual([]);
    expect(result.removed).toEqual(['c-configmap.yaml']);
    expect(snapshot(dir)).toMatchObject({ 'a-deployment.yaml': 'a: 2\n', 'd-secret.yaml': 'd: 2\n', 'mine.txt': 'user file\n' });
    expect(existsSync(path.join(dir, 'c-configmap.yaml'))).toBe(false);
    expect(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')).toContain('d-secret.yaml\n');
  });

  it('leaves the directory exactly as it was when the disk fills up mid-run', () => {
    const dir = tempDir();
    writeOutputDirectory(dir, first);
    const before = snapshot(dir);
    const result = writeOutputDirectory(dir, second, failing('writeFile', 2, 'ENOSPC'));
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]!.message).toContain('ENOSPC');
    expect(snapshot(dir)).toEqual(before);
  });

  it('keeps every file whole and the previous manifest when a run is interrupted between renames', () => {
    const dir = tempDir();
    writeOutputDirectory(dir, first);
    const result = writeOutputDirectory(dir, second, failing('rename', 2, 'EINTR'));
    expect(result.failures).toHaveLength(1);
    const after = snapshot(dir);
    for (const [name, content] of Object.entries(after)) {
      if (name === MANIFEST_FILE) continue;
      expect([first.get(name), second.get(name)]).toContain(content);
    }
    // The old manifest still lists c-configmap.yaml, so the next run can clean it up.
    expect(after[MANIFEST_FILE]).toContain('c-configmap.yaml');
    expect(Object.keys(after).some((n) => n.endsWith('.tmp'))).toBe(false);
    expect(writeOutputDirectory(dir, second).removed).toEqual(['c-configmap.yaml']);
  });

  it.skipIf(process.getuid?.() === 0)('reports a read-only directory and changes nothing', () => {
    const dir = tempDir();
    writeOutputDirectory(dir, first);
    const before = snapshot(dir);
    chmodSync(dir, 0o555);
    try {
      const result = writeOutputDirectory(dir, second);
      expect(result.failures.length).toBeGreaterThan(0);
      expect(result.failures[0]!.message).toMatch(/EACCES|EPERM/);
    } finally {
      chmodSync(dir, 0o755);
    }
    expect(snapshot(dir)).toEqual(before);
  });
  if (process.getuid?.() === 0) console.warn('skipping the chmod read-only test: root ignores directory permissions (the injected-failure tests cover the same path)');

  it('refuses to write through a symbolic link or outside the directory', () => {
    const dir = tempDir();
    const outside = tempDir();
    symlinkSync(outside, path.join(dir, 'link'));
    const result = writeOutputDirectory(dir, new Map([['link/x.yaml', 'x\n'], ['ok.yaml', 'ok\n']]));
    expect(result.failures.map((f) => f.path)).toEqual(['link/x.yaml']);
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(path.join(dir, 'ok.yaml'))).toBe(false);
    const escape = writeOutputDirectory(dir, new Map([['../escape.yaml', 'x\n']]));
    expect(escape.failures[0]!.message).toContain('leave the output directory');
    expect(existsSync(path.join(path.dirname(dir), 'escape.yaml'))).toBe(false);
  });

  it('refuses an output directory that is a symbolic link', () => {
    const real = tempDir();
    const parent = tempDir();
    mkdirSync(path.join(parent, 'sub'));
    symlinkSync(real, path.join(parent, 'out'));
    const result = writeOutputDirectory(path.join(parent, 'out'), first);
    expect(result.failures[0]!.message).toContain('symbolic link');
    expect(readdirSync(real)).toEqual([]);
  });
});
