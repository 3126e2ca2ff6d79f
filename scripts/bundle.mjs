/**
 * Bundles the CLI into one file, dist/bundle/cli.cjs, and records a V8 code cache for it.
 *
 * Why: Node 20 has no module compile cache. Resolving and compiling ~100 small modules (yaml alone is ~80) costs
 * tens of milliseconds on every start, and so does compiling the large ahead-of-time schema validator on its
 * first call; a pre-commit hook pays both on every commit. One CommonJS bundle is loaded by bin/stackport.js
 * through vm.Script with the cache made here, after a warm-up run, so the functions a run needs arrive compiled.
 * A cache made by another Node version is rejected by V8 and the bundle simply compiles as usual. The library
 * (dist/index.js) stays unbundled for build scripts that import it.
 *
 * `node scripts/bundle.mjs [--outdir DIR] [--readable]`: DIR defaults to dist/bundle; --readable keeps names and
 * layout for profiles (bench/profile.js builds such a copy in a temporary directory).
 */
import { build } from 'esbuild';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const outdirFlag = argv.indexOf('--outdir');
const outdir = outdirFlag >= 0 ? path.resolve(argv[outdirFlag + 1]) : `${root}dist/bundle`;
const readable = argv.includes('--readable') || process.env.STACKPORT_BUNDLE_DEBUG === '1';
rmSync(outdir, { recursive: true, force: true });

// tsc compiles only .ts files; the schema validator generated ahead of time is plain JavaScript with a .d.ts.
cpSync(`${root}src/validate/generated`, `${root}dist/validate/generated`, { recursive: true });

/**
 * commander requires child_process at load time for executable subcommands, which stackport has none of; loading
 * it pulls in net, dgram and the stream modules on every start. This plugin hands commander a stand-in that
 * requires the real module only if a property of it is ever read.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${path.sep}commander${path.sep}`) ? { path: 'lazy-child-process', namespace: 'stackport' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stackport' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });",
      loader: 'js',
    }));
  },
};

await build({
  absWorkingDir: root,
  plugins: [lazyChildProcess],
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Fewer bytes to read and hash; --readable (or STACKPORT_BUNDLE_DEBUG=1) for profiles.
  minify: !readable,
  // Types only: never loaded at run time.
  external: ['@kubernetes/client-node'],
  logLevel: 'warning',
  legalComments: 'none',
});

// V8 keeps an ASCII source as a one-byte string, read without UTF-8 decoding (bin/load-bundle.js reads it as
// latin1); esbuild escapes non-ASCII characters in strings but leaves them in regular expression literals, where a
// \uXXXX escape means the same. The file is written already wrapped in the CommonJS module function that
// bin/load-bundle.js calls, so that a start does not copy the whole source into a new string to wrap it.
const bundleFile = path.join(outdir, 'cli.cjs');
const ascii = readFileSync(bundleFile, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(bundleFile, `(function (exports, require, module, __filename, __dirname) {${ascii}\n})`);

const cache = spawnSync(process.execPath, [`${root}scripts/make-code-cache.mjs`, outdir], { cwd: root, encoding: 'utf8' });
if (cache.status !== 0) {
  // The cache only saves start time; without it the CLI is correct, just slower to start.
  process.stderr.write(`bundle: no code cache (${cache.stderr.trim() || `exit ${cache.status}`})\n`);
}

// V8 rejects a cache made under other flags (the CLI changes one for large inputs, src/cli/runtime-tuning.ts; a
// warm-up that triggered it would produce a cache no run accepts), so check that a fresh process takes it.
if (cache.status === 0) {
  const probe = `const { script } = require(${JSON.stringify(`${root}bin/load-bundle.js`)}).loadCliBundle(${JSON.stringify(outdir)}); process.stdout.write(String(script.cachedDataRejected));`;
  const accepted = spawnSync(process.execPath, ['-e', probe], { cwd: root, encoding: 'utf8' });
  if (accepted.stdout !== 'false') process.stderr.write(`bundle: warning: V8 rejects the code cache (${accepted.stdout || accepted.stderr.trim()}); the CLI will start slower\n`);
}
