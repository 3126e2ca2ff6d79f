/**
 * Differential schema test (issue 2): stackport's own schema and the official one (compose-go's draft 2020-12
 * copy) give the same verdict on every complete spec example, every corpus file, and generated invalid variants.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseComposeYaml } from '../../src/parse/index.js';
import { stripMarkers } from '../../src/load/merge/merge.js';
import { validate as ours } from '../../src/validate/generated/compose-validator.js';
import { corpusComposeFiles } from '../helpers/corpus.js';
import { HAVE_SHARED, sharedPath, warnIfNoShared } from '../helpers/shared.js';

warnIfNoShared('the differential schema test');

function officialValidator(): (data: unknown) => boolean {
  const schema = JSON.parse(readFileSync(sharedPath('compose-reference', 'compose-go.compose-spec.json'), 'utf8'));
  const ajv = new Ajv2020({ strict: false, allowUnionTypes: true, validateFormats: false });
  return ajv.compile(schema);
}

/** Parsed documents as the validator sees them (plain JSON), or nothing when the YAML itself is invalid. */
function documents(text: string, file: string): unknown[] {
  const parsed = parseComposeYaml(text, file);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return [];
  return parsed.documents.map((d) => JSON.parse(JSON.stringify(stripMarkers(d.value) ?? null)));
}

function specExamples(): { id: string; model: unknown }[] {
  const root = sharedPath('compose-reference', 'fixtures', 'compose-spec', 'examples');
  const out: { id: string; model: unknown }[] = [];
  for (const chapter of readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    for (const file of readdirSync(path.join(root, chapter)).sort()) {
      if (!file.endsWith('.yaml')) continue;
      for (const model of documents(readFileSync(path.join(root, chapter, file), 'utf8'), file)) {
        // Complete files only: fragments of a service or a resource are not Compose files on their own.
        if (model !== null && typeof model === 'object' && !Array.isArray(model) && Object.keys(model).some((k) => ['services', 'networks', 'volumes', 'secrets', 'configs', 'name', 'include', 'models'].includes(k))) {
          out.push({ id: `${chapter}/${file}`, model });
        }
      }
    }
  }
  return out;
}

/** Invalid (or at least different) variants of a model: wrong types, unknown keys, bad port strings. */
function variants(model: unknown): unknown[] {
  if (model === null || typeof model !== 'object' || Array.isArray(model)) return [];
  const services = (model as { services?: Record<string, Record<string, unknown>> }).services;
  if (!services || typeof services !== 'object') return [];
  const out: unknown[] = [];
  const name = Object.keys(services)[0];
  if (name === undefined || services[name] === null || typeof services[name] !== 'object') return [];
  const edit = (change: (s: Record<string, unknown>) => void) => {
    const copy = structuredClone(model) as { services: Record<string, Record<string, unknown>> };
    change(copy.services[name]!);
    out.push(copy);
  };
  edit((s) => (s.image = 42));
  edit((s) => (s.ports = ['80:80', { target: 'eighty', published: true }]));
  edit((s) => (s.ports = [{ target: 80, bogus: 1 }]));
  edit((s) => (s.unknown_key = 'x'));
  edit((s) => (s.environment = 'FOO=1'));
  edit((s) => (s.depends_on = { db: { restart: true } }));
  edit((s) => (s.deploy = { resources: { limits: { memory: 512 } } }));
  edit((s) => (s.healthcheck = { test: 5, interval: 10 }));
  edit((s) => (s.volumes = [{ source: 'x', target: '/x' }]));
  edit((s) => (s.cap_add = ['A', 'A']));
  edit((s) => (s['x-ok'] = { anything: [1] }));
  edit((s) => (s.ulimits = { nofile: { soft: 1 } }));
  edit((s) => (s.networks = { 'bad name!': null }));
  return out;
}

describe.skipIf(!HAVE_SHARED)('our schema vs the official schema', () => {
  it('gives the same verdict on spec examples, the corpus and invalid variants', () => {
    const official = officialValidator();
    const cases: { id: string; model: unknown }[] = [...specExamples()];
    for (const f of corpusComposeFiles()) {
      for (const model of documents(readFileSync(path.join(f.dir, f.file), 'utf8'), f.file)) cases.push({ id: f.id, model });
    }
    const withVariants = cases.flatMap((c) => [c, ...variants(c.model).map((model, i) => ({ id: `${c.id} variant ${i}`, model }))]);
    const disagreements: string[] = [];
    let valid = 0;
    for (const c of withVariants) {
      const a = ours(c.model);
      const b = official(c.model);
      if (a) valid++;
      if (a !== b) disagreements.push(`${c.id}: ours ${a ? 'accepts' : 'rejects'}, official ${b ? 'accepts' : 'rejects'}`);
    }
    console.log(`schema differential: ${withVariants.length} documents (${cases.length} originals), ${valid} valid, ${withVariants.length - disagreements.length} agree, ${disagreements.length} disagree`);
    expect(disagreements).toEqual([]);
    expect(withVariants.length).toBeGreaterThan(1000);
  });
});
