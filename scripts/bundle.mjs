/**
 * Bundles the CLI into a few files under dist/bundle/.
 *
 * Why: Node 20 has no module compile cache, and resolving and compiling ~100 small modules (yaml alone is ~80)
 * costs tens of milliseconds on every start, which a pre-commit hook pays on every commit. One bundle per lazily
 * loaded command keeps `stackport config` from loading the emitters, while the library (dist/index.js) stays
 * unbundled for build scripts that import it.
 */
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });

// tsc compiles only .ts files; the schema validator generated ahead of time is plain JavaScript with a .d.ts.
cpSync(`${root}src/validate/generated`, `${root}dist/validate/generated`, { recursive: true });

await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Full minification: V8 must pre-parse every byte of a module at start, so fewer bytes start faster.
  minify: true,
  keepNames: false,
  // Types only: never loaded at run time.
  external: ['@kubernetes/client-node'],
  // commander is CommonJS and calls require() for Node built-ins, which an ES module bundle must provide.
  banner: { js: "import { createRequire as __stackportRequire } from 'node:module'; const require = __stackportRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});
