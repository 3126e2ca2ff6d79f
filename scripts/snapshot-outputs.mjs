#!/usr/bin/env node
/**
 * Writes every output stackport makes for a set of Compose projects into one directory, so that a refactor can
 * prove it changed no byte: snapshot before, snapshot after, `diff -r` the two.
 *
 *   npm run build && node scripts/snapshot-outputs.mjs OUT_DIR [PROJECTS_DIR]
 *
 * PROJECTS_DIR defaults to ../shared/corpus/public (read through its MANIFEST.files.tsv); any other directory is
 * read as one project per subfolder with a compose.yaml. Each project is converted with several option sets per
 * target, rendered in every layout and format, and its diagnostics are written too, since a refactor must keep
 * those as well.
 */
import { mkdirSync, readFileSync, readdirSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, convert, render, formatDiagnostic } from '../dist/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const [outDir, projectsArg] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node scripts/snapshot-outputs.mjs OUT_DIR [PROJECTS_DIR]');
  process.exit(2);
}
const projectsDir = path.resolve(projectsArg ?? path.join(here, '..', '..', 'shared', 'corpus', 'public'));

/** Option sets per target: the defaults, and sets that take the other branches of each emitter. */
const KUBERNETES_VARIANTS = {
  default: {},
  options: { namespace: 'ns', createNamespace: true, publish: 'nodeport', secrets: 'inline', bindFiles: 'configmap', dependsOn: 'wait', replicas: 2, claimSize: '5Gi' },
  statefulset: { controller: 'statefulset', volumes: 'hostPath', publish: 'none', networkPolicies: 'none' },
  daemonset: { controller: 'daemonset', volumes: 'emptyDir' },
  job: { controller: 'job', volumes: 'configMap' },
};
const SWARM_VARIANTS = {
  default: {},
  old: { version: '3.0', imagePrefix: 'registry.example/team', keepEnvFiles: true },
  directory: { version: '3.8', toDirectory: true, projectDirFromStack: '..', loadingArgs: ['-f', 'compose.yaml'] },
};
const KUBERNETES_RENDERINGS = [
  { name: 'stream', options: { layout: 'stream' } },
  { name: 'stream-json', options: { layout: 'stream', format: 'json' } },
  { name: 'files', options: { layout: 'files', indent: 4 } },
  { name: 'helm', options: { layout: 'helm' } },
  { name: 'kustomize', options: { layout: 'kustomize' } },
];
const SWARM_RENDERINGS = [
  { name: 'yaml', options: {} },
  { name: 'json', options: { format: 'json' } },
];

/** The projects: [id, directory, compose file name]. */
function projects() {
  const manifest = path.join(projectsDir, 'MANIFEST.files.tsv');
  if (existsSync(manifest)) {
    return readFileSync(manifest, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
      .filter((cols) => cols[3] === 'compose')
      .map(([folder, file]) => [`${folder}/${file}`, path.join(projectsDir, folder), file]);
  }
  return readdirSync(projectsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(projectsDir, entry.name, 'compose.yaml')))
    .map((entry) => [entry.name, path.join(projectsDir, entry.name), 'compose.yaml']);
}

function writeFiles(dir, files) {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

function diagnosticsText(diagnostics) {
  return diagnostics.map((d) => formatDiagnostic(d)).join('\n') + '\n';
}

function snapshot(id, dir, file, out) {
  const loaded = load({ cwd: dir, files: [file], env: { HOME: '/home/user' } });
  writeFileSync(path.join(out, 'load.txt'), diagnosticsText(loaded.diagnostics));
  if (!loaded.project) return 0;
  let count = 0;
  for (const [variant, options] of Object.entries(KUBERNETES_VARIANTS)) {
    const conversion = convert(loaded.project, { target: 'kubernetes', ...options });
    const base = path.join(out, 'kubernetes', variant);
    mkdirSync(base, { recursive: true });
    writeFileSync(path.join(base, 'diagnostics.txt'), diagnosticsText(conversion.diagnostics));
    writeFileSync(path.join(base, 'secret-sources.json'), JSON.stringify(conversion.secretSources, null, 1) + '\n');
    for (const { name, options: renderOptions } of KUBERNETES_RENDERINGS) {
      writeFiles(path.join(base, name), render(conversion, renderOptions));
      count++;
    }
  }
  for (const [variant, options] of Object.entries(SWARM_VARIANTS)) {
    const conversion = convert(loaded.project, { target: 'swarm', ...options });
    const base = path.join(out, 'swarm', variant);
    mkdirSync(base, { recursive: true });
    writeFileSync(path.join(base, 'diagnostics.txt'), diagnosticsText(conversion.diagnostics));
    for (const { name, options: renderOptions } of SWARM_RENDERINGS) {
      writeFiles(path.join(base, name), render(conversion, renderOptions));
      count++;
    }
  }
  return count;
}

rmSync(outDir, { recursive: true, force: true });
let projectCount = 0;
let renderings = 0;
let failures = 0;
for (const [id, dir, file] of projects()) {
  const out = path.join(outDir, id.replaceAll('/', '__'));
  mkdirSync(out, { recursive: true });
  try {
    renderings += snapshot(id, dir, file, out);
    projectCount++;
  } catch (cause) {
    // A crash is output too: the refactor must crash (or not) in the same places.
    failures++;
    writeFileSync(path.join(out, 'crash.txt'), `${cause?.message ?? cause}\n`);
  }
}
console.log(`${projectCount} projects, ${renderings} renderings, ${failures} crashes -> ${outDir}`);
