/**
 * Golden files: every project under `fixtures/` (a folder with `compose.yaml`) is loaded and converted, and the
 * output must equal the files in its `expected/` folder byte for byte, so a reviewer reads every behaviour change
 * as a diff. `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts` rewrites them after a deliberate change.
 *
 * A fixture may hold `options.json`: `{ "load": {...}, "kubernetes": {...}, "swarm": {...}, "env": {...} }`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../src/load/loader.js';
import { convert } from '../src/convert.js';
import { emitCompose } from '../src/emit/compose/index.js';
import { render } from '../src/render/render.js';
import { toYaml } from '../src/render/yaml.js';
import { formatDiagnostic } from '../src/diagnostics/diagnostic.js';
import { REPO_ROOT } from './helpers/shared.js';
import { validateObjects } from './helpers/k8s-validate.js';
import { swarmSchemaErrors } from './helpers/swarm-schema.js';
import { dockerStackConfig, haveDockerStackConfig } from './helpers/docker-stack-config.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const FIXTURES = path.join(REPO_ROOT, 'fixtures');

interface FixtureOptions {
  load?: Record<string, unknown>;
  kubernetes?: Record<string, unknown>;
  swarm?: Record<string, unknown>;
  env?: Record<string, string>;
}

function projects(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(FIXTURES, e.name, 'compose.yaml')))
    .map((e) => e.name)
    .sort();
}

/** Everything a fixture produces, as expected-file name -> content. */
async function outputsOf(dir: string): Promise<Map<string, string>> {
  const optionsFile = path.join(dir, 'options.json');
  const options: FixtureOptions = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
  const loaded = load({ ...options.load, cwd: dir, env: options.env ?? {}, files: ['compose.yaml'] });
  const out = new Map<string, string>();
  out.set('diagnostics.txt', loaded.diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join(''));
  if (!loaded.project) return out;
  out.set('config.yaml', toYaml(emitCompose(loaded.project)));
  const kubernetes = convert(loaded.project, { target: 'kubernetes', ...options.kubernetes });
  // Golden output is only worth keeping when it is valid: check it before comparing it.
  expect(await validateObjects(kubernetes.objects)).toEqual([]);
  for (const [file, content] of render(kubernetes, { layout: 'stream' })) out.set(`kubernetes/${file}`, content);
  for (const [file, content] of render(kubernetes, { layout: 'helm' })) out.set(`helm/${file}`, content);
  const swarm = convert(loaded.project, { target: 'swarm', ...options.swarm });
  expect(swarmSchemaErrors(swarm.stack)).toEqual([]);
  if (!swarm.diagnostics.some((d) => d.severity === 'error') && haveDockerStackConfig()) {
    const stack = render(swarm, { layout: 'files' }).get('stack.yaml')!;
    const checked = dockerStackConfig(stack, dir);
    expect(checked.ok, checked.output).toBe(true);
  }
  for (const [file, content] of render(swarm, { layout: 'files' })) out.set(`swarm/${file}`, content);
  if (swarm.commands.length > 0) out.set('swarm-commands.txt', swarm.commands.map((c) => `${c}\n`).join(''));
  const conversionDiagnostics = [...kubernetes.diagnostics.map((d) => `kubernetes: ${formatDiagnostic(d)}`), ...swarm.diagnostics.map((d) => `swarm: ${formatDiagnostic(d)}`)];
  out.set('conversion-diagnostics.txt', conversionDiagnostics.map((l) => `${l}\n`).join(''));
  return out;
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

describe('golden fixtures', () => {
  for (const name of projects()) {
    it(name, async () => {
      const dir = path.join(FIXTURES, name);
      const expectedDir = path.join(dir, 'expected');
      const outputs = await outputsOf(dir);
      for (const [file, content] of outputs) {
        const target = path.join(expectedDir, file);
        if (UPDATE) {
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, content);
          continue;
        }
        expect(existsSync(target), `${name}/expected/${file} is missing; run UPDATE_GOLDEN=1`).toBe(true);
        expect(content, `${name}/expected/${file}`).toBe(readFileSync(target, 'utf8'));
      }
      if (!UPDATE) expect(listFiles(expectedDir).sort(), 'expected files no longer produced').toEqual([...outputs.keys()].sort());
    });
  }
});
