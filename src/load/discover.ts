/**
 * Which compose files a project consists of, as `docker compose` decides it: `-f`, else `COMPOSE_FILE`, else the
 * default names found in the working directory or the nearest parent, plus the matching override file.
 */
import path from 'node:path';
import type { Host } from './host.js';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';

/** Compose's default file names, in the order it tries them. */
export const DEFAULT_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

/** The override file names tried beside the default file, in order. */
export const DEFAULT_OVERRIDE_NAMES = [
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
];

/** A compose file to load: its absolute path (or `-`) and the name to show the user. */
export interface ComposeFileRef {
  /** Absolute path, or `-` for standard input. */
  readonly path: string;
  /** How diagnostics name the file: relative to the working directory when below it. */
  readonly display: string;
}

/** The result of discovery. */
export interface Discovery {
  files: ComposeFileRef[];
  diagnostics: Diagnostic[];
}

/** Shows a path relative to the working directory when that is shorter and inside it, as compilers do. */
export function displayPath(cwd: string, absolute: string): string {
  if (absolute === '-') return '-';
  const rel = path.relative(cwd, absolute);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
}

/**
 * Decides the compose files. `explicit` are the `-f` values; `composeFileVar` is `COMPOSE_FILE` from the project
 * environment (which may come from `.env`), split with `COMPOSE_PATH_SEPARATOR` or `:`.
 */
export function discoverComposeFiles(
  host: Host,
  cwd: string,
  explicit: readonly string[],
  env: (name: string) => string | undefined,
): Discovery {
  if (explicit.length > 0) return checkExisting(host, cwd, explicit, 'COMPOSE_FILE_NOT_FOUND');
  const fromEnv = env('COMPOSE_FILE');
  if (fromEnv) {
    const separator = env('COMPOSE_PATH_SEPARATOR') || (process.platform === 'win32' ? ';' : ':');
    const parts = fromEnv.split(separator).filter((p) => p !== '');
    return checkExisting(host, cwd, parts, 'COMPOSE_FILE_NOT_FOUND');
  }
  return findDefault(host, cwd);
}

function checkExisting(host: Host, cwd: string, names: readonly string[], code: string): Discovery {
  const files: ComposeFileRef[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    if (name === '-') {
      files.push({ path: '-', display: '-' });
      continue;
    }
    const abs = path.resolve(cwd, name);
    const kind = host.stat(abs);
    if (kind !== 'file') {
      diagnostics.push(
        error(code, kind === 'missing' ? `compose file ${name} not found` : `compose file ${name} is not a regular file`),
      );
      continue;
    }
    files.push({ path: abs, display: displayPath(cwd, abs) });
  }
  return { files, diagnostics };
}

function findDefault(host: Host, cwd: string): Discovery {
  const diagnostics: Diagnostic[] = [];
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const found = DEFAULT_FILE_NAMES.filter((n) => host.stat(path.join(dir, n)) === 'file');
    if (found.length > 0) {
      const main = path.join(dir, found[0]!);
      if (found.length > 1) {
        diagnostics.push(
          warning('COMPOSE_FILE_AMBIGUOUS', `found multiple config files (${found.join(', ')}); using ${found[0]}`),
        );
      }
      const files: ComposeFileRef[] = [{ path: main, display: displayPath(cwd, main) }];
      const override = DEFAULT_OVERRIDE_NAMES.find((n) => host.stat(path.join(dir, n)) === 'file');
      if (override) {
        const abs = path.join(dir, override);
        files.push({ path: abs, display: displayPath(cwd, abs) });
      }
      return { files, diagnostics };
    }
    if (path.dirname(dir) === dir) break;
  }
  diagnostics.push(
    error(
      'COMPOSE_FILE_NOT_FOUND',
      `no compose file found in ${cwd} or any parent directory (looked for ${DEFAULT_FILE_NAMES.join(', ')})`,
      undefined,
      'pass one with -f FILE',
    ),
  );
  return { files: [], diagnostics };
}
