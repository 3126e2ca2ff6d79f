/**
 * `stackport convert` and `stackport validate`, run in-process as a user runs them in a project directory.
 *
 * Covers:
 * - printing to stdout (Kubernetes and Swarm streams) without writing anything;
 * - `-o DIR` in every layout (stream, files, kustomize; Swarm with and without config files): the exact set of
 *   files written and listed in `.stackport-manifest`, regeneration byte for byte, `--check` and `--diff` passing
 *   silently right after;
 * - drift: an edited Compose file, a changed environment variable and a hand-edited generated file give a unified
 *   diff naming only the affected file, exit 1 with the fixing command under `--check`, exit 0 under `--diff`, and
 *   neither writes; regenerating then passes `--check`;
 * - missing and stale files, a never-generated directory, a user's own files left alone (and never drift);
 * - Kustomize overlays from a Compose override file: base and overlay kustomizations, patches, drift in either;
 * - usage and input errors (exit 2, located `compose.yaml:LINE:COL` messages, nothing written);
 * - `validate`;
 * - `--strict`, `-q` and `--report json`.
 *
 * Every test that writes works on a copy of a fixture (without its `expected/` folder) in a fresh temporary
 * directory, removed afterwards, so the repository is never modified.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { runStackport, type CliRun } from '../helpers/run-cli.js';
import { REPO_ROOT } from '../helpers/shared.js';

type Env = Record<string, string>;

/** The environment fixtures/swarm-features needs (its options.json): a secret and a config come from variables. */
const SWARM_FEATURES_ENV: Env = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'fixtures/swarm-features/options.json'), 'utf8')) as { env: Env }
).env;

const MANIFEST = '.stackport-manifest';

/** The objects the example project becomes, one file each in the `files` layout. */
const EXAMPLE_OBJECT_FILES = [
  'api-deployment.yaml',
  'api-service.yaml',
  'cache-deployment.yaml',
  'cache-service.yaml',
  'db-data-persistentvolumeclaim.yaml',
  'db-deployment.yaml',
  'db-service.yaml',
  'network-back-networkpolicy.yaml',
  'network-front-networkpolicy.yaml',
  'nginx-conf-configmap.yaml',
  'web-deployment.yaml',
  'web-published-networkpolicy.yaml',
  'web-published-service.yaml',
  'web-service.yaml',
];

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stackport-convert-'));
  made.push(dir);
  return dir;
}

/** A copy of `fixtures/<name>` in a fresh temporary directory, without the fixture's `expected/` folder. */
function fixtureProject(name: string): string {
  const source = path.join(REPO_ROOT, 'fixtures', name);
  const dir = tempDir();
  cpSync(source, dir, {
    recursive: true,
    filter: (src) => {
      const relative = path.relative(source, src);
      return relative !== 'expected' && !relative.startsWith(`expected${path.sep}`);
    },
  });
  expect(existsSync(path.join(dir, 'compose.yaml'))).toBe(true);
  expect(existsSync(path.join(dir, 'expected'))).toBe(false);
  return dir;
}

/** A temporary project made of the given files. */
function inlineProject(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

/**
 * Every file under `dir` (relative, `/`-separated) with its bytes as a latin1 string: one character per byte, so
 * equal snapshots mean byte-identical files. Empty when `dir` does not exist.
 */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const full = path.join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full).split(path.sep).join('/')] = readFileSync(full).toString('latin1');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** The file names listed in a `.stackport-manifest`. */
function manifestEntries(dir: string): string[] {
  return readFileSync(path.join(dir, MANIFEST), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * The files a unified diff on stdout names, from its `+++ b/<path>` headers. Headers name each file under the
 * output directory as the user gave it (`b/out/api-deployment.yaml`); this returns the path relative to that
 * directory and fails when a header lacks the `out/` prefix.
 */
function diffedFiles(stdout: string): string[] {
  return [...stdout.matchAll(/^\+\+\+ b\/(.+?)(?:\t.*)?$/gm)].map((m) => {
    expect(m[1]).toMatch(/^out\//);
    return m[1]!.slice('out/'.length);
  });
}

/** Replaces `from` (which must be there) with `to` in `file`. */
function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(from);
  writeFileSync(file, text.replace(from, to));
}

/** The lines of `out` starting with `prefix`. */
function linesStarting(out: string, prefix: string): string[] {
  return out.split('\n').filter((line) => line.startsWith(prefix));
}

/** Runs `stackport convert <flags> -o out [extra]` in `dir`. */
function convertTo(dir: string, flags: string[], extra: string[] = [], env: Env = {}): Promise<CliRun> {
  return runStackport(['convert', ...flags, '-o', 'out', ...extra], dir, env);
}

/** Adds an environment variable to the example's api service. */
function addApiVariable(dir: string): void {
  const redis = '      REDIS_URL: redis://cache:6379\n';
  edit(path.join(dir, 'compose.yaml'), redis, `${redis}      NEW_FLAG: "on"\n`);
}

/** Removes the example's cache service (its block and the blank line after it). */
function removeCacheService(dir: string): void {
  edit(path.join(dir, 'compose.yaml'), /  cache:\n(?: {4}.*\n)+\n/, '');
  expect(readFileSync(path.join(dir, 'compose.yaml'), 'utf8')).not.toMatch(/^ {2}cache:/m);
}

const BIND_MOUNT_COMPOSE = 'services:\n  web:\n    image: nginx\n    volumes: ["./data:/data"]\n';

// ---------------------------------------------------------------------------------------------------------------
// stdout
// ---------------------------------------------------------------------------------------------------------------

describe('stackport convert to stdout', () => {
  it('--to kubernetes prints a YAML stream of every object and writes nothing', async () => {
    const dir = fixtureProject('example');
    const before = snapshot(dir);
    const run = await runStackport(['convert', '--to', 'kubernetes'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^# Generated by stackport\./);
    expect(run.stdout).toMatch(/^kind: Deployment$/m);
    const docs = parseAllDocuments(run.stdout).map((d) => d.toJS() as { kind: string; metadata: { name: string } });
    expect(docs.filter((d) => d.kind === 'Deployment').map((d) => d.metadata.name).sort()).toEqual(['api', 'cache', 'db', 'web']);
    expect(docs).toHaveLength(EXAMPLE_OBJECT_FILES.length);
    expect(snapshot(dir)).toEqual(before);
  });

  it('--to swarm prints one stack file with every service and writes nothing', async () => {
    const dir = fixtureProject('example');
    const before = snapshot(dir);
    const run = await runStackport(['convert', '--to', 'swarm'], dir);
    expect(run.code, run.stderr).toBe(0);
    const stack = parse(run.stdout) as { services: Record<string, { image: string }> };
    expect(Object.keys(stack.services).sort()).toEqual(['api', 'cache', 'db', 'web']);
    expect(stack.services.cache!.image).toBe('redis:7-alpine');
    expect(snapshot(dir)).toEqual(before);
  });

  it('prints the same bytes on every run', async () => {
    const dir = fixtureProject('example');
    const a = await runStackport(['convert', '--to', 'kubernetes'], dir);
    const b = await runStackport(['convert', '--to', 'kubernetes'], dir);
    expect(a.stdout.length).toBeGreaterThan(0);
    expect(b.stdout).toBe(a.stdout);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// -o DIR in every layout
// ---------------------------------------------------------------------------------------------------------------

interface LayoutCase {
  name: string;
  fixture: string;
  env: Env;
  flags: string[];
  /** Exactly the generated files (besides the manifest). */
  files: string[];
  /** An edit of compose.yaml that changes exactly one generated file. */
  drift: { apply: (dir: string) => void; changed: string; added: RegExp };
}

const API_VARIABLE = { apply: addApiVariable, added: /^\+.*NEW_FLAG/m };

const LAYOUTS: LayoutCase[] = [
  {
    name: 'kubernetes --layout stream',
    fixture: 'example',
    env: {},
    flags: ['--to', 'kubernetes', '--layout', 'stream'],
    files: ['manifests.yaml'],
    drift: { ...API_VARIABLE, changed: 'manifests.yaml' },
  },
  {
    name: 'kubernetes --layout files',
    fixture: 'example',
    env: {},
    flags: ['--to', 'kubernetes', '--layout', 'files'],
    files: EXAMPLE_OBJECT_FILES,
    drift: { ...API_VARIABLE, changed: 'api-deployment.yaml' },
  },
  {
    name: 'kubernetes --layout kustomize',
    fixture: 'example',
    env: {},
    flags: ['--to', 'kubernetes', '--layout', 'kustomize'],
    files: ['base/kustomization.yaml', ...EXAMPLE_OBJECT_FILES.map((f) => `base/${f}`)],
    drift: { ...API_VARIABLE, changed: 'base/api-deployment.yaml' },
  },
  {
    name: 'swarm --layout stream',
    fixture: 'example',
    env: {},
    flags: ['--to', 'swarm', '--layout', 'stream'],
    files: ['stack.yaml'],
    drift: { ...API_VARIABLE, changed: 'stack.yaml' },
  },
  {
    name: 'swarm with config files (swarm-features)',
    fixture: 'swarm-features',
    env: SWARM_FEATURES_ENV,
    flags: ['--to', 'swarm'],
    files: ['configs/app_config', 'configs/feature_flags', 'stack.yaml'],
    drift: {
      apply: (dir) => edit(path.join(dir, 'compose.yaml'), '      MODE: production\n', '      MODE: staging\n'),
      changed: 'stack.yaml',
      added: /^\+\s+MODE: staging$/m,
    },
  },
];

describe('stackport convert -o DIR', () => {
  it.each(LAYOUTS)('$name: writes exactly its files and a manifest listing them, nothing on stdout', async (layout) => {
    const { fixture, env, flags, files } = layout;
    const dir = fixtureProject(fixture);
    const run = await convertTo(dir, flags, [], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const out = path.join(dir, 'out');
    expect(Object.keys(snapshot(out)).sort()).toEqual([...files, MANIFEST].sort());
    expect(manifestEntries(out)).toEqual([...files].sort());
    for (const file of files.filter((f) => f.endsWith('.yaml'))) {
      expect(readFileSync(path.join(out, file), 'utf8'), file).toMatch(/^# Generated by stackport\./);
    }
  });

  it.each(LAYOUTS)('$name: regenerating is byte for byte, then --check and --diff pass silently and write nothing', async (layout) => {
    const { fixture, env, flags } = layout;
    const dir = fixtureProject(fixture);
    expect((await convertTo(dir, flags, [], env)).code).toBe(0);
    const first = snapshot(path.join(dir, 'out'));
    expect(Object.keys(first)).toContain(MANIFEST);

    const again = await convertTo(dir, flags, [], env);
    expect(again.code, again.stderr).toBe(0);
    expect(snapshot(path.join(dir, 'out'))).toEqual(first);

    const check = await convertTo(dir, flags, ['--check'], env);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toBe('');
    expect(check.stderr).not.toContain('out of date');

    const diff = await convertTo(dir, flags, ['--diff'], env);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toBe('');
    expect(snapshot(path.join(dir, 'out'))).toEqual(first);
  });

  it.each(LAYOUTS)('$name: an edit is drift: --check diffs only the changed file, exits 1; --diff exits 0; neither writes', async (layout) => {
    const { fixture, env, flags, drift } = layout;
    const dir = fixtureProject(fixture);
    const out = path.join(dir, 'out');
    expect((await convertTo(dir, flags, [], env)).code).toBe(0);
    drift.apply(dir);
    const before = snapshot(out);

    const check = await convertTo(dir, flags, ['--check'], env);
    expect(check.code, check.stderr).toBe(1);
    expect(diffedFiles(check.stdout)).toEqual([drift.changed]);
    expect(check.stdout).toMatch(/^--- a\/.+\n\+\+\+ b\/.+\n@@ -\d+,\d+ \+\d+,\d+ @@$/m);
    expect(check.stdout).toMatch(drift.added);
    expect(check.stdout).not.toMatch(/^(missing|stale): /m);
    expect(check.stderr).toContain(`stackport: out is out of date; regenerate it with: stackport convert ${flags.join(' ')} -o out\n`);
    expect(snapshot(out)).toEqual(before);

    const diff = await convertTo(dir, flags, ['--diff'], env);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toBe(check.stdout);
    expect(snapshot(out)).toEqual(before);

    expect((await convertTo(dir, flags, [], env)).code).toBe(0);
    const after = snapshot(out);
    expect(after[drift.changed]).not.toBe(before[drift.changed]);
    expect(Object.keys(after).filter((f) => after[f] !== before[f])).toEqual([drift.changed]);
    expect((await convertTo(dir, flags, ['--check'], env)).code).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Drift in detail
// ---------------------------------------------------------------------------------------------------------------

describe('stackport convert --check: drift in detail', () => {
  const FLAGS = ['--to', 'kubernetes'];

  it('a changed image tag shows the old and the new line in the one file that holds it', async () => {
    const dir = fixtureProject('example');
    await convertTo(dir, FLAGS);
    edit(path.join(dir, 'compose.yaml'), 'image: redis:7-alpine', 'image: redis:7.4-alpine');
    const check = await convertTo(dir, FLAGS, ['--check']);
    expect(check.code).toBe(1);
    expect(diffedFiles(check.stdout)).toEqual(['cache-deployment.yaml']);
    expect(check.stdout).toMatch(/^--- a\/out\/cache-deployment\.yaml\n\+\+\+ b\/out\/cache-deployment\.yaml\n/m);
    const removed = linesStarting(check.stdout, '-').filter((l) => !l.startsWith('---'));
    const added = linesStarting(check.stdout, '+').filter((l) => !l.startsWith('+++'));
    expect(removed).toEqual([expect.stringMatching(/^-\s+image: redis:7-alpine$/)]);
    expect(added).toEqual([expect.stringMatching(/^\+\s+image: redis:7\.4-alpine$/)]);
    expect(check.stderr).toContain('regenerate it with: stackport convert --to kubernetes -o out');
  });

  it('a changed environment variable is drift in the file generated from it (swarm config)', async () => {
    const dir = fixtureProject('swarm-features');
    const flags = ['--to', 'swarm'];
    await convertTo(dir, flags, [], SWARM_FEATURES_ENV);
    const env = { ...SWARM_FEATURES_ENV, FEATURE_FLAGS: 'beta=off' };
    const check = await convertTo(dir, flags, ['--check'], env);
    expect(check.code).toBe(1);
    // The config's file, and its content-derived name in the stack file (so a redeploy creates the new config).
    expect(diffedFiles(check.stdout)).toEqual(['configs/feature_flags', 'stack.yaml']);
    expect(check.stdout).toMatch(/^-\s+name: swarmfeat_feature_flags_[0-9a-f]{10}$/m);
    expect(check.stdout).toMatch(/^-beta=on$/m);
    expect(check.stdout).toMatch(/^\+beta=off$/m);
    expect(readFileSync(path.join(dir, 'out/configs/feature_flags'), 'utf8')).toBe('beta=on');
  });

  it('a hand edit of a generated file is drift, and regenerating restores the original bytes', async () => {
    const dir = fixtureProject('example');
    const out = path.join(dir, 'out');
    await convertTo(dir, FLAGS);
    const original = snapshot(out);
    edit(path.join(out, 'api-deployment.yaml'), '  replicas: 2\n', '  replicas: 9\n');
    const check = await convertTo(dir, FLAGS, ['--check']);
    expect(check.code).toBe(1);
    expect(diffedFiles(check.stdout)).toEqual(['api-deployment.yaml']);
    expect(check.stdout).toMatch(/^-\s+replicas: 9$/m);
    expect(check.stdout).toMatch(/^\+\s+replicas: 2$/m);
    expect((await convertTo(dir, FLAGS)).code).toBe(0);
    expect(snapshot(out)).toEqual(original);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Missing, stale and user files
// ---------------------------------------------------------------------------------------------------------------

describe('stackport convert -o DIR: missing, stale and user files', () => {
  const FLAGS = ['--to', 'kubernetes'];

  it('a deleted generated file is reported missing (exit 1), not recreated by --check, and restored by regenerating', async () => {
    const dir = fixtureProject('example');
    const out = path.join(dir, 'out');
    await convertTo(dir, FLAGS);
    const original = snapshot(out);
    rmSync(path.join(out, 'web-deployment.yaml'));

    const check = await convertTo(dir, FLAGS, ['--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe(`missing: ${path.join('out', 'web-deployment.yaml')}\n`);
    expect(check.stderr).toContain('regenerate it with: stackport convert --to kubernetes -o out');
    const diff = await convertTo(dir, FLAGS, ['--diff']);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toBe(check.stdout);
    expect(existsSync(path.join(out, 'web-deployment.yaml'))).toBe(false);

    expect((await convertTo(dir, FLAGS)).code).toBe(0);
    expect(snapshot(out)).toEqual(original);
  });

  it('--check on a directory never generated reports every file missing and creates nothing', async () => {
    const dir = fixtureProject('example');
    const check = await convertTo(dir, FLAGS, ['--check']);
    expect(check.code).toBe(1);
    const expected = EXAMPLE_OBJECT_FILES.map((f) => `missing: ${path.join('out', f)}`);
    expect(linesStarting(check.stdout, 'missing: ').sort()).toEqual(expected.sort());
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a removed service leaves stale files: reported by --check, removed by regenerating, user files kept', async () => {
    const dir = fixtureProject('example');
    const out = path.join(dir, 'out');
    await convertTo(dir, FLAGS);
    writeFileSync(path.join(out, 'README.md'), 'my notes\n');
    writeFileSync(path.join(out, 'extra-configmap.yaml'), 'kind: ConfigMap\n');

    removeCacheService(dir);
    const before = snapshot(out);
    const check = await convertTo(dir, FLAGS, ['--check']);
    expect(check.code).toBe(1);
    expect(linesStarting(check.stdout, 'stale: ')).toEqual([
      `stale: ${path.join('out', 'cache-deployment.yaml')}`,
      `stale: ${path.join('out', 'cache-service.yaml')}`,
    ]);
    expect(check.stdout).not.toMatch(/README|extra-configmap/);
    expect(snapshot(out)).toEqual(before);

    expect((await convertTo(dir, FLAGS)).code).toBe(0);
    const after = snapshot(out);
    expect(after).not.toHaveProperty(['cache-deployment.yaml']);
    expect(after).not.toHaveProperty(['cache-service.yaml']);
    expect(after['README.md']).toBe('my notes\n');
    expect(after['extra-configmap.yaml']).toBe('kind: ConfigMap\n');
    expect(manifestEntries(out)).toEqual(EXAMPLE_OBJECT_FILES.filter((f) => !f.startsWith('cache-')));
    const recheck = await convertTo(dir, FLAGS, ['--check']);
    expect(recheck.code, recheck.stdout).toBe(0);
    expect(recheck.stdout).toBe('');
  });

  it("a user's own files in the directory are not drift", async () => {
    const dir = fixtureProject('example');
    const out = path.join(dir, 'out');
    await convertTo(dir, FLAGS);
    writeFileSync(path.join(out, 'README.md'), 'my notes\n');
    writeFileSync(path.join(out, 'zz-extra-service.yaml'), 'kind: Service\n');
    const check = await convertTo(dir, FLAGS, ['--check']);
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toBe('');
  });

  it('switching layout in the same directory replaces the old layout\'s files and keeps user files', async () => {
    const dir = fixtureProject('example');
    const out = path.join(dir, 'out');
    await convertTo(dir, FLAGS);
    writeFileSync(path.join(out, 'README.md'), 'my notes\n');
    const check = await convertTo(dir, ['--to', 'kubernetes', '--layout', 'stream'], ['--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`missing: ${path.join('out', 'manifests.yaml')}`);
    expect(linesStarting(check.stdout, 'stale: ')).toHaveLength(EXAMPLE_OBJECT_FILES.length);
    expect((await convertTo(dir, ['--to', 'kubernetes', '--layout', 'stream'])).code).toBe(0);
    expect(Object.keys(snapshot(out)).sort()).toEqual([MANIFEST, 'README.md', 'manifests.yaml']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Kustomize overlays
// ---------------------------------------------------------------------------------------------------------------

describe('stackport convert --layout kustomize --overlay', () => {
  const FLAGS = ['--to', 'kubernetes', '--layout', 'kustomize', '--overlay', 'prod=compose.prod.yaml'];
  const OVERRIDE = 'services:\n  api:\n    deploy:\n      replicas: 5\n    environment:\n      FEATURE_X: "on"\n';

  /** The example with a small prod override of its own: api scaled to 5 with one more variable. */
  function overlayProject(): string {
    const dir = fixtureProject('example');
    writeFileSync(path.join(dir, 'compose.prod.yaml'), OVERRIDE);
    return dir;
  }

  type Patch = { op: string; path: string; value: unknown }[];

  it('writes a base and an overlay whose patch holds the override, and --check passes', async () => {
    const dir = overlayProject();
    const out = path.join(dir, 'out');
    const run = await convertTo(dir, FLAGS);
    expect(run.code, run.stderr).toBe(0);
    const files = snapshot(out);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['base/kustomization.yaml', 'overlays/prod/kustomization.yaml']));
    expect(Object.keys(files).filter((f) => f.startsWith('overlays/')).sort()).toEqual([
      'overlays/prod/kustomization.yaml',
      'overlays/prod/patches/api-deployment.yaml',
    ]);

    const base = parse(files['base/kustomization.yaml']!) as { kind: string; resources: string[] };
    expect(base.kind).toBe('Kustomization');
    expect([...base.resources].sort()).toEqual(EXAMPLE_OBJECT_FILES);
    const overlay = parse(files['overlays/prod/kustomization.yaml']!) as { resources: string[]; patches: unknown[] };
    expect(overlay.resources).toEqual(['../../base']);
    expect(overlay.patches).toEqual([
      expect.objectContaining({
        path: 'patches/api-deployment.yaml',
        target: expect.objectContaining({ kind: 'Deployment', name: 'api' }),
      }),
    ]);

    const patch = parse(files['overlays/prod/patches/api-deployment.yaml']!) as Patch;
    expect(patch).toContainEqual({ op: 'replace', path: '/spec/replicas', value: 5 });
    expect(JSON.stringify(patch)).toContain('{"name":"FEATURE_X","value":"on"}');
    const baseApi = parse(files['base/api-deployment.yaml']!) as { spec: { replicas: number } };
    expect(baseApi.spec.replicas).toBe(2);
    expect(files['base/api-deployment.yaml']).not.toContain('FEATURE_X');

    expect(manifestEntries(out)).toEqual(Object.keys(files).filter((f) => f !== MANIFEST).sort());
    expect((await convertTo(dir, FLAGS)).code).toBe(0);
    expect(snapshot(out)).toEqual(files);
    const check = await convertTo(dir, FLAGS, ['--check']);
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toBe('');
  });

  it('an edited override is drift in the overlay patch only, and the fix command repeats --overlay', async () => {
    const dir = overlayProject();
    await convertTo(dir, FLAGS);
    edit(path.join(dir, 'compose.prod.yaml'), 'replicas: 5', 'replicas: 7');
    const check = await convertTo(dir, FLAGS, ['--check']);
    expect(check.code).toBe(1);
    expect(diffedFiles(check.stdout)).toEqual(['overlays/prod/patches/api-deployment.yaml']);
    expect(check.stdout).toMatch(/^-\s+value: 5$/m);
    expect(check.stdout).toMatch(/^\+\s+value: 7$/m);
    expect(check.stderr).toContain(`regenerate it with: stackport convert ${FLAGS.join(' ')} -o out\n`);
  });

  it('a base change reaches the overlay patch that replaces the same list', async () => {
    const dir = overlayProject();
    await convertTo(dir, FLAGS);
    addApiVariable(dir);
    const check = await convertTo(dir, FLAGS, ['--check']);
    expect(check.code).toBe(1);
    expect(diffedFiles(check.stdout)).toEqual(['base/api-deployment.yaml', 'overlays/prod/patches/api-deployment.yaml']);
    expect((await convertTo(dir, FLAGS)).code).toBe(0);
    const patch = parse(readFileSync(path.join(dir, 'out/overlays/prod/patches/api-deployment.yaml'), 'utf8')) as Patch;
    const env = patch.find((p) => p.path.endsWith('/env'))?.value as { name: string }[];
    expect(env.map((e) => e.name)).toEqual(expect.arrayContaining(['FEATURE_X', 'NEW_FLAG', 'REDIS_URL']));
  });

  it('dropping the overlay makes its files stale; regenerating removes them and leaves the base as it was', async () => {
    const dir = overlayProject();
    const out = path.join(dir, 'out');
    await convertTo(dir, FLAGS);
    const withOverlay = snapshot(out);
    const baseOnly = ['--to', 'kubernetes', '--layout', 'kustomize'];
    const check = await convertTo(dir, baseOnly, ['--check']);
    expect(check.code).toBe(1);
    expect(linesStarting(check.stdout, 'stale: ')).toEqual([
      `stale: ${path.join('out', 'overlays/prod/kustomization.yaml')}`,
      `stale: ${path.join('out', 'overlays/prod/patches/api-deployment.yaml')}`,
    ]);
    expect(diffedFiles(check.stdout)).toEqual([]);
    expect((await convertTo(dir, baseOnly)).code).toBe(0);
    const after = snapshot(out);
    expect(Object.keys(after).filter((f) => f.startsWith('overlays/'))).toEqual([]);
    for (const file of Object.keys(after).filter((f) => f.startsWith('base/'))) expect(after[file], file).toBe(withOverlay[file]);
  });

  it('a bad environment name or a missing override file exits 2 and writes nothing', async () => {
    const dir = overlayProject();
    const badName = await convertTo(dir, ['--to', 'kubernetes', '--layout', 'kustomize', '--overlay', 'Prod=compose.prod.yaml']);
    expect(badName.code).toBe(2);
    expect(badName.stderr).toContain('--overlay "Prod=compose.prod.yaml"');
    const missing = await convertTo(dir, ['--to', 'kubernetes', '--layout', 'kustomize', '--overlay', 'prod=nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/error COMPOSE_FILE_NOT_FOUND: .*nope\.yaml/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Usage and input errors
// ---------------------------------------------------------------------------------------------------------------

describe('stackport convert: usage and input errors exit 2', () => {
  it.each([['--check'], ['--diff']])('%s without -o', async (flag) => {
    const dir = fixtureProject('example');
    const before = snapshot(dir);
    const run = await runStackport(['convert', '--to', 'kubernetes', flag], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/error USAGE: .*-o DIR/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('--layout kustomize with --to swarm', async () => {
    const dir = fixtureProject('example');
    const run = await runStackport(['convert', '--to', 'swarm', '--layout', 'kustomize', '-o', 'out'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--layout kustomize needs --to kubernetes');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('--layout kustomize without -o', async () => {
    const dir = fixtureProject('example');
    const run = await runStackport(['convert', '--to', 'kubernetes', '--layout', 'kustomize'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/error USAGE: --layout kustomize writes a directory tree/);
  });

  it.each([
    ['no --to', ['convert']],
    ['an unknown target', ['convert', '--to', 'openshift']],
    ['an unknown layout', ['convert', '--to', 'kubernetes', '--layout', 'tree']],
    ['an unknown flag', ['convert', '--to', 'kubernetes', '--no-such-flag']],
  ])('%s', async (_name, args) => {
    const dir = fixtureProject('example');
    const run = await runStackport(args, dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.length).toBeGreaterThan(0);
  });

  it('invalid Compose: a located message, no stack trace, no output directory', async () => {
    const dir = inlineProject({ 'compose.yaml': 'services: {web: {image: 1, ports: [bad]}}\n' });
    const run = await runStackport(['convert', '--to', 'kubernetes', '-o', 'out'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^compose\.yaml:1:\d+: error [A-Z_]+: /m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('invalid Compose points at the offending line', async () => {
    const dir = inlineProject({ 'compose.yaml': 'services:\n  web:\n    image: 1\n' });
    const run = await runStackport(['convert', '--to', 'kubernetes'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^compose\.yaml:3:\d+: error SCHEMA_INVALID: services\.web\.image/m);
  });

  it('invalid Compose under --check is an input error (2), not drift (1), and writes nothing', async () => {
    const dir = fixtureProject('example');
    const out = path.join(dir, 'out');
    await convertTo(dir, ['--to', 'kubernetes']);
    const before = snapshot(out);
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    image: 1\n');
    const check = await convertTo(dir, ['--to', 'kubernetes'], ['--check']);
    expect(check.code).toBe(2);
    expect(check.stdout).toBe('');
    expect(check.stderr).toMatch(/^compose\.yaml:3:\d+: error /m);
    expect(snapshot(out)).toEqual(before);
  });

  it('a YAML syntax error is located', async () => {
    const dir = inlineProject({ 'compose.yaml': 'services:\n  web:\n    image: [unclosed\n' });
    const run = await runStackport(['convert', '--to', 'swarm', '-o', 'out'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^compose\.yaml:\d+:\d+: error YAML_/m);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// validate
// ---------------------------------------------------------------------------------------------------------------

describe('stackport validate', () => {
  const TARGETS: string[][] = [[], ['--to', 'kubernetes'], ['--to', 'swarm']];

  it.each(TARGETS.map((t) => [t]))('exits 0 on the example with %j, printing and writing nothing', async (flags) => {
    const dir = fixtureProject('example');
    const before = snapshot(dir);
    const run = await runStackport(['validate', ...flags], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports the same diagnostics as convert', async () => {
    const dir = fixtureProject('kubernetes-features');
    const validate = await runStackport(['validate', '--to', 'kubernetes'], dir);
    const convert = await runStackport(['convert', '--to', 'kubernetes'], dir);
    expect(validate.code).toBe(0);
    expect(validate.stderr).toContain('warning K8S_BIND_MOUNT');
    expect(validate.stderr).toBe(convert.stderr);
  });

  it('exits 2 on invalid input with a located message and writes nothing', async () => {
    const dir = inlineProject({ 'compose.yaml': 'services: {web: {image: 1, ports: [bad]}}\n' });
    const run = await runStackport(['validate'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^compose\.yaml:1:\d+: error [A-Z_]+: /m);
    expect(readdirSync(dir)).toEqual(['compose.yaml']);
  });

  it('exits 2 when a variable the conversion needs is unset', async () => {
    const dir = fixtureProject('swarm-features');
    const run = await runStackport(['validate', '--to', 'swarm'], dir, { API_TOKEN: 'token-value' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^compose\.yaml:\d+:\d+: error SWARM_CONFIG_EMPTY: configs\.feature_flags/m);
  });

  it('--strict exits 1 on warnings', async () => {
    const dir = inlineProject({ 'compose.yaml': BIND_MOUNT_COMPOSE });
    expect((await runStackport(['validate'], dir)).code).toBe(0);
    expect((await runStackport(['validate', '--strict'], dir)).code).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// --strict, -q, --report json
// ---------------------------------------------------------------------------------------------------------------

describe('stackport convert: --strict, -q and --report json', () => {
  const FLAGS = ['convert', '--to', 'kubernetes'];

  it('a bind mount warns (exit 0) and --strict turns the warning into exit 1', async () => {
    const dir = inlineProject({ 'compose.yaml': BIND_MOUNT_COMPOSE });
    const plain = await runStackport(FLAGS, dir);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toMatch(/^compose\.yaml:4:\d+: warning K8S_BIND_MOUNT: /m);
    expect(plain.stdout).toContain('hostPath:');

    const strict = await runStackport([...FLAGS, '--strict'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('warning K8S_BIND_MOUNT');
    expect(strict.stderr).toContain('stackport: warnings found and --strict is set');
  });

  it('--strict ignores info diagnostics', async () => {
    const dir = fixtureProject('example');
    const run = await runStackport([...FLAGS, '--strict'], dir);
    expect(run.stderr).toMatch(/ info K8S_/);
    expect(run.stderr).not.toMatch(/ warning /);
    expect(run.code).toBe(0);
  });

  it('--strict applies to --check on an up-to-date directory', async () => {
    const dir = inlineProject({ 'compose.yaml': BIND_MOUNT_COMPOSE });
    expect((await convertTo(dir, ['--to', 'kubernetes'])).code).toBe(0);
    expect((await convertTo(dir, ['--to', 'kubernetes'], ['--check'])).code).toBe(0);
    expect((await convertTo(dir, ['--to', 'kubernetes'], ['--check', '--strict'])).code).toBe(1);
  });

  it('-q hides warnings and infos but not errors, and does not change the exit code', async () => {
    const warned = inlineProject({ 'compose.yaml': BIND_MOUNT_COMPOSE });
    const quiet = await runStackport(['-q', ...FLAGS], warned);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe((await runStackport(FLAGS, warned)).stdout);
    expect((await runStackport(['-q', ...FLAGS, '--strict'], warned)).code).toBe(1);

    const broken = inlineProject({ 'compose.yaml': 'services:\n  web:\n    image: 1\n' });
    const error = await runStackport(['-q', ...FLAGS], broken);
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(/^compose\.yaml:3:\d+: error SCHEMA_INVALID/m);
  });

  it('--report json prints the diagnostics as one JSON document', async () => {
    const dir = inlineProject({ 'compose.yaml': BIND_MOUNT_COMPOSE });
    const run = await runStackport(['--report', 'json', ...FLAGS], dir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stderr) as { diagnostics: unknown[] };
    expect(report).toEqual({
      diagnostics: [
        {
          severity: 'warning',
          code: 'K8S_BIND_MOUNT',
          message: expect.stringContaining('./data'),
          location: { file: 'compose.yaml', line: 4, column: expect.any(Number) },
          hint: expect.any(String),
        },
      ],
    });
  });

  it('--report json on invalid input: exit 2 and an error with its location', async () => {
    const dir = inlineProject({ 'compose.yaml': 'services:\n  web:\n    image: 1\n' });
    const run = await runStackport(['--report', 'json', ...FLAGS], dir);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stderr) as { diagnostics: unknown[] };
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'SCHEMA_INVALID',
        location: expect.objectContaining({ file: 'compose.yaml', line: 3 }),
      }),
    );
  });

  it('--report json with -q lists errors only', async () => {
    const dir = inlineProject({ 'compose.yaml': BIND_MOUNT_COMPOSE });
    const run = await runStackport(['--report', 'json', '-q', ...FLAGS], dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stderr)).toEqual({ diagnostics: [] });
  });
});
