/**
 * Writes dist/bundle/cli.cache: the V8 code cache of the CLI bundle after it has converted the example project
 * both ways in memory, so the functions a typical run calls (loader, validator, emitters, YAML printer) are in it.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const { loadCliBundle } = createRequire(import.meta.url)('../bin/load-bundle.js');

const root = fileURLToPath(new URL('..', import.meta.url));
const { script, exports } = loadCliBundle();
const io = { stdout() {}, stderr() {}, stderrIsTty: false, env: {}, cwd: `${root}fixtures/example` };
for (const args of [['config'], ['convert', '--to', 'kubernetes'], ['convert', '--to', 'swarm'], ['validate', '--to', 'kubernetes']]) {
  const code = await exports.runCli(args, io);
  if (code !== 0) throw new Error(`warm-up run "${args.join(' ')}" exited ${code}`);
}
writeFileSync(`${root}dist/bundle/cli.cache`, script.createCachedData());
