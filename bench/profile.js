/**
 * `node bench/profile.js [SERVICES] [-- CLI ARGS]`: where a cold CLI run spends its time, stage by stage.
 *
 * Builds a readable (unminified) copy of the CLI bundle with its code cache into a temporary directory, runs it
 * once on a generated project under V8's CPU profiler, and prints each pipeline stage's inclusive time and the
 * functions with the most self time. A development tool for finding what to optimise; the numbers the project
 * reports come from `npm run bench`.
 *
 * Options: SERVICES (default 500); CLI ARGS after `--` (default `-q convert --to kubernetes`);
 * PROFILE_RUNS=N takes the median of N profiled runs per stage (default 3); PROFILE_TOP=N self-time rows (default 40).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProject } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const dash = process.argv.indexOf('--');
const services = Number(process.argv[2] && process.argv[2] !== '--' ? process.argv[2] : 500);
const cliArgs = dash >= 0 ? process.argv.slice(dash + 1) : ['-q', 'convert', '--to', 'kubernetes'];
const runs = Number(process.env.PROFILE_RUNS ?? 3);
const top = Number(process.env.PROFILE_TOP ?? 40);

/** Stage name -> the function whose inclusive time is that stage's. */
const STAGES = [
  ['start: load the bundle', 'loadCliBundle'],
  ['parse (fast path)', 'parseFast'],
  ['parse (general parser)', 'parseWithYamlPackage'],
  ['interpolate', 'interpolateModel'],
  ['merge (markers, unicity)', 'mergeDocuments'],
  ['validate: schema', 'validateComposeModel'],
  ['validate: x-kubernetes', 'validateKubernetesExtensions'],
  ['validate: labels', 'checkLabelNames'],
  ['normalize into the IR', 'normalizeProject'],
  ['validate: project checks', 'checkProject'],
  ['emit kubernetes', 'emitKubernetes'],
  ['emit swarm', 'emitSwarm'],
  ['emit compose (config)', 'emitCompose'],
  ['render', 'render'],
  ['report diagnostics', 'reportDiagnostics'],
];

const work = mkdtempSync(path.join(os.tmpdir(), 'stackport-profile-'));
try {
  const project = path.join(work, 'project');
  generateProject(project, services);
  const bundle = path.join(work, 'bundle');
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'bundle.mjs'), '--outdir', bundle, '--readable'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`readable bundle failed: ${build.stderr}`);
  // Runs the readable bundle the way bin/stackport.js runs the real one.
  writeFileSync(
    path.join(bundle, 'run.cjs'),
    `const { loadCliBundle } = require(${JSON.stringify(path.join(root, 'bin', 'load-bundle.js'))});\n` +
      'loadCliBundle(__dirname).exports.runCli(process.argv.slice(2)).then((code) => { process.exitCode = code; });\n',
  );
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const dir = path.join(work, `prof-${i}`);
    const r = spawnSync(
      process.execPath,
      ['--cpu-prof', '--cpu-prof-interval', '50', '--cpu-prof-dir', dir, path.join(bundle, 'run.cjs'), ...cliArgs],
      { cwd: project, stdio: 'ignore' },
    );
    if (r.status !== 0 && r.status !== 1) throw new Error(`profiled run exited ${r.status}`);
    samples.push(summarize(JSON.parse(readFileSync(path.join(dir, readdirSync(dir)[0]), 'utf8'))));
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`${services} services, stackport ${cliArgs.join(' ')}: median of ${runs} profiled runs (ms)\n`);
  console.log(`${med(samples.map((s) => s.total)).toFixed(1).padStart(8)}  whole process`);
  console.log(`${med(samples.map((s) => s.gc)).toFixed(1).padStart(8)}  garbage collector (spread over the stages below)`);
  for (const [name, fn] of STAGES) {
    const t = med(samples.map((s) => s.inclusive.get(fn) ?? 0));
    if (t > 0) console.log(`${t.toFixed(1).padStart(8)}  ${name} (${fn})`);
  }
  console.log('\nself time, first run:');
  for (const [fn, t] of [...samples[0].self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${t.toFixed(1).padStart(8)}  ${fn}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Inclusive time per function name (each name counted once per stack) and self time per function and line. */
function summarize(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfById = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] / 1000;
    selfById.set(id, (selfById.get(id) ?? 0) + dt);
    total += dt;
  });
  const inclusive = new Map();
  const self = new Map();
  let gc = 0;
  for (const [id, t] of selfById) {
    const frame = nodes.get(id).callFrame;
    if (frame.functionName === '(garbage collector)') gc += t;
    const label = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url)}:${frame.lineNumber + 1}`;
    self.set(label, (self.get(label) ?? 0) + t);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const name = nodes.get(cur).callFrame.functionName;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + t);
    }
  }
  return { total, gc, inclusive, self };
}
