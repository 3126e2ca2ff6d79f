/**
 * `stackport convert` and `validate` as a repository uses them: writing a directory in every layout, regenerating
 * it byte for byte, `--check` and `--diff` on drift (changed, missing and stale files) without writing, a user's
 * own files left alone, usage and input errors, `--strict`, `-q` and `--report json`. Each test works on a copy of
 * a fixture in a temporary directory.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runStackport } from '../helpers/run-cli.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const made: string[] = [];

/** A copy of `fixtures/<name>` without its expected output. */
function project(name = 'example'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stackport-workflow-'));
  made.push(dir);
  cpSync(path.join(REPO, 'fixtures', name), dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}expected`) });
  return dir;
}

/** Every file under `dir` with its content, for byte-for-byte comparisons. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const full = path.join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const LAYOUTS: [string, string[]][] = [
  ['kubernetes stream', ['--to', 'kubernetes', '--layout', 'stream']],
  ['kubernetes files', ['--to', 'kubernetes']],
  ['kubernetes kustomize', ['--to', 'kubernetes', '--layout', 'kustomize', '--overlay', 'prod=compose.prod.yaml', '--overlay', 'staging=compose.staging.yaml']],
  ['kubernetes helm', ['--to', 'kubernetes', '--layout', 'helm']],
  ['swarm', ['--to', 'swarm']],
];

describe('stackport convert -o DIR', () => {
  it.each(LAYOUTS)('%s: regenerates byte for byte, then --check passes and writes nothing', async (_name, flags) => {
    const dir = project();
    const first = await runStackport(['convert', ...flags, '-o', 'out'], dir);
    expect(first.code, first.stderr).toBe(0);
    const written = snapshot(path.join(dir, 'out'));
    expect(Object.keys(written)).toContain('.stackport-manifest');
    expect(Object.keys(written).length).toBeGreaterThan(1);
    expect((await runStackport(['convert', ...flags, '-o', 'out'], dir)).code).toBe(0);
    expect(snapshot(path.join(dir, 'out'))).toEqual(written);
    const check = await runStackport(['convert', ...flags, '-o', 'out', '--check'], dir);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toBe('');
  });

  it.each(LAYOUTS)('%s: --check reports an edit as a diff with the fixing command, exits 1, and writes nothing', async (_name, flags) => {
    const dir = project();
    await runStackport(['convert', ...flags, '-o', 'out'], dir);
    edit(path.join(dir, 'compose.yaml'), 'image: redis:7-alpine', 'image: redis:7.4-alpine');
    const before = snapshot(path.join(dir, 'out'));
    const check = await runStackport(['convert', ...flags, '-o', 'out', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^--- a\/out\/.+\n\+\+\+ b\/out\/.+/m);
    expect(check.stdout).toMatch(/^-.*7-alpine$/m);
    expect(check.stdout).toMatch(/^\+.*7\.4-alpine$/m);
    expect(check.stderr).toContain(`regenerate it with: stackport convert ${flags.join(' ')} -o out`);
    expect(snapshot(path.join(dir, 'out'))).toEqual(before);
    const diff = await runStackport(['convert', ...flags, '-o', 'out', '--diff'], dir);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toBe(check.stdout);
    expect(snapshot(path.join(dir, 'out'))).toEqual(before);
  });

  it('reports missing and stale files, and regenerating removes only the stale generated ones', async () => {
    const dir = project();
    await runStackport(['convert', '--to', 'kubernetes', '-o', 'out'], dir);
    writeFileSync(path.join(dir, 'out', 'README.md'), 'my notes\n');
    rmSync(path.join(dir, 'out', 'web-deployment.yaml'));
    let check = await runStackport(['convert', '--to', 'kubernetes', '-o', 'out', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`missing: ${path.join('out', 'web-deployment.yaml')}`);

    await runStackport(['convert', '--to', 'kubernetes', '-o', 'out'], dir);
    const compose = path.join(dir, 'compose.yaml');
    const withoutCache = readFileSync(compose, 'utf8').replace(/  cache:\n(?: {4}.*\n)+\n/, '\n');
    expect(withoutCache).not.toMatch(/^  cache:/m);
    writeFileSync(compose, withoutCache);
    check = await runStackport(['convert', '--to', 'kubernetes', '-o', 'out', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`stale: ${path.join('out', 'cache-deployment.yaml')}`);

    expect((await runStackport(['convert', '--to', 'kubernetes', '-o', 'out'], dir)).code).toBe(0);
    const after = snapshot(path.join(dir, 'out'));
    expect(after).not.toHaveProperty('cache-deployment.yaml');
    expect(after['README.md']).toBe('my notes\n');
    expect((await runStackport(['convert', '--to', 'kubernetes', '-o', 'out', '--check'], dir)).code).toBe(0);
  });

  it('prints to stdout without -o and writes nothing', async () => {
    const dir = project();
    const before = snapshot(dir);
    const run = await runStackport(['convert', '--to', 'kubernetes'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('kind: Deployment');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('stackport convert: errors and reporting', () => {
  it('refuses usage errors with exit 2', async () => {
    const dir = project();
    for (const args of [
      ['convert', '--to', 'kubernetes', '--check'],
      ['convert', '--to', 'swarm', '--layout', 'kustomize', '-o', 'out'],
      ['convert', '--to', 'kubernetes', '--layout', 'helm'],
      ['convert', '--to', 'kubernetes', '--layout', 'kustomize', '-o', 'out', '--overlay', 'Prod=compose.prod.yaml'],
      ['convert', '--to', 'openshift'],
    ]) {
      const run = await runStackport(args, dir);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('exits 2 on invalid input with a located message, writing nothing', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx\n    ports: [80, "x:y"]\n');
    const run = await runStackport(['convert', '--to', 'kubernetes', '-o', 'out'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/compose\.yaml:4:\d+: error \w+/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('validate converts in memory and writes nothing', async () => {
    const dir = project();
    const before = snapshot(dir);
    expect((await runStackport(['validate', '--to', 'kubernetes'], dir)).code).toBe(0);
    expect((await runStackport(['validate', '--to', 'swarm'], dir)).code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web: {}\n');
    expect((await runStackport(['validate', '--to', 'kubernetes'], dir)).code).toBe(2);
  });

  it('--strict turns warnings into exit 1; -q hides them; --report json prints them as data', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx\n    volumes: ["./data:/data"]\n');
    const plain = await runStackport(['convert', '--to', 'kubernetes'], dir);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain('warning K8S_BIND_MOUNT');
    expect((await runStackport(['convert', '--to', 'kubernetes', '--strict'], dir)).code).toBe(1);
    const quiet = await runStackport(['-q', 'convert', '--to', 'kubernetes'], dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toContain('K8S_BIND_MOUNT');
    const json = await runStackport(['--report', 'json', 'convert', '--to', 'kubernetes'], dir);
    const report = JSON.parse(json.stderr) as unknown;
    expect(JSON.stringify(report)).toContain('K8S_BIND_MOUNT');
  });

  it('validate --to swarm accepts what convert -o accepts: configs written beside the stack (helper finding)', async () => {
    const dir = project('swarm-features');
    const env = { API_TOKEN: 'token-value', FEATURE_FLAGS: 'beta=on' };
    expect((await runStackport(['convert', '--to', 'swarm', '-o', 'out'], dir, env)).code).toBe(0);
    const run = await runStackport(['validate', '--to', 'swarm'], dir, env);
    expect(run.code, run.stderr).toBe(0);
  });

  it('--report json keeps stderr one JSON document, with stackport\'s own messages inside it (helper finding)', async () => {
    const dir = project('swarm-features');
    const env = { API_TOKEN: 'token-value', FEATURE_FLAGS: 'beta=on' };
    const swarm = await runStackport(['--report', 'json', 'convert', '--to', 'swarm', '-o', 'out'], dir, env);
    const report = JSON.parse(swarm.stderr) as { messages?: string[] };
    expect(report.messages?.some((m) => m.startsWith('run: stackport secret api_token | docker secret create swarmfeat_api_token_'))).toBe(true);
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx\n    volumes: ["./data:/data"]\n');
    const strict = await runStackport(['--report', 'json', 'convert', '--to', 'kubernetes', '--strict'], dir);
    expect(strict.code).toBe(1);
    expect((JSON.parse(strict.stderr) as { messages: string[] }).messages).toEqual(['warnings found and --strict is set']);
  });
});

