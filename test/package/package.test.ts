/**
 * The built package as users get it: `bin/stackport.js` as a subprocess (the README's first command, help, errors
 * without stack traces), the package root imported from ES modules and required from CommonJS by a project that
 * depends on it, the published type declarations, and the pre-commit hook failing on drift in a real git
 * repository and passing after regeneration.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const REPO = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(REPO, 'bin', 'stackport.js');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'stackport-package-'));

beforeAll(() => {
  // `npm test` builds first; this keeps the file usable on its own.
  if (!existsSync(path.join(REPO, 'dist', 'index.js')) || !existsSync(path.join(REPO, 'dist', 'bundle', 'cli.cjs'))) {
    execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'ignore' });
  }
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function stackport(args: string[], cwd: string) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' } });
}

function node(file: string, cwd: string) {
  return spawnSync(process.execPath, [file], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH } });
}

describe('bin/stackport.js', () => {
  it("runs the README's first command and prints the example's expected manifests", () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const command = /node (bin\/stackport\.js [^\n]+)/.exec(readme)![1]!.split(' ');
    const run = spawnSync(process.execPath, command, { cwd: REPO, encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(readFileSync(path.join(REPO, 'fixtures/example/expected/kubernetes/manifests.yaml'), 'utf8'));
  });

  it('prints help listing its commands', () => {
    const run = stackport(['--help'], scratch);
    expect(run.status).toBe(0);
    for (const command of ['config', 'convert', 'validate']) expect(run.stdout).toContain(command);
  });

  it('reports bad input at its position with exit 2 and no stack trace', () => {
    const dir = path.join(scratch, 'bad');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    image: [nginx]\n');
    const run = stackport(['convert', '--to', 'kubernetes'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^compose\.yaml:3:\d+: error /m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(stackport(['convert', '--to', 'kubernetes', '--no-such-flag'], dir).status).toBe(2);
  });
});

describe('the package root', () => {
  const consumer = path.join(scratch, 'consumer');
  const compose = path.join(REPO, 'fixtures/example/compose.yaml');

  beforeAll(() => {
    mkdirSync(path.join(consumer, 'node_modules'), { recursive: true });
    symlinkSync(REPO, path.join(consumer, 'node_modules', 'stackport'), 'dir');
  });

  const script = (importLine: string) => `${importLine}
const { project } = load({ files: [${JSON.stringify(compose)}], env: {} });
const files = render(convert(project, { target: 'kubernetes' }), { layout: 'files' });
console.log(JSON.stringify({ files: [...files.keys()], upToDate: check(${JSON.stringify(consumer)}, files).upToDate }));
`;

  it('works from an ES module and from CommonJS require(), with the same results', () => {
    writeFileSync(path.join(consumer, 'use.mjs'), script("import { load, convert, render, check } from 'stackport';"));
    writeFileSync(path.join(consumer, 'use.cjs'), script("const { load, convert, render, check } = require('stackport');"));
    const esm = node('use.mjs', consumer);
    expect(esm.status, esm.stderr).toBe(0);
    const result = JSON.parse(esm.stdout) as { files: string[]; upToDate: boolean };
    expect(result.files).toContain('web-deployment.yaml');
    expect(result.upToDate).toBe(false);
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    if (major === 20 && minor < 19) {
      console.warn(`skipping require(): Node ${process.versions.node} cannot require() ES modules (needs 20.19)`);
      return;
    }
    const cjs = node('use.cjs', consumer);
    expect(cjs.status, cjs.stderr).toBe(0);
    expect(cjs.stdout).toBe(esm.stdout);
  });

  it('ships type declarations for what it exports', () => {
    const types = readFileSync(path.join(REPO, 'dist', 'index.d.ts'), 'utf8');
    for (const name of ['load', 'convert', 'render', 'check', 'writeOutputDirectory', 'convertOverlays']) expect(types).toContain(name);
  });
});

const HAVE_GIT = spawnSync('git', ['--version']).status === 0;
if (!HAVE_GIT) console.warn('skipping the pre-commit test: git is not installed');

describe.skipIf(!HAVE_GIT)('the pre-commit hook in a git repository', () => {
  it('fails on drift and passes after regeneration', () => {
    const repo = path.join(scratch, 'repo');
    cpSync(path.join(REPO, 'fixtures/example'), repo, { recursive: true, filter: (src) => !src.includes(`${path.sep}expected`) });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    // The shipped hook, run as pre-commit would run it: its entry plus the arguments a repository configures.
    const hook = (parse(readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; pass_filenames: boolean }[])
      .find((h) => h.id === 'stackport-check')!;
    expect(hook.pass_filenames).toBe(false);
    const [command, ...entryArgs] = hook.entry.split(' ');
    expect(command).toBe('stackport');
    const runHook = () => stackport([...entryArgs, '--to', 'kubernetes', '-o', 'k8s'], repo);
    if (spawnSync('pre-commit', ['--version']).status !== 0) console.warn('pre-commit is not installed: running the hook entry directly');

    expect(stackport(['convert', '--to', 'kubernetes', '-o', 'k8s'], repo).status).toBe(0);
    git('add', '-A');
    git('commit', '-qm', 'generated manifests');
    expect(runHook().status).toBe(0);

    const compose = path.join(repo, 'compose.yaml');
    writeFileSync(compose, readFileSync(compose, 'utf8').replace('image: postgres:16', 'image: postgres:17'));
    const drift = runHook();
    expect(drift.status).toBe(1);
    expect(drift.stdout).toContain('+++ b/db-deployment.yaml');
    expect(drift.stderr).toContain('regenerate it with: stackport convert --to kubernetes -o k8s');

    expect(stackport(['convert', '--to', 'kubernetes', '-o', 'k8s'], repo).status).toBe(0);
    expect(runHook().status).toBe(0);
    expect(git('status', '--porcelain').replace(/\n$/, '').split('\n').sort()).toEqual([' M compose.yaml', ' M k8s/db-deployment.yaml']);
  });
});
