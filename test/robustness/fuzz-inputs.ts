/**
 * Seed projects for the fuzz suite: the repository's fixtures and the public corpus, each held in memory with the
 * small files beside its compose file, so a mutated compose file still finds its env files, secrets and configs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { corpusComposeFiles } from '../helpers/corpus.js';
import { REPO_ROOT } from '../helpers/shared.js';

/** A seed: the compose text and the other files of its project, keyed by their path under `/project`. */
export interface FuzzSeed {
  id: string;
  compose: string;
  siblings: Record<string, Uint8Array>;
}

const MAX_SIBLING_BYTES = 64 * 1024;
const MAX_SIBLINGS = 40;

/** Every seed available: fixtures always, the corpus when `../shared` is present. */
export function fuzzSeeds(): FuzzSeed[] {
  const seeds: FuzzSeed[] = [];
  for (const dir of fixtureProjectDirs()) seeds.push(seedFrom(dir, 'compose.yaml', path.relative(REPO_ROOT, dir)));
  for (const f of corpusComposeFiles()) seeds.push(seedFrom(f.dir, f.file, f.id));
  return seeds;
}

function fixtureProjectDirs(): string[] {
  const root = path.join(REPO_ROOT, 'fixtures');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'expected') walk(full);
      else if (entry.name === 'compose.yaml') found.push(dir);
    }
  };
  walk(root);
  return found.sort();
}

function seedFrom(dir: string, file: string, id: string): FuzzSeed {
  const siblings: Record<string, Uint8Array> = {};
  let count = 0;
  const walk = (current: string, depth: number) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (count >= MAX_SIBLINGS) return;
      const full = path.join(current, entry.name);
      const rel = path.relative(dir, full);
      if (entry.isDirectory() && depth < 3 && entry.name !== 'expected' && entry.name !== 'node_modules') walk(full, depth + 1);
      else if (entry.isFile() && rel !== file && statSync(full).size <= MAX_SIBLING_BYTES) {
        siblings[rel.split(path.sep).join('/')] = readFileSync(full);
        count++;
      }
    }
  };
  walk(dir, 0);
  return { id, compose: readFileSync(path.join(dir, file), 'utf8'), siblings };
}
