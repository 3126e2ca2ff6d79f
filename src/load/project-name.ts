/**
 * The project name, by Compose's precedence: `-p`, then `COMPOSE_PROJECT_NAME`, then the last non-empty top-level
 * `name:` across the files, then the project directory's base name. The first two must already be valid; the last
 * two are normalized silently (compose-semantics §6).
 */
import path from 'node:path';
import { error, type Diagnostic, type SourceLocation } from '../diagnostics/diagnostic.js';

const VALID = /^[a-z0-9][a-z0-9_-]*$/;

/** A candidate `name:` found in a compose file. */
export interface NameCandidate {
  value: string;
  location?: SourceLocation;
}

/** Lowercases, drops characters outside `[a-z0-9_-]`, then leading `_` and `-`, as Compose does. */
export function normalizeProjectName(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');
}

/** True when `name` is a valid project name as given. */
export function isValidProjectName(name: string): boolean {
  return VALID.test(name);
}

/** Chooses the project name. */
export function chooseProjectName(input: {
  flag?: string;
  envVar?: string;
  fromFiles: readonly NameCandidate[];
  projectDir: string;
}): { name?: string; diagnostics: Diagnostic[] } {
  const imperative = input.flag ?? (input.envVar || undefined);
  if (imperative !== undefined) {
    if (isValidProjectName(imperative)) return { name: imperative, diagnostics: [] };
    const source = input.flag !== undefined ? '-p/--project-name' : 'COMPOSE_PROJECT_NAME';
    return {
      diagnostics: [
        error(
          'PROJECT_NAME_INVALID',
          `invalid project name "${imperative}" (from ${source}): it must consist only of lowercase letters, digits, hyphens and underscores, and start with a letter or digit`,
        ),
      ],
    };
  }
  const fromFile = [...input.fromFiles].reverse().find((c) => c.value !== '');
  const raw = fromFile?.value ?? path.basename(input.projectDir);
  const name = normalizeProjectName(raw);
  if (name === '') {
    return {
      diagnostics: [
        error(
          'PROJECT_NAME_EMPTY',
          `project name "${raw}" is empty once normalized to lowercase letters, digits, hyphens and underscores`,
          fromFile?.location,
          'set a top-level name: or pass -p NAME',
        ),
      ],
    };
  }
  return { name, diagnostics: [] };
}
