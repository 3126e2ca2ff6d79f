/**
 * The built package, as users get it: nothing here imports src/. Everything runs against what `npm run build`
 * produced (dist/ and the CLI bundle) in separate Node processes with a bare environment (PATH and NO_COLOR=1).
 *
 * - The CLI (`node bin/stackport.js`): `--help` lists the commands; the README's first command prints exactly the
 *   committed fixtures/example/expected/kubernetes/manifests.yaml (and what the built library renders); an invalid
 *   compose file exits 2 with `compose.yaml:LINE:COL` and no stack trace; an unknown flag exits 2.
 * - The library through the package name, from a project outside the repository whose node_modules/stackport is a
 *   symbolic link to the repository: `import` (ES module) and `require()` (CommonJS, Node >= 20.19) resolve through
 *   the `exports` map to dist/index.js and render the example identically.
 * - The type declarations: dist/index.d.ts exports load, convert, render, check and writeOutputDirectory as
 *   functions, and a TypeScript consumer importing from 'stackport' (moduleResolution NodeNext) type-checks.
 * - The pre-commit workflow of .pre-commit-hooks.yaml in a scratch git repository: generate k8s/, commit, the
 *   check passes; change an image tag, the check fails naming the stale file and the command that fixes it;
 *   regenerate, the check passes and only compose.yaml and k8s/ files changed. Uses the `pre-commit` program when
 *   it is on PATH, else runs the hook's entry directly (with a printed note); skipped, with a reason, without git.
 *
 * If dist/index.js or the CLI bundle is missing, beforeAll runs `npm run build` once so this file also works alone.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.js';

const BIN = path.join(REPO_ROOT, 'bin', 'stackport.js');
const DIST_INDEX = path.join(REPO_ROOT, 'dist', 'index.js');
const DIST_TYPES = path.join(REPO_ROOT, 'dist', 'index.d.ts');
const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'bundle', 'cli.cjs');
const EXAMPLE_DIR = path.join(REPO_ROOT, 'fixtures', 'example');
const EXAMPLE_COMPOSE = path.join(EXAMPLE_DIR, 'compose.yaml');
const EXPECTED_STREAM = path.join(EXAMPLE_DIR, 'expected', 'kubernetes', 'manifests.yaml');

/** The only environment the subprocesses see, so the machine's variables (COMPOSE_*, API_TAG...) cannot leak in. */
const BARE_ENV: Record<string, string> = { PATH: process.env.PATH ?? '', NO_COLOR: '1' };

/** A Node stack frame as printed in an uncaught error. */
const STACK_FRAME = '    at ';

/** The library's public surface as the built package exposes it (types from the source, values from dist/). */
type Library = typeof import('../../src/index.js');

const scratchDirs: string[] = [];
function scratch(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `stackport-${prefix}-`));
  scratchDirs.push(dir);
  return dir;
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = BARE_ENV): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return r;
}

/** `stackport <args>` through the built bin, in a fresh Node process. */
function stackport(args: string[], cwd: string): SpawnSyncReturns<string> {
  return run(process.execPath, [BIN, ...args], cwd);
}

/** Formats a run for assertion messages. */
function described(r: SpawnSyncReturns<string>): string {
  return `exit ${r.status} (signal ${r.signal})\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;
}

function onPath(program: string): boolean {
  const r = spawnSync(program, ['--version'], { env: BARE_ENV, encoding: 'utf8' });
  return !r.error && r.status === 0;
}

function nodeAtLeast(major: number, minor: number): boolean {
  const [maj = 0, min = 0] = process.versions.node.split('.').map(Number);
  return maj > major || (maj === major && min >= minor);
}

const REQUIRE_ESM = nodeAtLeast(20, 19);
if (!REQUIRE_ESM) console.warn(`skipping require('stackport'): Node ${process.versions.node} cannot require() an ES module (needs >= 20.19)`);

const HAVE_GIT = onPath('git');
if (!HAVE_GIT) console.warn('skipping the pre-commit workflow: git is not on PATH');

let library: Library;
let expectedStream: string;

beforeAll(async () => {
  if (!existsSync(DIST_INDEX) || !existsSync(CLI_BUNDLE) || !existsSync(DIST_TYPES)) {
    execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  library = (await import(pathToFileURL(DIST_INDEX).href)) as Library;
  expectedStream = readFileSync(EXPECTED_STREAM, 'utf8');
});

afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/** The example rendered as one stream by the built library, loaded with the subprocesses' environment. */
function libraryStream(): string {
  const { project, diagnostics } = library.load({ files: [EXAMPLE_COMPOSE], cwd: REPO_ROOT, env: { ...BARE_ENV } });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const files = library.render(library.convert(project!, { target: 'kubernetes' }), { layout: 'stream' });
  expect([...files.keys()]).toEqual(['manifests.yaml']);
  return String(files.get('manifests.yaml'));
}

/** The README's first command that runs the CLI, as arguments after `node`. */
function readmeFirstCommand(): string[] {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const block = /```(?:sh|bash|shell)\n([\s\S]*?)```/.exec(readme);
  expect(block, 'README.md has a shell block').not.toBeNull();
  const firstLine = block![1]!.split('\n')[0]!;
  const command = firstLine
    .split('&&')
    .map((part) => part.trim())
    .find((part) => part.startsWith('node bin/stackport.js'));
  expect(command, `the README's first line runs the CLI: ${firstLine}`).toBeDefined();
  expect(command, 'no quoting to interpret').not.toMatch(/['"\\$`]/);
  return command!.split(/\s+/).slice(1);
}

describe('built CLI (node bin/stackport.js in a subprocess)', () => {
  it('--help exits 0 and lists the config, convert and validate commands', () => {
    const r = stackport(['--help'], scratch('help'));
    expect(r.status, described(r)).toBe(0);
    expect(r.stdout).toMatch(/^Usage: stackport /);
    const commands = r.stdout.slice(r.stdout.indexOf('Commands:'));
    expect(r.stdout).toContain('Commands:');
    for (const name of ['config', 'convert', 'validate']) expect(commands).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect(r.stderr).toBe('');
  });

  it("the README's first command prints exactly the committed expected Kubernetes stream", () => {
    const args = readmeFirstCommand();
    expect(args.slice(0, 2)).toEqual(['bin/stackport.js', 'convert']);
    const r = run(process.execPath, args, REPO_ROOT);
    expect(r.status, described(r)).toBe(0);
    expect(r.stdout).toContain('kind: Deployment');
    expect(r.stdout).toBe(expectedStream);
    // The bundled CLI and the unbundled library agree.
    expect(r.stdout).toBe(libraryStream());
    // Notes go to stderr in the file:line:col form, never a stack trace.
    expect(r.stderr).toMatch(/^fixtures\/example\/compose\.yaml:\d+:\d+: info K8S_/m);
    expect(r.stderr).not.toContain(STACK_FRAME);
  });

  const invalid: { name: string; compose: string; where: string; code: string }[] = [
    { name: 'a YAML syntax error', compose: 'services:\n  web:\n    image: nginx\n    ports: [\n', where: 'compose.yaml:5:1', code: 'YAML_SYNTAX' },
    { name: 'a schema error', compose: 'services:\n  web:\n    image: nginx\n    ports: "80"\n', where: 'compose.yaml:4:12', code: 'SCHEMA_INVALID' },
    { name: 'an unknown service key', compose: 'services:\n  web:\n    image: nginx\n    bogus_key: 1\n', where: 'compose.yaml:4:5', code: 'SCHEMA_INVALID' },
  ];
  for (const c of invalid) {
    it(`an invalid compose file (${c.name}) exits 2 with ${c.where} on stderr and no stack trace`, () => {
      const dir = scratch('invalid');
      writeFileSync(path.join(dir, 'compose.yaml'), c.compose);
      const r = stackport(['convert', '--to', 'kubernetes'], dir);
      expect(r.status, described(r)).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^${c.where.replace('.', '\\.')}: error ${c.code}: `, 'm'));
      expect(r.stderr).not.toContain(STACK_FRAME);
      expect(r.stdout).toBe('');
    });
  }

  for (const args of [['--bogus'], ['convert', '--to', 'kubernetes', '--bogus']]) {
    it(`an unknown flag exits 2: stackport ${args.join(' ')}`, () => {
      const dir = scratch('flag');
      cpSync(EXAMPLE_COMPOSE, path.join(dir, 'compose.yaml'));
      const r = stackport(args, dir);
      expect(r.status, described(r)).toBe(2);
      expect(r.stderr).toContain("unknown option '--bogus'");
      expect(r.stderr).not.toContain(STACK_FRAME);
      expect(r.stdout).toBe('');
    });
  }
});

describe("the library imported as 'stackport' from another project", () => {
  let consumer: string;
  let esm: SpawnSyncReturns<string> | undefined;

  beforeAll(() => {
    consumer = scratch('consumer');
    mkdirSync(path.join(consumer, 'node_modules'));
    symlinkSync(REPO_ROOT, path.join(consumer, 'node_modules', 'stackport'), 'dir');
    const compose = JSON.stringify(EXAMPLE_COMPOSE);
    writeFileSync(
      path.join(consumer, 'use.mjs'),
      `import { writeFileSync } from 'node:fs';
import { load, convert, render } from 'stackport';
const { project, diagnostics } = load({ files: [${compose}] });
if (!project) throw new Error(JSON.stringify(diagnostics));
const files = render(convert(project, { target: 'kubernetes' }), { layout: 'stream' });
writeFileSync('esm.json', JSON.stringify({ resolved: import.meta.resolve('stackport'), files: [...files.keys()] }));
for (const content of files.values()) process.stdout.write(content);
`,
    );
    writeFileSync(
      path.join(consumer, 'use.cjs'),
      `const { writeFileSync } = require('node:fs');
const { load, convert, render, check } = require('stackport');
const { project, diagnostics } = load({ files: [${compose}] });
if (!project) throw new Error(JSON.stringify(diagnostics));
const files = render(convert(project, { target: 'kubernetes' }), { layout: 'stream' });
const checked = check(${JSON.stringify(path.dirname(EXPECTED_STREAM))}, files);
writeFileSync('cjs.json', JSON.stringify({ resolved: require.resolve('stackport'), files: [...files.keys()], checked }));
for (const content of files.values()) process.stdout.write(content);
`,
    );
  });

  it('ESM: import { load, convert, render } renders the example from dist/index.js', () => {
    esm = run(process.execPath, ['use.mjs'], consumer);
    expect(esm.status, described(esm)).toBe(0);
    expect(esm.stdout).toContain('kind: Deployment');
    expect(esm.stdout).toBe(expectedStream);
    expect(esm.stderr).toBe('');
    const meta = JSON.parse(readFileSync(path.join(consumer, 'esm.json'), 'utf8'));
    expect(meta.resolved).toBe(pathToFileURL(DIST_INDEX).href);
    expect(meta.files).toEqual(['manifests.yaml']);
  });

  it.skipIf(!REQUIRE_ESM)('CommonJS: require() gives the same functions and the same output as the ESM run', () => {
    const r = run(process.execPath, ['use.cjs'], consumer);
    expect(r.status, described(r)).toBe(0);
    expect(r.stdout).toContain('kind: Deployment');
    expect(r.stdout).toBe(esm?.stdout ?? run(process.execPath, ['use.mjs'], consumer).stdout);
    expect(r.stderr).not.toContain(STACK_FRAME);
    const meta = JSON.parse(readFileSync(path.join(consumer, 'cjs.json'), 'utf8'));
    expect(meta.resolved).toBe(DIST_INDEX);
    expect(meta.files).toEqual(['manifests.yaml']);
    // check() against the committed expected stream: nothing differs.
    expect(meta.checked).toEqual({ upToDate: true, changed: [], missing: [], stale: [] });
  });
});

describe('type declarations', () => {
  it('package.json points its types at dist/index.d.ts, which exists', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('stackport');
    expect(path.resolve(REPO_ROOT, pkg.types)).toBe(DIST_TYPES);
    expect(path.resolve(REPO_ROOT, pkg.exports['.'].types)).toBe(DIST_TYPES);
    expect(path.resolve(REPO_ROOT, pkg.exports['.'].default)).toBe(DIST_INDEX);
    expect(path.resolve(REPO_ROOT, pkg.bin.stackport)).toBe(BIN);
    expect(existsSync(DIST_TYPES)).toBe(true);
  });

  it('dist/index.d.ts exports load, convert, render, check and writeOutputDirectory as functions', () => {
    const text = readFileSync(DIST_TYPES, 'utf8');
    for (const name of ['load', 'convert', 'render', 'check', 'writeOutputDirectory']) {
      expect(text).toMatch(new RegExp(`export \\{[^}]*\\b${name}\\b[^}]*\\} from`));
    }
    // Resolved by the compiler: each name is a value with a call signature, not just a word in the file.
    const program = ts.createProgram([DIST_TYPES], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true, skipLibCheck: true });
    const checker = program.getTypeChecker();
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(DIST_TYPES)!)!;
    const exported = new Map(checker.getExportsOfModule(moduleSymbol).map((s) => [s.name, s]));
    for (const name of ['load', 'convert', 'render', 'check', 'writeOutputDirectory']) {
      const symbol = exported.get(name);
      expect(symbol, `${name} is exported`).toBeDefined();
      const type = checker.getTypeOfSymbol(checker.getAliasedSymbol(symbol!));
      expect(type.getCallSignatures().length, `${name} is callable`).toBeGreaterThan(0);
    }
  });

  it("a TypeScript consumer importing from 'stackport' (NodeNext) type-checks against the built declarations", () => {
    const consumer = scratch('types');
    mkdirSync(path.join(consumer, 'node_modules'));
    symlinkSync(REPO_ROOT, path.join(consumer, 'node_modules', 'stackport'), 'dir');
    writeFileSync(path.join(consumer, 'package.json'), '{ "type": "module" }\n');
    const file = path.join(consumer, 'use.ts');
    writeFileSync(
      file,
      `import { load, convert, render, check, type RenderedFiles, type CheckResult, type KubernetesObject, type SwarmStack } from 'stackport';
const { project } = load({ files: ['compose.yaml'] });
if (project) {
  const conversion = convert(project, { target: 'kubernetes' });
  const files: RenderedFiles = render(conversion, { layout: 'files' });
  const result: CheckResult = check('k8s', files);
  const ok: boolean = result.upToDate;
  void ok;
  // Objects are typed by kind with client-node's models.
  for (const o of conversion.objects) {
    if (o.kind === 'Deployment') {
      const image: string | undefined = o.spec?.template.spec?.containers[0]?.image;
      void image;
    }
  }
}
// @ts-expect-error a DeploymentSpec has no field 'replica': the declarations carry client-node's models
const typo: KubernetesObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replica: 1, selector: {}, template: {} } };
void typo;
// @ts-expect-error a stack file's service has no field 'restart_polcy': the Swarm shapes follow docker/cli's schema
const stack: SwarmStack = { version: '3.9', services: { web: { image: 'nginx', restart_polcy: {} } } };
void stack;
// A wrong call must not type-check, or the declarations would be 'any'.
// @ts-expect-error target is required to be 'kubernetes' or 'swarm'
convert(undefined as never as Parameters<typeof convert>[0], { target: 'nomad' });
`,
    );
    const program = ts.createProgram([file], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [path.join(REPO_ROOT, 'node_modules', '@types')],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    const resolved = program.getSourceFiles().map((f) => path.resolve(f.fileName));
    expect(resolved).toContain(DIST_TYPES);
  });
});

describe('pre-commit workflow (.pre-commit-hooks.yaml) in a scratch git repository', () => {
  const usePreCommit = HAVE_GIT && onPath('pre-commit');
  if (HAVE_GIT && !usePreCommit) console.warn('pre-commit is not on PATH: running the stackport-check hook entry directly');

  let repo: string;
  let home: string;
  let gitEnv: Record<string, string>;
  const entry = [process.execPath, BIN, 'convert', '--check', '--to', 'kubernetes', '-o', 'k8s'];

  function git(...args: string[]): string {
    const r = run('git', args, repo, gitEnv);
    expect(r.status, `git ${args.join(' ')}: ${described(r)}`).toBe(0);
    return r.stdout;
  }

  /** The hook as a commit would run it; output is stdout and stderr together. */
  function runHook(): { status: number | null; output: string } {
    const r = usePreCommit
      ? run('pre-commit', ['run', '--all-files', '--color', 'never'], repo, { ...gitEnv, PRE_COMMIT_HOME: path.join(home, 'pre-commit') })
      : run(entry[0]!, entry.slice(1), repo);
    const output = `${r.stdout}\n${r.stderr}`;
    // pre-commit exits 0 when it skips a hook; it must have run this one.
    if (usePreCommit) expect(output, output).toMatch(/\(generated manifests are up to date\)\.+(Passed|Failed)/);
    return { status: r.status, output };
  }

  function generate(): void {
    const r = stackport(['convert', '--to', 'kubernetes', '-o', 'k8s'], repo);
    expect(r.status, described(r)).toBe(0);
    expect(r.stderr).not.toContain(STACK_FRAME);
  }

  beforeAll(() => {
    if (!HAVE_GIT) return;
    repo = scratch('precommit');
    home = scratch('home');
    gitEnv = { ...BARE_ENV, HOME: home, GIT_CONFIG_NOSYSTEM: '1' };
    cpSync(EXAMPLE_DIR, repo, { recursive: true, filter: (src) => src !== path.join(EXAMPLE_DIR, 'expected') });
    expect(existsSync(path.join(repo, 'expected'))).toBe(false);
    expect(existsSync(path.join(repo, 'compose.yaml'))).toBe(true);

    // A local hook that mirrors the published one: same id, always_run and pass_filenames; `stackport` is this bin.
    const [published] = parseYaml(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    expect(published).toMatchObject({ id: 'stackport-check', entry: 'stackport convert --check', pass_filenames: false, always_run: true });
    const config = {
      repos: [
        {
          repo: 'local',
          hooks: [
            {
              id: published!.id,
              name: published!.name,
              entry: `node ${JSON.stringify(BIN)} convert --check --to kubernetes -o k8s`,
              language: 'system',
              pass_filenames: false,
              always_run: published!.always_run,
            },
          ],
        },
      ],
    };
    writeFileSync(path.join(repo, '.pre-commit-config.yaml'), JSON.stringify(config, null, 2));
    git('init', '-q');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'stackport test');
    git('config', 'commit.gpgsign', 'false');
  });

  it.skipIf(!HAVE_GIT)('generating k8s/ and committing it leaves the check passing', () => {
    generate();
    const written = readdirSync(path.join(repo, 'k8s'));
    expect(written).toContain('.stackport-manifest');
    expect(written).toContain('cache-deployment.yaml');
    git('add', '-A');
    git('commit', '-q', '-m', 'generated manifests');
    expect(git('status', '--porcelain')).toBe('');
    const hook = runHook();
    expect(hook.status, hook.output).toBe(0);
    expect(hook.output).not.toContain(STACK_FRAME);
  });

  it.skipIf(!HAVE_GIT)('an image tag changed in compose.yaml fails the check, naming the stale file and the fix', () => {
    const composeFile = path.join(repo, 'compose.yaml');
    const before = readFileSync(composeFile, 'utf8');
    const after = before.replace('image: redis:7-alpine', 'image: redis:7.4-alpine');
    expect(after).not.toBe(before);
    writeFileSync(composeFile, after);

    const hook = runHook();
    expect(hook.status, hook.output).toBe(1);
    expect(hook.output).toContain('cache-deployment.yaml');
    expect(hook.output).toContain('-          image: redis:7-alpine');
    expect(hook.output).toContain('+          image: redis:7.4-alpine');
    expect(hook.output).toContain('stackport convert --to kubernetes -o k8s');
    expect(hook.output).not.toContain(STACK_FRAME);
    // The check wrote nothing.
    expect(git('status', '--porcelain')).toBe(' M compose.yaml\n');
  });

  it.skipIf(!HAVE_GIT)('regenerating makes the check pass again, changing only compose.yaml and k8s/ files', () => {
    generate();
    const hook = runHook();
    expect(hook.status, hook.output).toBe(0);
    const changed = git('status', '--porcelain')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    expect(changed).toContain('compose.yaml');
    expect(changed).toContain('k8s/cache-deployment.yaml');
    for (const file of changed) expect(file === 'compose.yaml' || file.startsWith('k8s/'), file).toBe(true);
    // Exactly the one object whose image changed.
    expect(changed.sort()).toEqual(['compose.yaml', 'k8s/cache-deployment.yaml']);
    expect(readFileSync(path.join(repo, 'k8s', 'cache-deployment.yaml'), 'utf8')).toContain('image: redis:7.4-alpine');
  });
});
